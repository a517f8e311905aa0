import { Agent, request } from "node:http";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../db/seed/users";
import { demoCopy } from "../support/demo-copy";
import { startServer } from "../support/ops";

/** Sign in with a plain form post and return the session cookie the server set. */
async function signInCookie(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url, ...headers },
    body: new URLSearchParams({ email: "customer@example.com", password: DEMO_PASSWORD }).toString(),
  });
  expect(res.status).toBe(302);
  return res.headers.get("set-cookie") ?? "";
}

test("the session cookie is Secure over https: behind a proxy the operator trusts, or when APP_URL is https — never from a header anyone can send", async () => {
  test.setTimeout(120_000);
  const demo = demoCopy("cookie");
  const { file } = demo;
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  try {
    const untrusted = await startServer(file, { SHUTDOWN_GRACE_MS: "0" });
    servers.push(untrusted);
    expect(await signInCookie(untrusted.url)).not.toMatch(/;\s*Secure/i);
    // Without TRUST_PROXY a client's own X-Forwarded-Proto counts for nothing.
    expect(await signInCookie(untrusted.url, { "X-Forwarded-Proto": "https" })).not.toMatch(/;\s*Secure/i);
    untrusted.process.kill("SIGTERM");
    await untrusted.exited;

    const behindProxy = await startServer(file, { SHUTDOWN_GRACE_MS: "0", TRUST_PROXY: "loopback" });
    servers.push(behindProxy);
    // A browser on the https address sends that origin.
    const secure = await signInCookie(behindProxy.url, { "X-Forwarded-Proto": "https", Origin: behindProxy.url.replace("http:", "https:") });
    expect(secure).toMatch(/^sprintlab_session=/);
    expect(secure).toMatch(/;\s*Secure/i);
    expect(secure).toMatch(/;\s*HttpOnly/i);
    expect(await signInCookie(behindProxy.url, { "X-Forwarded-Proto": "http" })).not.toMatch(/;\s*Secure/i);
    behindProxy.process.kill("SIGTERM");
    await behindProxy.exited;

    const httpsApp = await startServer(file, { SHUTDOWN_GRACE_MS: "0", APP_URL: "https://sprintlab.example.com" });
    servers.push(httpsApp);
    expect(await signInCookie(httpsApp.url)).toMatch(/;\s*Secure/i);
  } finally {
    for (const s of servers) s.process.kill("SIGTERM");
    await Promise.all(servers.map((s) => s.exited));
    demo.remove();
  }
});

/** A request on a keep-alive agent of one socket: whether it reused the socket tells the connection stayed usable. */
function send(agent: Agent, url: string, options: { method: string; path: string; headers?: Record<string, string | number>; body?: Buffer; chunked?: boolean; stuckAfterMs?: number }) {
  return new Promise<{ status: number; body: string; reused: boolean; type: string }>((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, agent, method: options.method, path: options.path, headers: options.headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body, reused: req.reusedSocket, type: String(res.headers["content-type"] ?? "") }));
    });
    req.on("error", reject);
    if (options.stuckAfterMs) req.setTimeout(options.stuckAfterMs, () => req.destroy(new Error(`No answer within ${options.stuckAfterMs} ms: the connection is stuck`)));
    if (options.body) req.end(options.body);
    else req.end();
  });
}

test("bodies over the limit are refused from their headers with 413 — pages and API, signed in or not — and the connection stays usable", async () => {
  test.setTimeout(90_000);
  const demo = demoCopy("limits");
  const server = await startServer(demo.file, { SHUTDOWN_GRACE_MS: "0" });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const big = Buffer.alloc(2 * 1024 * 1024, "a");
    const api = await send(agent, server.url, { method: "POST", path: "/api/v1/tokens", headers: { "Content-Type": "application/json", "Content-Length": big.length }, body: big });
    expect(api.status).toBe(413);
    expect(JSON.parse(api.body)).toEqual({ error: { code: "too_large", message: "This request is too large: send at most 1 MB." } });
    const health = await send(agent, server.url, { method: "GET", path: "/healthz" });
    expect(health).toMatchObject({ status: 200, reused: true });

    const page = await send(agent, server.url, { method: "POST", path: "/sign-in", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": big.length }, body: big });
    expect(page.status).toBe(413);
    expect(page.type).toContain("text/html");
    expect(page.body).toContain("This request is too large");

    // An upload may be 10 MB; over that (with the form's overhead) it is refused the same way.
    const upload = Buffer.alloc(11 * 1024 * 1024, "b");
    const refusedUpload = await send(agent, server.url, { method: "POST", path: "/stories/3", headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": upload.length }, body: upload });
    expect(refusedUpload.status).toBe(413);
    expect(refusedUpload.body).toContain("files are at most 10 MB");
    const withinUpload = await send(agent, server.url, { method: "POST", path: "/stories/3", headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": 9 * 1024 * 1024 }, body: Buffer.alloc(9 * 1024 * 1024, "c") });
    expect(withinUpload.status).not.toBe(413);
    // That page answered (a redirect to sign in) without reading the body; the server drops the
    // rest, so the next request is answered straight away instead of waiting on this connection
    // for the server's 60-second header timeout.
    expect((await send(agent, server.url, { method: "GET", path: "/healthz", stuckAfterMs: 15_000 })).status).toBe(200);

    // A body of unknown length (chunked) is counted while it is read: within the limit the app answers it…
    const chunked = await send(agent, server.url, { method: "POST", path: "/api/v1/tokens", headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }, body: Buffer.from(JSON.stringify({ email: "customer@example.com", password: DEMO_PASSWORD })) });
    expect(chunked.status).toBe(201);
    expect(JSON.parse(chunked.body).token).toMatch(/\S{20,}/);
    const chunkedForm = await send(agent, server.url, { method: "POST", path: "/sign-in", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }, body: Buffer.from("email=customer%40example.com&password=wrong") });
    expect(chunkedForm.status).toBe(400);
    // …and past it, it is refused at once, without reading the rest.
    const chunkedBig = await send(agent, server.url, { method: "POST", path: "/api/v1/tokens", headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }, body: big });
    expect(chunkedBig.status).toBe(413);
    expect(JSON.parse(chunkedBig.body)).toEqual({ error: { code: "too_large", message: "This request is too large: send at most 1 MB." } });
    expect((await send(agent, server.url, { method: "GET", path: "/healthz" })).status).toBe(200);
  } finally {
    agent.destroy();
    server.process.kill("SIGTERM");
    await server.exited;
    demo.remove();
  }
});

test("malformed page posts and posts from another site get 400 or 403 with a page of ours — never a 500, never a stack in the log", async () => {
  test.setTimeout(90_000);
  const demo = demoCopy("malformed");
  const server = await startServer(demo.file, { SHUTDOWN_GRACE_MS: "0" });
  const post = (path: string, headers: Record<string, string>, body: string) => fetch(`${server.url}${path}`, { method: "POST", redirect: "manual", headers, body });
  const form = new URLSearchParams({ email: "customer@example.com", password: DEMO_PASSWORD }).toString();
  try {
    // Cross-site request forgery: the right password from another site's page signs nobody in.
    const forged = await post("/sign-in", { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" }, form);
    expect(forged.status).toBe(403);
    expect(forged.headers.get("set-cookie")).toBeNull();
    expect(await forged.text()).toContain("sent from another site");
    expect((await post("/sign-in", { "Content-Type": "application/x-www-form-urlencoded", Origin: "null" }, form)).status).toBe(403);
    // The page's own origin signs in, over https too (a proxy that ends TLS, not named in TRUST_PROXY).
    expect((await post("/sign-in", { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url.replace("http:", "https:") }, form)).status).toBe(302);
    expect((await post("/sign-in", { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://127.0.0.1.evil.example" }, form)).status).toBe(403);
    expect((await post("/sign-in", { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url }, form)).status).toBe(302);

    for (const [headers, body] of [
      [{ "Content-Type": "application/json" }, JSON.stringify({ email: "customer@example.com" })],
      [{ "Content-Type": "multipart/form-data; boundary=----x" }, "------x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nno closing boundary"],
      [{ "Content-Type": "multipart/form-data" }, "no boundary at all"],
      [{ "Content-Type": "text/plain" }, "email=customer@example.com"],
    ] as const) {
      const answer = await post("/sign-in", headers, body);
      expect(answer.status, JSON.stringify(headers)).toBe(400);
      expect(answer.headers.get("content-type")).toContain("text/html");
      expect(await answer.text()).toContain("could not be read");
    }

    // A return path no header can carry as it is is sent encoded.
    const unicode = await post("/sign-in", { "Content-Type": "application/x-www-form-urlencoded" }, new URLSearchParams({ email: "customer@example.com", password: DEMO_PASSWORD, redirectTo: "/ideas/Überlauf\u2028" }).toString());
    expect(unicode.status).toBe(302);
    expect(unicode.headers.get("location")).toBe("/ideas/%C3%9Cberlauf%E2%80%A8");

    await new Promise((r) => setTimeout(r, 300));
    const logged = server.lines.map((l) => JSON.parse(l) as { level: number; msg: string; status?: number });
    expect(logged.filter((l) => l.level >= 50), "error lines in the log").toEqual([]);
    expect(logged.filter((l) => l.msg === "request" && (l.status ?? 0) >= 500)).toEqual([]);
  } finally {
    server.process.kill("SIGTERM");
    await server.exited;
    demo.remove();
  }
});
