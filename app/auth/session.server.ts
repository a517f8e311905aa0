import { createCookie, redirect } from "@remix-run/node";
import { getDb } from "../../db/client.server";
import { noteRequestUser } from "../lib/request-context.server";
import type { Role } from "../../db/schema";
import { globalCan, type GlobalAction } from "./permissions";
import { sessionSecret } from "./secret.server";
import { appUrl } from "../lib/app-url";
import { SESSION_DAYS, createSession, deleteSession, getSessionUser } from "./sessions.server";
import type { User } from "./users.server";

let cookie: ReturnType<typeof createCookie> | undefined;

/** The session cookie holds only the session id; the row in `sessions` is what makes it valid. */
export function sessionCookie() {
  cookie ??= createCookie("sprintlab_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.COOKIE_SECURE === "true",
    secrets: [sessionSecret()],
    maxAge: SESSION_DAYS * 86_400,
  });
  return cookie;
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" ? value : null;
}

export async function getUser(request: Request): Promise<User | null> {
  const user = getSessionUser(getDb(), await sessionIdFrom(request));
  if (user) noteRequestUser(user.id);
  return user;
}

export { safeRedirect } from "./redirect";

export async function requireUser(request: Request): Promise<User> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/sign-in" : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export function forbidden(message = "Your role does not allow this."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<User> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export async function requirePermission(request: Request, action: GlobalAction): Promise<User> {
  const user = await requireUser(request);
  if (!globalCan(user.role, action)) forbidden();
  return user;
}

/**
 * Whether the session cookie is `Secure`: always when COOKIE_SECURE=true or APP_URL is https, and
 * for a request that came over https — which, behind a proxy, the server believes from
 * X-Forwarded-Proto only when TRUST_PROXY names that proxy (express builds the request's URL).
 */
export function secureCookie(request: Request): boolean {
  return process.env.COOKIE_SECURE === "true" || appUrl().startsWith("https:") || new URL(request.url).protocol === "https:";
}

export async function startSession(request: Request, userId: number, redirectTo: string): Promise<Response> {
  const id = createSession(getDb(), userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize(id, { secure: secureCookie(request) }) } });
}

export async function endSession(request: Request): Promise<Response> {
  const id = await sessionIdFrom(request);
  if (id) deleteSession(getDb(), id);
  return redirect("/sign-in", { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0, secure: secureCookie(request) }) } });
}
