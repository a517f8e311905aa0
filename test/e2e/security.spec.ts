import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../db/seed/users";
import { demoTemplateFolder } from "../support/demo-template";
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
  const folder = mkdtempSync(join(tmpdir(), "sprintlab-cookie-"));
  cpSync(demoTemplateFolder(), folder, { recursive: true });
  const file = join(folder, "sprintlab.db");
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
    const secure = await signInCookie(behindProxy.url, { "X-Forwarded-Proto": "https" });
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
    rmSync(folder, { recursive: true, force: true });
  }
});
