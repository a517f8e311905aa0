import { execFile, spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { attachmentsBackupFolder } from "../../app/operations/backup.server";
import { buildLoadData, counts, databaseProblems, descendantPid, driveWrites, freePort, startServer } from "../support/ops";

/**
 * The server as an operator runs it: its own process on a database of this journey's own, killed,
 * stopped, backed up and restored while writes come in. Nothing here touches the shared e2e server.
 */
const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const tempDatabase = () => join(mkdtempSync(join(tmpdir(), "sprintlab-ops-")), "sprintlab.db");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.describe.configure({ mode: "parallel" });

test("a SIGKILL in the middle of writes loses no acknowledged write and leaves every invariant whole", async () => {
  test.setTimeout(150_000);
  const file = tempDatabase();
  const data = await buildLoadData(file);
  const server = await startServer(file);

  const load = driveWrites(server.url, data, () => false);
  // Kill once a good number of writes has landed, with ~30 calls in flight.
  const started = Date.now();
  while (Date.now() - started < 60_000 && counts(file).ledgerRows < 400) await sleep(100);
  const landed = counts(file).ledgerRows;
  server.process.kill("SIGKILL");
  const ack = await load;
  expect((await server.exited).signal).toBe("SIGKILL");
  expect(landed, "votes written before the kill (the load ran a minute without reaching 400)").toBeGreaterThanOrEqual(400);

  expect(ack.serverErrors).toEqual([]);
  expect(ack.total, "writes acknowledged before the kill").toBeGreaterThan(300);
  expect(ack.decisions.length + [...ack.stories.values()].filter((s) => s.status !== "todo").length).toBeGreaterThan(0);
  // Straight after the kill, from the file alone (the WAL included), and again after a restart.
  expect(databaseProblems(file, ack)).toEqual([]);

  const again = await startServer(file);
  try {
    const health = await fetch(`${again.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", db: "ok", migrations: "current" });
    expect(databaseProblems(file, ack)).toEqual([]);
    // The restarted server takes writes again.
    const vote = await fetch(`${again.url}/api/v1/ideas/${data.ideas[0]}/vote`, { method: "POST", headers: { Authorization: `Bearer ${data.voters[5].token}` } });
    expect([200, 409]).toContain(vote.status);
  } finally {
    again.process.kill("SIGTERM");
    expect(await again.exited).toEqual({ code: 0, signal: null });
  }
  console.log(`crash test: ${ack.total} writes acknowledged (${ack.decisions.length} acceptances, ${ack.comments.ids.length} comments), ${ack.refused} refused by the rules, all found after the kill; ${JSON.stringify(counts(file))}`);
});

test("a backup taken while writes come in restores into a server that starts, with every invariant whole and the attachments", async () => {
  test.setTimeout(150_000);
  const file = tempDatabase();
  const data = await buildLoadData(file);
  const server = await startServer(file);
  let done = false;
  const load = driveWrites(server.url, data, () => done);
  const backup = join(mkdtempSync(join(tmpdir(), "sprintlab-backup-")), "nightly.db");
  let before: number;
  let afterId: number;
  let ack: Awaited<typeof load>;
  try {
    const started = Date.now();
    while (counts(file).ledgerRows < 150 && Date.now() - started < 60_000) await sleep(100);
    before = counts(file).ledgerRows;
    expect(before, "votes written before the backup").toBeGreaterThanOrEqual(150);
    const { stdout } = await run(process.execPath, ["--import", "tsx", join(root, "scripts", "backup.ts"), backup], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: file },
    });
    expect(stdout).toMatch(/integrity ok/);
    // A write after the copy was taken: the live database has it, the copy must not.
    const after = await fetch(`${server.url}/api/v1/ideas/${data.ideas[1]}/comments`, {
      method: "POST",
      headers: { Authorization: `Bearer ${data.voters[2].token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ kind: "comment", body: "Written after tonight's backup." }),
    });
    expect(after.status).toBe(201);
    afterId = ((await after.json()) as { id: number }).id;
    await sleep(1000);
    done = true;
    ack = await load;
    expect(ack.serverErrors).toEqual([]);
    expect(statSync(backup).mode & 0o077, "the copy is readable by its owner only").toBe(0);
  } finally {
    done = true;
    // Stop: SIGTERM drains, checkpoints and exits 0; the WAL is written back into the file.
    server.process.kill("SIGTERM");
  }
  expect(await server.exited).toEqual({ code: 0, signal: null });
  expect(existsSync(`${file}-wal`)).toBe(false);
  expect(databaseProblems(file, ack)).toEqual([]);

  // Restore as README says: the copy becomes the database file, the attachments folder goes beside it.
  const restoredDir = mkdtempSync(join(tmpdir(), "sprintlab-restored-"));
  const restored = join(restoredDir, "sprintlab.db");
  copyFileSync(backup, restored);
  cpSync(attachmentsBackupFolder(backup), join(restoredDir, "attachments"), { recursive: true });
  expect(databaseProblems(restored)).toEqual([]);
  const restoredCounts = counts(restored);
  // The copy holds what was written before it began, and not what came after it.
  expect(restoredCounts.ledgerRows).toBeGreaterThanOrEqual(before);
  const commentIn = (databaseFile: string) => {
    const db = new Database(databaseFile, { readonly: true });
    const found = db.prepare("SELECT id FROM comments WHERE id = ?").get(afterId);
    db.close();
    return Boolean(found);
  };
  expect(commentIn(file), "the write after the copy is in the live database").toBe(true);
  expect(commentIn(restored), "the write after the copy is not in the copy").toBe(false);

  const back = await startServer(restored);
  try {
    expect(await (await fetch(`${back.url}/healthz`)).json()).toMatchObject({ status: "ok" });
    const me = await fetch(`${back.url}/api/v1/me`, { headers: { Authorization: `Bearer ${data.voters[0].token}` } });
    expect(me.status).toBe(200);
    const copy = new Database(restored, { readonly: true });
    const stored = copy.prepare("SELECT stored_as AS s FROM story_attachments WHERE id = ?").get(data.attachment.id) as { s: string };
    copy.close();
    expect(readFileSync(join(restoredDir, "attachments", stored.s), "utf8")).toBe(data.attachment.text);
  } finally {
    back.process.kill("SIGTERM");
    expect(await back.exited).toEqual({ code: 0, signal: null });
  }
  console.log(`backup test: copy started at ${before} ledger rows while writes went on; ${ack.total} writes acknowledged; restored copy: ${JSON.stringify(restoredCounts)}, live database at the end: ${counts(file).ledgerRows} ledger rows`);
});

test("two server processes (WEB_CONCURRENCY=2) share one database: both answer, every acknowledged write is kept, no request meets a busy database, SIGTERM stops both with 0", async () => {
  test.setTimeout(120_000);
  const file = tempDatabase();
  const data = await buildLoadData(file);
  const server = await startServer(file, { WEB_CONCURRENCY: "2" }, "cluster.js");
  let stop = false;
  const load = driveWrites(server.url, data, () => stop);
  const started = Date.now();
  while (Date.now() - started < 60_000 && counts(file).ledgerRows < 600) await sleep(100);
  stop = true;
  const ack = await load;
  server.process.kill("SIGTERM");
  expect(await server.exited).toEqual({ code: 0, signal: null });

  expect(ack.serverErrors, "no 5xx (a busy database would show here)").toEqual([]);
  expect(ack.total, "writes acknowledged").toBeGreaterThan(400);
  expect(databaseProblems(file, ack)).toEqual([]);
  const log = server.lines.map((line) => JSON.parse(line) as { msg?: string; pid?: number });
  const answering = new Set(log.filter((l) => l.msg === "request").map((l) => l.pid));
  expect(answering.size, "requests answered by each of the two processes").toBe(2);
  expect(log.filter((l) => l.msg === "Stopped: database checkpointed and closed")).toHaveLength(2);
  console.log(`two processes: ${ack.total} writes acknowledged, ${ack.refused} refused by the rules; ${JSON.stringify(counts(file))}`);
});

test("SIGTERM finishes the requests in flight, then exits 0; requests carry an id and leave one log line each, secrets redacted", async () => {
  test.setTimeout(90_000);
  const file = tempDatabase();
  const data = await buildLoadData(file, { voters: 4, stories: 2 });
  // A long grace period, so that the balancer's view of a stopping server can be seen for sure.
  const server = await startServer(file, { SHUTDOWN_GRACE_MS: "2500", TRUST_PROXY: "loopback" });

  const traced = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${data.voters[0].token}`, "X-Request-Id": "lb-trace-42", "X-Forwarded-For": "203.0.113.7" } });
  expect(traced.headers.get("x-request-id")).toBe("lb-trace-42");
  const ours = await fetch(`${server.url}/set-password/very-secret-token-value`);
  const ourId = ours.headers.get("x-request-id");
  expect(ourId).toMatch(/^[0-9a-f-]{36}$/);
  await fetch(`${server.url}/api/v1/projects/1/calendar.ics?token=feed-secret-value`);

  // Forty page and API reads at once; the signal comes while the server is answering them. Each
  // request the server had begun is answered whole; one it had not yet read may be refused, but no
  // answer is ever cut off half-way.
  const inFlight = Array.from({ length: 40 }, (_, i) =>
    fetch(i % 2 ? `${server.url}/sign-in` : `${server.url}/api/v1/ideas/${data.ideas[i % data.ideas.length]}`, {
      headers: { Authorization: `Bearer ${data.voters[1].token}` },
    }).then(
      async (r) => ({ status: r.status, body: await r.text(), at: Date.now() }),
      (error: Error) => ({ status: 0, body: error.message, at: Date.now() }),
    ),
  );
  const first = await Promise.race(inFlight);
  expect(first.status).toBe(200);
  const signalled = Date.now();
  server.process.kill("SIGTERM");
  // A check that reaches the server in the same instant as the signal may still be answered 200;
  // once the server has taken the signal (its log says so), every check is told it is stopping.
  await expect.poll(() => server.lines.some((l) => l.includes("Stopping: finishing requests in flight")), { timeout: 2_000 }).toBe(true);
  const balancer = await fetch(`${server.url}/healthz`);
  expect(balancer.status, "a stopping server tells the balancer to send no more").toBe(503);
  expect(await balancer.json()).toEqual({ status: "stopping" });
  const answers = await Promise.all(inFlight);
  const answered = answers.filter((a) => a.status === 200);
  expect(answers.filter((a) => a.status !== 200 && a.status !== 0)).toEqual([]);
  expect(answered.every((a) => a.body.length > 100 && (a.body.startsWith("{") ? Boolean(JSON.parse(a.body)) : a.body.includes("</html>")))).toBe(true);
  expect(answered.filter((a) => a.at > signalled).length, "answers completed after the signal").toBeGreaterThan(0);
  expect(await server.exited).toEqual({ code: 0, signal: null });
  expect(Date.now() - signalled, "stopped within a few seconds").toBeLessThan(10_000);
  expect(existsSync(`${file}-wal`)).toBe(false);
  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

  const log = server.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const requests = log.filter((l) => l.msg === "request");
  // One line per answered request: the three above, every answered read and the balancer's check.
  expect(requests.length).toBe(4 + answered.length);
  console.log(`shutdown test: ${answered.length} of 40 reads answered whole (${answered.filter((a) => a.at > signalled).length} after the signal), ${40 - answered.length} refused before the server read them`);
  expect(requests.find((l) => l.reqId === "lb-trace-42")).toMatchObject({ method: "GET", path: "/api/v1/me", status: 200, userId: data.voters[0].id, ip: "203.0.113.7" });
  expect(requests.find((l) => l.reqId === ourId)).toMatchObject({ path: "/set-password/[redacted]", status: expect.any(Number), userId: null });
  expect(requests.find((l) => String(l.path).includes("calendar.ics"))?.path).toBe("/api/v1/projects/1/calendar.ics?token=[redacted]");
  for (const line of requests) expect(line).toEqual(expect.objectContaining({ time: expect.any(String), level: "info", ms: expect.any(Number) }));
  const all = server.lines.join("\n");
  for (const secret of ["very-secret-token-value", "feed-secret-value", data.voters[0].token, data.voters[1].token]) expect(all).not.toContain(secret);
  expect(log.at(-1)).toMatchObject({ msg: "Stopped: database checkpointed and closed" });
});

test("a request still arriving when SIGTERM comes is answered and kept before the server exits", async () => {
  test.setTimeout(90_000);
  const file = tempDatabase();
  const data = await buildLoadData(file, { voters: 2, stories: 1 });
  // No grace period: the listener closes at once, so only the drain can save this request.
  const server = await startServer(file, { SHUTDOWN_GRACE_MS: "0" });
  const { request } = await import("node:http");
  const url = new URL(`${server.url}/api/v1/ideas/${data.ideas[0]}/comments`);
  const body = JSON.stringify({ kind: "comment", body: "Sent slowly, over a bad hotel network." });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { Authorization: `Bearer ${data.voters[0].token}`, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on("error", reject);
    // Headers and half the body now; the rest after the signal.
    req.write(body.slice(0, 20));
    setTimeout(() => {
      server.process.kill("SIGTERM");
      setTimeout(() => req.end(body.slice(20)), 500);
    }, 500);
  });
  const { status, text } = await answer;
  expect(status).toBe(201);
  const id = (JSON.parse(text) as { id: number }).id;
  expect(await server.exited).toEqual({ code: 0, signal: null });
  const db = new Database(file, { readonly: true });
  expect(db.prepare("SELECT body FROM comments WHERE id = ?").get(id)).toEqual({ body: "Sent slowly, over a bad hotel network." });
  db.close();
});

test("npm start passes on a stop it was asked for as 0 and a server killed under it as non-zero", async () => {
  test.setTimeout(150_000);
  const file = tempDatabase();
  const start = async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts")], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PORT: String(port), DATABASE_URL: file, SESSION_SECRET: "start-journey-secret", JOBS_INTERVAL_SECONDS: "0" },
    });
    child.stdout!.resume();
    child.stderr!.resume();
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) break;
      } catch {
        // starting
      }
      if (i > 1200) {
        child.kill("SIGTERM");
        throw new Error("npm start did not come up");
      }
      await sleep(100);
    }
    return { child, exited, port };
  };

  const first = await start();
  first.child.kill("SIGTERM");
  expect(await first.exited).toBe(0);

  const second = await start();
  // The server runs under the start script: kill it behind the script's back, as the OOM killer would.
  const serverPid = descendantPid(second.child.pid!, "build/server.js");
  expect(serverPid, "the server process under npm start").toBeTruthy();
  try {
    process.kill(serverPid!, "SIGKILL");
    expect(await second.exited).toBe(137);
  } finally {
    second.child.kill("SIGKILL");
  }
});
