import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../../db/seed/users";

let counter = 0;

export async function tokenFor(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await request.post("/api/v1/tokens", { data: { email, password, name: "e2e" } });
  expect(response.status(), `token for ${email}`).toBe(201);
  return (await response.json()).token;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A fresh user made by the demo admin through the API, so a test owns its own vote budget. */
export async function newUser(request: APIRequestContext, role: "customer" | "partner" | "staff" | "pm" = "customer", company = "Fabrikam Insurance") {
  const admin = await tokenFor(request, "admin@example.com");
  const email = `e2e-${role}-${Date.now()}-${++counter}-${Math.floor(Math.random() * 1e6)}@example.test`;
  const password = "e2e-password-long";
  const response = await request.post("/api/v1/users", {
    headers: bearer(admin),
    data: { email, name: `E2E ${role} ${counter}`, role, password, company },
  });
  expect(response.status()).toBe(201);
  const user = await response.json();
  return { ...user, email, password, token: await tokenFor(request, email, password) } as { id: number; email: string; name: string; password: string; token: string };
}

export async function newIdea(request: APIRequestContext, token: string, title: string, category = "COANA") {
  const response = await request.post("/api/v1/ideas", {
    headers: bearer(token),
    data: { category, title, description: "A fresh idea made for this journey, with enough words to pass." },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { key: string; title: string };
}
