import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { getDb, type Db } from "../../db/client.server";
import { authenticateToken, bearerToken } from "../auth/tokens.server";
import type { User } from "../auth/users.server";
import { DomainError, isDomainError } from "../lib/errors";
import { logger } from "../lib/log.server";
import { noteRequestUser } from "../lib/request-context.server";
import { parseInput } from "../lib/validation";

/**
 * The one mechanism behind every `/api/v1` route: method dispatch, bearer-token check, JSON
 * body parsing, zod validation, and DomainError → status + envelope. Resource routes skip
 * entry.server's headers, so the security headers are set here too.
 */

const API_HEADERS: Record<string, string> = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
};

export function apiJson(data: unknown, status = 200, extra: Record<string, string> = {}): Response {
  if (status === 204) return new Response(null, { status, headers: { ...API_HEADERS, ...extra } });
  return new Response(JSON.stringify(data), { status, headers: { ...API_HEADERS, ...extra } });
}

export function apiError(error: DomainError): Response {
  const body: { code: string; message: string; fields?: Record<string, string> } = {
    code: error.code,
    message: error.message,
  };
  if (error.fields) body.fields = error.fields;
  const extra: Record<string, string> = error.retryAfter ? { "Retry-After": String(error.retryAfter) } : {};
  if (error.code === "unauthorized") extra["WWW-Authenticate"] = 'Bearer realm="sprintlab"';
  return apiJson({ error: body }, error.status, extra);
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type BodyOf<S> = S extends z.ZodType ? z.infer<S> : Record<string, unknown>;

type Context<Body, U> = {
  request: Request;
  params: Record<string, string | undefined>;
  db: Db;
  user: U;
  body: Body;
};

type EndpointSpec<S, U> = {
  /** Validates the JSON body; without it the use-case function validates the raw object. */
  body?: S;
  /** Status of a successful answer (default 200; 204 sends no body). */
  status?: number;
  handler: (ctx: Context<BodyOf<S>, U>) => unknown | Promise<unknown>;
};

type Endpoint = {
  auth: boolean;
  body?: z.ZodType;
  status?: number;
  handler: (ctx: Context<unknown, User | null>) => unknown | Promise<unknown>;
};

/** An API call that needs a bearer token. */
export function endpoint<S extends z.ZodType | undefined = undefined>(spec: EndpointSpec<S, User>): Endpoint {
  return { ...spec, auth: true } as Endpoint;
}

/** An API call open without a token (only `POST /tokens`). */
export function publicEndpoint<S extends z.ZodType | undefined = undefined>(spec: EndpointSpec<S, null>): Endpoint {
  return { ...spec, auth: false } as Endpoint;
}

async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  let parsed: unknown;
  try {
    parsed = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new DomainError("bad_request", "The body is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new DomainError("bad_request", "The body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

async function run(endpoints: Partial<Record<Method, Endpoint>>, args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { request, params } = args;
  const method = request.method.toUpperCase() as Method;
  const e = endpoints[method];
  if (!e) {
    return apiJson(
      { error: { code: "method_not_allowed", message: `${request.method} is not supported here.` } },
      405,
      { Allow: Object.keys(endpoints).join(", ") },
    );
  }
  try {
    const db = getDb();
    let user: User | null = null;
    if (e.auth) {
      user = authenticateToken(db, bearerToken(request));
      if (!user) throw new DomainError("unauthorized", "Send a valid token: Authorization: Bearer <token>.");
      noteRequestUser(user.id);
    }
    // Every write call takes a JSON object (or nothing); a schema, when given, validates it here,
    // else the use-case function validates the raw object itself.
    let body: unknown = undefined;
    if (method === "POST" || method === "PATCH" || method === "PUT") {
      body = await readJsonBody(request);
      if (e.body) body = parseInput(e.body, body);
    }
    const result = await e.handler({ request, params, db, user, body });
    if (result instanceof Response) return result;
    return apiJson(result ?? null, e.status ?? 200);
  } catch (error) {
    if (isDomainError(error)) return apiError(error);
    logger().error({ err: error }, "API call failed");
    return apiJson({ error: { code: "internal", message: "Something went wrong on our side." } }, 500);
  }
}

/** Build a route's `loader` (GET) and `action` (other methods) from one table of endpoints. */
export function apiRoute(endpoints: Partial<Record<Method, Endpoint>>) {
  return {
    loader: (args: LoaderFunctionArgs) => run(endpoints, args),
    action: (args: ActionFunctionArgs) => run(endpoints, args),
  };
}

export function requireApiPermission(allowed: boolean): void {
  if (!allowed) throw new DomainError("forbidden", "Your role does not allow this.");
}

/** A path parameter that must be a positive integer id; anything else is simply not found. */
export function idParam(value: string | undefined, what = "resource"): number {
  const id = Number(value);
  if (!value || !/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new DomainError("not_found", `No such ${what}.`);
  }
  return id;
}
