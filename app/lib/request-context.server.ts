import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What the server knows about the request being answered, for its log line. */
export type RequestContext = { id: string; userId?: number; /** The client's address (behind a trusted proxy, from X-Forwarded-For). */ ip?: string };

// The HTTP server (scripts/server.ts) and the app bundle (build/index.js) each load their own copy
// of this module; one store, kept under a registered symbol, lets the app tell the server's log
// line who the user was.
const KEY = Symbol.for("sprintlab.requestContext");
const store: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return store.run(context, fn);
}

export function currentRequest(): RequestContext | undefined {
  return store.getStore();
}

/** The address of the client being answered, when the HTTP server said (rate limits per address). */
export function clientAddress(): string | null {
  return store.getStore()?.ip ?? null;
}

/** Called where a session or a token resolves to a user. */
export function noteRequestUser(userId: number): void {
  const context = store.getStore();
  if (context) context.userId = userId;
}

/** A request id from a proxy is kept when it looks like one; otherwise we make our own. */
export function requestIdFrom(header: string | undefined): string {
  return header && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : randomUUID();
}
