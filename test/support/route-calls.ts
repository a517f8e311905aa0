/// <reference types="vite/client" />
import { API_ROUTES } from "../../app/web/api-routes.server";
import { apiTableOf, METHODS } from "../../app/web/api.server";
import type { Persona, World } from "./matrix-world";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
export type PageModule = { action?: Handler };

/** Every route file outside the API: its source (to read its intents) and its module. */
const SOURCES = import.meta.glob<string>(["../../app/routes/**/*.{ts,tsx}", "!../../app/routes/api+/**"], { query: "?raw", import: "default", eager: true });
const MODULES = import.meta.glob<PageModule>(["../../app/routes/**/*.{ts,tsx}", "!../../app/routes/api+/**"]);

const routeId = (file: string) => file.replace("../../app/routes/", "").replace(/\.tsx?$/, "");

/** The `action` export's body: from its signature to the first closing brace in column 0. */
function actionSource(source: string): string | null {
  const start = source.search(/export (async )?function action\b/);
  if (start < 0) return null;
  const end = source.indexOf("\n}", start);
  return source.slice(start, end < 0 ? undefined : end);
}

/**
 * Every page route with an action, and the intents that action tells apart, read from its source:
 * `case "x"`, `intent === "x"` and `form.get("intent") === "x"`; "(default)" is the branch taken
 * with no such intent, unless the action answers an unknown intent with a 400.
 */
export function pageActions(defaultIntent: string): { route: string; intents: string[] }[] {
  return Object.entries(SOURCES)
    .map(([file, source]) => ({ route: routeId(file), body: actionSource(source) }))
    .filter((r): r is { route: string; body: string } => r.body !== null)
    .map(({ route, body }) => {
      const named = new Set<string>();
      for (const m of body.matchAll(/case "([^"]+)"|intent"?\)?\s*===\s*"([^"]+)"/g)) named.add(m[1] ?? m[2]);
      const refusesOthers = /default:\s*throw new Response\("Unknown action"/.test(body);
      return { route, intents: [...named, ...(refusesOthers ? [] : [defaultIntent])].sort() };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Every API call that writes: method and path as the OpenAPI document spells them. */
export function apiWrites(): { method: string; path: string }[] {
  return API_ROUTES.flatMap(({ path, module }) => {
    const table = apiTableOf(module.loader) ?? {};
    return METHODS.filter((m) => m !== "GET" && table[m]).map((method) => ({ method, path }));
  });
}

export async function pageModule(route: string): Promise<PageModule> {
  const load = MODULES[`../../app/routes/${route}.tsx`] ?? MODULES[`../../app/routes/${route}.ts`];
  if (!load) throw new Error(`no route file ${route}`);
  return load();
}

export type Answer = { status: number; location: string | null; contentType: string; text: string };

async function answerOf(response: Response): Promise<Answer> {
  return { status: response.status, location: response.headers.get("location"), contentType: response.headers.get("content-type") ?? "", text: await response.text() };
}

/** Run a page action as Remix does: a real Request with the persona's session cookie; a thrown Response is the answer. */
export async function callPage(
  module: PageModule,
  call: { path: string; params: Record<string, string> },
  cookie: string | null,
  body: { form?: Record<string, string | string[]>; multipart?: boolean; raw?: BodyInit; contentType?: string },
): Promise<Answer> {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  let payload: BodyInit;
  if (body.raw !== undefined) {
    payload = body.raw;
    if (body.contentType) headers.set("Content-Type", body.contentType);
  } else if (body.multipart) {
    const data = new FormData();
    for (const [key, value] of Object.entries(body.form ?? {})) {
      for (const v of [value].flat()) key === "file" ? data.append(key, new File([v], "notes.txt", { type: "text/plain" })) : data.append(key, v);
    }
    payload = data;
  } else {
    const data = new URLSearchParams();
    for (const [key, value] of Object.entries(body.form ?? {})) for (const v of [value].flat()) data.append(key, v);
    payload = data;
  }
  const request = new Request(`http://localhost${call.path}`, { method: "POST", headers, body: payload });
  try {
    const result = await module.action!({ request, params: call.params, context: {} });
    if (!(result instanceof Response)) throw new Error(`${call.path}: the action answered with something other than a Response`);
    return answerOf(result);
  } catch (error) {
    if (error instanceof Response) return answerOf(error);
    throw error;
  }
}

type ApiModule = { loader: unknown; action: unknown };
const API_MODULES = new Map(API_ROUTES.map((r) => [r.path, r.module as ApiModule]));

/** Call an API route in-process with a real Request and the persona's bearer token. */
export async function callApi(
  method: string,
  path: string,
  call: { path: string; params: Record<string, string> },
  token: string | null,
  body: { json?: unknown; raw?: BodyInit; contentType?: string | null } = {},
): Promise<Answer> {
  const module = API_MODULES.get(path);
  if (!module) throw new Error(`no API route ${path}`);
  const headers = new Headers();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const contentType = body.contentType === undefined ? "application/json" : body.contentType;
  if (contentType) headers.set("Content-Type", contentType);
  const payload = body.raw ?? (body.json === undefined ? undefined : JSON.stringify(body.json));
  const request = new Request(`http://localhost/api/v1${call.path}`, { method, headers, body: payload });
  const handler = (method === "GET" ? module.loader : module.action) as Handler;
  return answerOf((await handler({ request, params: call.params, context: {} })) as Response);
}

export const cookieOf = (w: World, p: Persona) => (p === "anonymous" ? null : w.cookies[p]);
export const tokenOfPersona = (w: World, p: Persona) => (p === "anonymous" ? null : w.tokens[p]);
