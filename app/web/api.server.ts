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

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** The methods a table may serve, in the order `Allow` lists them. */
export const METHODS: readonly Method[] = ["GET", "POST", "PATCH", "PUT", "DELETE"];

type BodyOf<S> = S extends z.ZodType ? z.infer<S> : Record<string, unknown>;

type Context<Body, U> = {
  request: Request;
  params: Record<string, string | undefined>;
  db: Db;
  user: U;
  body: Body;
};

type EndpointSpec<S, U> = {
  /** One line for the OpenAPI document. */
  summary: string;
  /** Validates the JSON body here; the handler gets the parsed value. */
  body?: S;
  /**
   * The schema the use-case function validates the raw body with (the handler passes it on
   * untouched); named here so the document shows the same schema the call enforces.
   */
  input?: z.ZodType;
  /** The query parameters, parsed and validated by the use-case function with this schema. */
  query?: z.ZodType;
  /** The shape of a successful answer (JSON), for the document and the tests that check it. */
  response?: z.ZodType;
  /** A successful answer that is not JSON (the ICS feed). */
  contentType?: string;
  /** Status of a successful answer (default 200; 204 sends no body). */
  status?: number;
  handler: (ctx: Context<BodyOf<S>, U>) => unknown | Promise<unknown>;
};

export type Endpoint = {
  auth: boolean;
  summary: string;
  body?: z.ZodType;
  input?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  contentType?: string;
  status?: number;
  handler: (ctx: Context<unknown, User | null>) => unknown | Promise<unknown>;
};

export type ApiTable = Partial<Record<Method, Endpoint>>;

/** An API call that needs a bearer token. */
export function endpoint<S extends z.ZodType | undefined = undefined>(spec: EndpointSpec<S, User>): Endpoint {
  return { ...spec, auth: true } as Endpoint;
}

/** An API call open without a token (`POST /tokens`, the OpenAPI document, the ICS feed). */
export function publicEndpoint<S extends z.ZodType | undefined = undefined>(spec: EndpointSpec<S, null>): Endpoint {
  return { ...spec, auth: false } as Endpoint;
}

/** `application/json`, or a JSON flavour such as `application/merge-patch+json`, with any parameters. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === "") return {};
  // A form post or plain text that happens to parse as JSON is still not what the call takes.
  if (!JSON_MEDIA_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new DomainError("bad_request", "Send the body as JSON, with Content-Type: application/json.");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DomainError("bad_request", "The body is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new DomainError("bad_request", "The body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

/** Every method a table answers, HEAD with GET and OPTIONS always, as `Allow` spells it. */
export function allowedMethods(endpoints: ApiTable): string[] {
  const served = METHODS.filter((m) => endpoints[m]);
  return [...(endpoints.GET ? ["GET", "HEAD"] : []), ...served.filter((m) => m !== "GET"), "OPTIONS"];
}

async function run(endpoints: ApiTable, args: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
  const { request, params } = args;
  const method = request.method.toUpperCase();
  const allow = allowedMethods(endpoints).join(", ");
  if (method === "OPTIONS") return new Response(null, { status: 204, headers: { ...API_HEADERS, Allow: allow } });
  if (method === "HEAD" && endpoints.GET) {
    // The GET's status and headers, without its body.
    const answer = await run(endpoints, { ...args, request: new Request(request.url, { method: "GET", headers: request.headers }) });
    return new Response(null, { status: answer.status, headers: answer.headers });
  }
  const e = endpoints[method as Method];
  if (!e) {
    return apiJson({ error: { code: "method_not_allowed", message: `${request.method} is not supported here.` } }, 405, { Allow: allow });
  }
  try {
    const db = getDb();
    let user: User | null = null;
    if (e.auth) {
      user = authenticateToken(db, bearerToken(request));
      if (!user) throw new DomainError("unauthorized", "Send a valid token: Authorization: Bearer <token>.");
      noteRequestUser(user.id);
    }
    // Every write call takes a JSON object (or nothing); a `body` schema validates it here,
    // else the use-case function validates the raw object itself (with the `input` schema).
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

const tables = new WeakMap<object, ApiTable>();

/** Build a route's `loader` (GET, HEAD) and `action` (other methods) from one table of endpoints. */
export function apiRoute(endpoints: ApiTable) {
  const route = {
    loader: (args: LoaderFunctionArgs) => run(endpoints, args),
    action: (args: ActionFunctionArgs) => run(endpoints, args),
  };
  tables.set(route.loader, endpoints);
  return route;
}

/** The table behind a route module's `loader`, for the OpenAPI document (none: not an apiRoute). */
export function apiTableOf(loader: unknown): ApiTable | undefined {
  return typeof loader === "function" ? tables.get(loader) : undefined;
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
