import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { closeDb } from "../db/client.server";
import { startJobs, stopJobs } from "./jobs.server";
import { logger } from "./lib/log.server";
import { redactPath } from "./lib/redact";
import { NonceContext } from "./lib/nonce";
import { pageSecurityHeaders } from "./lib/security-headers";
import { renderHtmlStream } from "./web/html-stream.server";

const ABORT_DELAY = 5_000;

// Demo reminders and the email outbox run in the server process.
startJobs();

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const nonce = randomBytes(16).toString("base64");
  for (const [name, value] of Object.entries(pageSecurityHeaders(nonce))) responseHeaders.set(name, value);
  const waitForAll = isbot(request.headers.get("user-agent") || "");

  let shellRendered = false;
  const body = await renderHtmlStream(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceContext.Provider>,
    {
      nonce,
      waitForAll,
      abortAfterMs: ABORT_DELAY,
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) logger().error({ err: error, path: pathOf(request) }, "Page render failed");
      },
    },
  );
  shellRendered = true;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}

/** The request's path and query as a log may hold them: secret links redacted. */
function pathOf(request: Request): string {
  const url = new URL(request.url);
  return redactPath(url.pathname + url.search);
}

/**
 * 4xx answers (a wrong address, a forbidden page) are expected traffic, not errors to log; the
 * rest is logged here once, with the request id, and nowhere else.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if ((isRouteErrorResponse(error) || error instanceof Response) && error.status < 500) return;
  logger().error({ err: error, method: request.method, path: pathOf(request) }, "Request failed");
}

/**
 * Called by the HTTP server (scripts/server.ts) once it has stopped taking requests and the last
 * one has been answered: stop the background jobs, write the WAL back into the database file and
 * close the connection.
 */
export async function closeApp(): Promise<void> {
  await stopJobs();
  closeDb();
}
