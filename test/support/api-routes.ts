import type { Db } from "../../db/client.server";
import { createToken } from "../../app/auth/tokens.server";
import type { User } from "../../app/auth/users.server";
import { freshDb } from "./db";

type RouteModule = { loader: (args: never) => unknown; action: (args: never) => unknown };

/**
 * A fresh database that the API routes' own `getDb()` opens too, so a test calls a route's
 * loader or action exactly as Remix does, through the one API mechanism.
 */
export function freshApiDb(): Db {
  const db = freshDb();
  process.env.DATABASE_URL = db.$client.name;
  return db;
}

export const tokenOf = (db: Db, user: User) => createToken(db, user.id, { name: "test" }).token;

export async function callRoute(
  route: RouteModule,
  method: string,
  url: string,
  options: { token?: string; body?: unknown; rawBody?: string; params?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = new Request(`http://localhost/api/v1${url}`, { method, headers, body });
  const handler = method === "GET" || method === "HEAD" ? route.loader : route.action;
  return (await (handler as (args: unknown) => Promise<Response>)({ request, params: options.params ?? {}, context: {} })) as Response;
}
