/**
 * Sprintlab's HTTP server: the production build behind express, with compression, static files,
 * one JSON log line per request (with a request id sent back as X-Request-Id), and a graceful
 * stop: on SIGTERM or SIGINT it stops accepting connections, answers the requests in flight,
 * writes the WAL back into the database, closes it and exits 0. It exits non-zero on an error it
 * cannot answer, so a supervisor restarts it.
 *
 * Run by `npm start` (scripts/start.ts) and by `npm run dev` (with NODE_ENV=development it reloads
 * the build when `remix dev` rebuilds it).
 */
import { readdirSync, statSync, watch } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, createRequestHandler as createFetchHandler, installGlobals, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { logger } from "../app/lib/log.server";
import { redactPath } from "../app/lib/redact";
import { judgeBody, tooLargeWhileReading } from "../app/operations/body-limit";
import { appUrl } from "../app/lib/app-url";
import { requestIdFrom, runInRequest, type RequestContext } from "../app/lib/request-context.server";

const root = join(import.meta.dirname, "..");
const buildPath = resolve(root, "build", "index.js");
const development = process.env.NODE_ENV === "development";
const port = Number(process.env.PORT || 3000);
/**
 * After a stop signal: for GRACE_MS the server still accepts connections (those already queued
 * by the kernel, and a load balancer's last ones) while /healthz says 503 so the balancer stops
 * sending; then it closes the listener, and requests in flight get DRAIN_MS to finish.
 */
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 500);
const DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 8_000);
const log = logger();
let stopping = false;

type AppBuild = ServerBuild & { entry: { module: { closeApp?: () => Promise<void> } } };

async function importBuild(): Promise<AppBuild> {
  // A query string makes Node load the rebuilt file instead of its cached module (dev only).
  const url = pathToFileURL(buildPath).href + (development ? `?t=${statSync(buildPath).mtimeMs}` : "");
  return (await import(url)) as AppBuild;
}

let build = await importBuild();
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const app = express();
app.disable("x-powered-by");
// Which proxies to believe for the client address and https (X-Forwarded-For / -Proto / -Host):
// express's "trust proxy" values, e.g. `loopback`, `1` (one hop) or an address; unset trusts none.
const trustProxy = process.env.TRUST_PROXY;
if (trustProxy) app.set("trust proxy", /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy === "true" ? true : trustProxy);
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
// public/ holds a few files of its own (the favicon) beside the browser build served above. Asking
// the disk about every request's path cost a stat per page (6 % of the ideas list's CPU), so only
// the names public/ holds at start are looked up there.
const publicDir = join(root, "public");
const publicNames = new Set(readdirSync(publicDir).filter((name) => name !== "build"));
const servePublic = express.static(publicDir, { maxAge: "1h" });
app.use((req, res, next) => (publicNames.has(req.path.split("/")[1] ?? "") ? servePublic(req, res, next) : next()));

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  // A client's own X-Request-Id is believed only from a proxy we trust.
  const context: RequestContext = { id: requestIdFrom(trustProxy ? req.get("x-request-id") : undefined), ip: req.ip };
  res.setHeader("X-Request-Id", context.id);
  let logged = false;
  const line = (aborted: boolean) => {
    if (logged) return;
    logged = true;
    const fields = {
      reqId: context.id,
      method: req.method,
      path: redactPath(req.originalUrl),
      status: aborted ? 499 : res.statusCode,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      userId: context.userId ?? null,
      ip: req.ip,
      ...(aborted ? { aborted: true } : {}),
    };
    // The load balancer's check every second would drown the log at info.
    const level = req.path === "/healthz" && res.statusCode === 200 ? "debug" : "info";
    log[level](fields, "request");
  };
  res.on("finish", () => {
    line(false);
    // A page that answered without reading the whole body (a redirect to sign in, a refusal) leaves
    // the rest unread, and the app's body stream, still listening, keeps Node from dropping it: the
    // next request on this keep-alive connection would wait behind it until the header timeout
    // (60 s). Only the app reads bodies of a declared length within the limit (judged below), so
    // the rest is read and dropped here.
    if (!req.complete && req.listenerCount("data") > 0) {
      req.removeAllListeners("data");
      req.resume();
    }
  });
  res.on("close", () => line(!res.writableFinished));
  if (stopping) {
    res.setHeader("Connection", "close");
    if (req.path === "/healthz") {
      res.status(503).type("application/json").send(JSON.stringify({ status: "stopping" }));
      return;
    }
  }
  runInRequest(context, () => next());
});

const handle = (currentBuild: ServerBuild) => {
  const mode = development ? "development" : "production";
  return { express: createRequestHandler({ build: currentBuild, mode }), fetch: createFetchHandler(currentBuild, mode) };
};
let handler = handle(build);

/**
 * A body of unknown length (chunked), read while counting: the whole body once it ended within
 * the limit, or null as soon as it passes it (nothing more is read or held).
 */
function readAtMost(req: express.Request, limit: number): Promise<Buffer | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause();
        done(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      done(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      fail(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * The app answers a request whose chunked body was read within its limit: the request as the
 * express adapter builds it (host and port as express resolves them), with that body.
 */
async function answerRead(req: express.Request, res: express.Response, body: Buffer) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "transfer-encoding") continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  headers.set("content-length", String(body.length));
  const port = (req.get("x-forwarded-host") ?? req.get("host") ?? "").split(":")[1];
  const url = new URL(req.originalUrl, `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}`);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const response = await handler.fetch(new Request(url, { method: req.method, headers, body: new Uint8Array(body), signal: controller.signal }));
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** Requests the app is still working on: a stop waits for them before it closes the database. */
let inFlight = 0;
app.all("*", async (req, res, next) => {
  // Bodies over the limit are refused from their headers, before they are read into memory.
  const verdict = judgeBody({ contentLength: req.get("content-length"), transferEncoding: req.get("transfer-encoding"), contentType: req.get("content-type") });
  if (!verdict.ok) {
    refuse(req, res, verdict.status, verdict.message);
    return;
  }
  // A page form posted from another site (cross-site request forgery) is refused before the app runs.
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method) && !req.path.startsWith("/api/") && foreignOrigin(req)) {
    refuse(req, res, 403, "This form was sent from another site, so it was not accepted. Open Sprintlab and send it from there.");
    return;
  }
  inFlight++;
  try {
    if (verdict.countWhileReading === null) {
      await handler.express(req, res, next);
      return;
    }
    const body = await readAtMost(req, verdict.countWhileReading);
    if (body === null) {
      // The rest of the body is never read, so this connection cannot carry another request.
      res.setHeader("Connection", "close");
      refuse(req, res, 413, tooLargeWhileReading(verdict.countWhileReading));
      return;
    }
    await answerRead(req, res, body);
  } catch (error) {
    next(error);
  } finally {
    inFlight--;
  }
});

/**
 * Whether a browser says the request comes from a page of another site (no Origin: not a
 * cross-site browser post). The host decides, not the scheme: behind a proxy that ends TLS without
 * TRUST_PROXY the server sees http while the browser says https, and that is still our page.
 */
function foreignOrigin(req: express.Request): boolean {
  const origin = req.get("origin");
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null" (a sandboxed or privacy-hidden page) and anything unparsable
  }
  return host !== req.get("host") && host !== new URL(appUrl()).host;
}

/** A refusal before the app runs: the API's JSON envelope for /api, a short page for everything else. */
function refuse(req: express.Request, res: express.Response, status: number, message: string) {
  // The body is never held: Node reads what is still coming and drops it, so the connection stays usable.
  if (req.path.startsWith("/api/")) {
    const code = status === 413 ? "too_large" : status === 403 ? "forbidden" : "bad_request";
    res.status(status).type("application/json").send(JSON.stringify({ error: { code, message } }));
    return;
  }
  const text = message.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  res
    .status(status)
    .type("text/html")
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Not sent · Sprintlab</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933"><h1>Not sent</h1><p>${text}</p><p><a href="/">Back to Sprintlab</a></p></body></html>`);
}

// Anything that reaches express's own error handler (Remix answers its own errors) is logged once.
app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
  log.error({ err: error }, "Request failed outside the app");
  if (res.headersSent) return next(error);
  res.status(500).type("text/plain").send("Something went wrong on our side.");
});

const server: Server = app.listen(port, () => {
  // PORT=0 takes a free port; the line says which.
  const bound = (server.address() as AddressInfo).port;
  // Without APP_URL, links point at http://localhost:$PORT (app/lib/app-url.ts): the port actually bound.
  process.env.PORT = String(bound);
  log.info({ port: bound, mode: development ? "development" : "production" }, `Listening on http://localhost:${bound}`);
  if (development) void broadcastDevReady(build);
});
// Node closes an idle keep-alive connection after 5 s, which races a client reusing it (the
// client sees ECONNRESET). Proxies and clients keep theirs about a minute: outlast them.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

if (development) {
  // `remix dev` rewrites build/version.txt after each rebuild.
  watch(join(root, "build"), async (_event, file) => {
    if (file !== "version.txt") return;
    build = await importBuild();
    handler = handle(build);
    void broadcastDevReady(build);
  });
}

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "Stopping: finishing requests in flight");
  await new Promise((r) => setTimeout(r, GRACE_MS));
  // From here no new connections; keep-alive connections close as they fall idle (each answer
  // also says Connection: close), and what is still open after DRAIN_MS is closed.
  const deadline = Date.now() + DRAIN_MS;
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await new Promise<void>((done) => server.close(() => done()));
  // A handler can outlive its connection (the client went away): let it finish before the
  // database closes under it.
  while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  clearInterval(sweep);
  clearTimeout(force);
  try {
    await build.entry.module.closeApp?.();
    log.info({ unfinished: inFlight }, "Stopped: database checkpointed and closed");
    log.flush();
    process.exitCode = 0;
  } catch (error) {
    log.fatal({ err: error }, "Stopping failed");
    log.flush();
    process.exitCode = 1;
  }
  setTimeout(() => process.exit(), 50).unref();
}

for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));

function die(kind: string, error: unknown) {
  log.fatal({ err: error }, kind);
  log.flush();
  process.exit(1);
}
process.on("uncaughtException", (error) => die("Uncaught exception", error));
process.on("unhandledRejection", (error) => die("Unhandled rejection", error));
server.on("error", (error) => die("The server could not listen", error));
