import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { closeDb } from "../db/client.server";
import { startJobs, stopJobs } from "./jobs.server";
import { logger } from "./lib/log.server";
import { redactPath } from "./lib/redact";
import { NonceContext } from "./lib/nonce";
import { pageSecurityHeaders } from "./lib/security-headers";

const ABORT_DELAY = 5_000;

// Demo reminders and the email outbox run in the server process.
startJobs();

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const nonce = randomBytes(16).toString("base64");
  for (const [name, value] of Object.entries(pageSecurityHeaders(nonce))) responseHeaders.set(name, value);
  const waitForAll = isbot(request.headers.get("user-agent") || "");

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger().error({ err: error, path: pathOf(request) }, "Page render failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
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
