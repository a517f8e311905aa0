import type { APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "../support/e2e";
import { demoTest } from "../support/demo-copy";

async function tokenFor(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await request.post("/api/v1/tokens", { data: { email, password, name: "e2e" } });
  expect(response.status()).toBe(201);
  return (await response.json()).token;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

test.describe("API spine", () => {
  test("tokens: 201 for the right password, 401 for a wrong one, and /me answers with the token", async ({ request }) => {
    const token = await tokenFor(request, "customer@example.com");
    expect(token).toMatch(/^spl_[A-Za-z0-9_-]{43}$/);

    const wrong = await request.post("/api/v1/tokens", { data: { email: "customer@example.com", password: "nope" } });
    expect(wrong.status()).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { code: "unauthorized", message: "That email and password do not match an active account." },
    });

    const me = await request.get("/api/v1/me", { headers: bearer(token) });
    expect(me.status()).toBe(200);
    expect(me.headers()["content-type"]).toContain("application/json");
    expect(me.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await me.json()).toEqual({
      id: expect.any(Number),
      name: "Grace Liu",
      email: "customer@example.com",
      role: "customer",
      company: "Northwind Bank",
      // The demo customer has spent 7 of 10 votes.
      votes: { budget: 10, used: 7, available: 3 },
    });
  });

  test("401 without a token or with a bad one", async ({ request }) => {
    const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer spl_nonsense" }, { Authorization: "Basic abc" }];
    for (const headers of attempts) {
      const response = await request.get("/api/v1/me", { headers });
      expect(response.status()).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });

  test("token creation is rate limited: 429 with Retry-After after 5 failures", async ({ request }) => {
    const email = `api-locked-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    for (let i = 0; i < 5; i++) {
      expect((await request.post("/api/v1/tokens", { data: { email, password: `x${i}` } })).status()).toBe(401);
    }
    const locked = await request.post("/api/v1/tokens", { data: { email, password: "x" } });
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(800);
    expect((await locked.json()).error.code).toBe("rate_limited");
  });

  test("400 for a body that is not JSON or not an object; 422 with fields for invalid input", async ({ request }) => {
    const token = await tokenFor(request, "admin@example.com");
    for (const data of ["{not json", "[1,2]", '"text"', "42", "null"]) {
      const response = await request.post("/api/v1/holidays", {
        headers: { ...bearer(token), "Content-Type": "application/json" },
        data,
      });
      expect(response.status(), data).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
    const invalid = await request.post("/api/v1/holidays", { headers: bearer(token), data: { date: "2027-02-30", name: "" } });
    expect(invalid.status()).toBe(422);
    expect(await invalid.json()).toEqual({
      error: {
        code: "invalid",
        message: "Some fields need attention.",
        fields: { date: "That date does not exist.", name: "Name the holiday." },
      },
    });
  });

  test("404 in the JSON envelope for unknown API paths and resources", async ({ request }) => {
    const token = await tokenFor(request, "admin@example.com");
    for (const path of ["/api/v1", "/api/v1/", "/api/v1/nope", "/api/v1/users/1/nothing", "/api/v1/users/abc", "/api/v1/users/999999"]) {
      const response = await request.get(path, { headers: bearer(token) });
      expect(response.status(), path).toBe(404);
      expect(response.headers()["content-type"], path).toContain("application/json");
      expect((await response.json()).error.code, path).toBe("not_found");
    }
  });

  demoTest("administration: users and holidays, with 403 for other roles and 409 for a known date", async ({ request }) => {
    const admin = await tokenFor(request, "admin@example.com");
    const customer = await tokenFor(request, "partner@example.com");

    expect((await request.get("/api/v1/users", { headers: bearer(customer) })).status()).toBe(403);
    const forbidden = await request.post("/api/v1/holidays", { headers: bearer(customer), data: { date: "2027-03-17", name: "x" } });
    expect(forbidden.status()).toBe(403);
    expect((await forbidden.json()).error.code).toBe("forbidden");

    const local = `api.user.${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const created = await request.post("/api/v1/users", {
      headers: bearer(admin),
      data: { email: `${local}@example.com`, name: "Api User", role: "customer", password: "long-enough-pw", company: "Acme Health" },
    });
    expect(created.status()).toBe(201);
    const user = await created.json();
    expect(user).toMatchObject({ email: `${local}@example.com`, name: "Api User", role: "customer", company: "Acme Health" });

    const duplicate = await request.post("/api/v1/users", {
      headers: bearer(admin),
      data: { email: `${local.toUpperCase()}@example.com`, name: "Again", role: "customer", password: "long-enough-pw" },
    });
    expect(duplicate.status()).toBe(409);

    const userToken = await tokenFor(request, `${local}@example.com`, "long-enough-pw");
    const patched = await request.patch(`/api/v1/users/${user.id}`, { headers: bearer(admin), data: { role: "partner" } });
    expect(patched.status()).toBe(200);
    expect((await patched.json()).role).toBe("partner");

    const deactivated = await request.patch(`/api/v1/users/${user.id}`, { headers: bearer(admin), data: { active: false } });
    expect((await deactivated.json()).active).toBe(false);
    expect((await request.get("/api/v1/me", { headers: bearer(userToken) })).status()).toBe(401);

    const bad = await request.patch(`/api/v1/users/${user.id}`, { headers: bearer(admin), data: { role: "owner" } });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.fields.role).toMatch(/Choose a role/);

    const added = await request.post("/api/v1/holidays", { headers: bearer(admin), data: { date: "2027-03-17", name: "St Patrick's Day" } });
    expect(added.status()).toBe(201);
    expect(await added.json()).toEqual({ date: "2027-03-17", name: "St Patrick's Day" });
    const again = await request.post("/api/v1/holidays", { headers: bearer(admin), data: { date: "2027-03-17", name: "Again" } });
    expect(again.status()).toBe(409);
    const list = await (await request.get("/api/v1/holidays", { headers: bearer(customer) })).json();
    expect(list.map((h: { date: string }) => h.date)).toEqual([...list.map((h: { date: string }) => h.date)].sort());
    expect(list).toContainEqual({ date: "2027-03-17", name: "St Patrick's Day" });

    const removed = await request.delete("/api/v1/holidays/2027-03-17", { headers: bearer(admin) });
    expect(removed.status()).toBe(204);
    expect((await request.delete("/api/v1/holidays/2027-03-17", { headers: bearer(admin) })).status()).toBe(404);
  });

  test("no input, however malformed, produces a 500", async ({ request }) => {
    const admin = await tokenFor(request, "admin@example.com");
    const bodies: unknown[] = [
      {},
      { email: 5, password: [] },
      { email: "a".repeat(10_000), password: "b" },
      { date: null, name: { x: 1 } },
      { role: ["admin"], active: "yes" },
      { amount: Number.MAX_SAFE_INTEGER },
      { "__proto__": { admin: true } },
    ];
    const calls: [string, string][] = [
      ["POST", "/api/v1/tokens"],
      ["POST", "/api/v1/users"],
      ["PATCH", "/api/v1/users/1"],
      ["PATCH", "/api/v1/users/-1"],
      ["PATCH", "/api/v1/users/99999999999999999999"],
      ["POST", "/api/v1/holidays"],
      ["DELETE", "/api/v1/holidays/%00"],
      ["PUT", "/api/v1/me"],
      ["POST", "/api/v1/projects"],
      ["POST", "/api/v1/projects/1/members"],
      ["POST", "/api/v1/projects/1/stories"],
      ["POST", "/api/v1/projects/1/sprints"],
      ["POST", "/api/v1/projects/1/features"],
      ["POST", "/api/v1/projects/1/go-lives"],
      ["PATCH", "/api/v1/stories/1"],
      ["PATCH", "/api/v1/stories/abc"],
      ["POST", "/api/v1/sprints/1/close"],
      ["POST", "/api/v1/sprints/999/start"],
      ["POST", "/api/v1/go-lives/1/done"],
      ["GET", "/api/v1/projects/1/backlog?sprint=bogus&feature=-1"],
      ["GET", "/api/v1/sprints/abc/burndown"],
      ["POST", "/api/v1/ideas"],
      ["POST", "/api/v1/ideas/COANA-I-1/status"],
      ["POST", "/api/v1/ideas/COANA-I-1/comments"],
      ["PATCH", "/api/v1/portals/pureengage"],
      ["POST", "/api/v1/users/1/vote-grants"],
    ];
    for (const [method, path] of calls) {
      for (const data of bodies) {
        const response = await request.fetch(path, { method, headers: bearer(admin), ...(method === "GET" ? {} : { data }) });
        expect(response.status(), `${method} ${path} ${JSON.stringify(data)}`).toBeLessThan(500);
        if (response.status() >= 400) expect((await response.json()).error, `${method} ${path}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    }
  });
});
