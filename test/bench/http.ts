/**
 * `npm run bench [-- --quick] [-- --only <name>]`: the production server over HTTP, as users feel it. Builds (or
 * reuses from .cache/) the bench dataset, starts `npm start`'s server on a copy of it on a free
 * port, signs in real users, and drives each scenario with autocannon — 50 connections for
 * throughput, then 10 for latency — beside two references measured in the same run: the app's
 * own sign-in page (the floor for pages) and a bare node:http server running the ideas list's
 * SQL on the same file (the floor for the API). Prints a table, the targets missed, and writes
 * bench-results.json.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { buildDataset, FULL, QUICK, type BenchSize, type Dataset } from "./dataset";
import { growthTable, misses, scenario, table, type Kind, type Measured, type Results } from "./results";

const root = join(import.meta.dirname, "..", "..");
const quick = process.argv.includes("--quick");
/** `--only <text>`: the references and only the scenarios whose name holds the text (e.g. "similar"). */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1]?.toLowerCase() : undefined;
const chosen = (name: string) => !only || name.toLowerCase().includes(only);
const SECONDS = quick ? 3 : 10;
const SECRET = "bench-session-secret-0123456789abcdef";
process.env.SESSION_SECRET = SECRET;
process.env.DATABASE_URL ??= join(tmpdir(), "sprintlab-bench-unused.db");

const { openDatabase } = await import("../../db/client.server");
const { createSession } = await import("../../app/auth/sessions.server");
const { sessionCookie } = await import("../../app/auth/session.server");
const { createToken } = await import("../../app/auth/tokens.server");
const { freePort, descendantPid, databaseProblems } = await import("../support/ops");

/** The dataset, built once per size and schema and kept in .cache/ (it takes minutes at full size). */
async function dataset(kind = quick ? "quick" : "full", size: BenchSize = quick ? QUICK : FULL): Promise<{ file: string; data: Dataset }> {
  const migrations = readdirSync(join(root, "db", "migrations")).filter((f) => f.endsWith(".sql")).length;
  const cache = join(root, ".cache");
  mkdirSync(cache, { recursive: true });
  const name = `bench-${kind}-m${migrations}-v1`;
  const file = join(cache, `${name}.db`);
  const meta = join(cache, `${name}.json`);
  // A dataset of an older schema is brought forward by the migrations, as an installation would be.
  const older = readdirSync(cache)
    .map((f) => f.match(new RegExp(`^bench-${kind}-m(\\d+)-v1\\.db$`)))
    .filter((m): m is RegExpMatchArray => m !== null && Number(m[1]) < migrations && existsSync(join(cache, m[0].replace(/\.db$/, ".json"))))
    .sort((a, b) => Number(b[1]) - Number(a[1]))[0];
  if ((!existsSync(file) || !existsSync(meta)) && older) {
    console.log(`Bringing ${older[0]} forward to ${migrations} migrations…`);
    const partial = join(cache, `${name}.partial.db`);
    copyFileSync(join(cache, older[0]), partial);
    openDatabase(partial, { migrate: true }).$client.close();
    renameSync(partial, file);
    copyFileSync(join(cache, older[0].replace(/\.db$/, ".json")), meta);
  }
  if (!existsSync(file) || !existsSync(meta)) {
    console.log(`Building the ${kind} dataset once into ${file}…`);
    const partial = join(cache, `${name}.partial.db`);
    rmSync(partial, { force: true });
    const data = await buildDataset(partial, size);
    renameSync(partial, file);
    writeFileSync(meta, JSON.stringify(data));
  }
  const run = mkdtempSync(join(tmpdir(), "sprintlab-bench-run-"));
  copyFileSync(file, join(run, "bench.db"));
  return { file: join(run, "bench.db"), data: JSON.parse(readFileSync(meta, "utf8")) as Dataset };
}

/** Until /healthz answers 200 (the database open and migrated), or the server exits, or 5 minutes pass. */
async function healthy(child: ChildProcess, base: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app server exited (${child.exitCode}) before it answered /healthz`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The app server did not answer /healthz within 5 minutes");
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${seen.slice(-2000)}`)), 300_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        resolve(m[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${what} exited (${code}):\n${seen.slice(-2000)}`)));
  });
}

function rssMB(pid: number): number {
  try {
    const kb = Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

type Target = { path: string | ((i: number) => string); headers?: (i: number) => Record<string, string>; method?: string };

/** Throughput at 50 connections, then every response time at 10. */
async function drive(base: string, name: string, kind: Kind, target: Target): Promise<Measured> {
  const run = (connections: number, latencies?: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      let n = 0;
      const instance = autocannon(
        {
          url: base,
          connections,
          duration: SECONDS,
          requests: [
            {
              method: (target.method ?? "GET") as autocannon.Request["method"],
              setupRequest: (req) => {
                const i = n++;
                return { ...req, path: typeof target.path === "string" ? target.path : target.path(i), headers: { ...req.headers, ...(target.headers?.(i) ?? {}) } };
              },
            },
          ],
          setupClient: latencies ? (client) => client.on("response", (_status: number, _bytes: number, time: number) => latencies.push(time)) : undefined,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      void instance;
    });
  const throughput = await run(50);
  const latencies: number[] = [];
  const latency = await run(10, latencies);
  return {
    name,
    kind,
    rps: throughput.requests.average,
    latencies,
    errors: throughput.errors + throughput.timeouts + latency.errors + latency.timeouts,
    non2xx: throughput.non2xx + latency.non2xx,
  };
}

/**
 * The vote write path: many users each voting for an idea and taking the vote back. Every
 * connection works through users of its own (a user is never on two connections at once), one
 * vote-and-take-back cycle per user in turn, and the throughput run and the latency run use
 * different users: a run cut off by its timer may leave a vote standing.
 */
async function driveVotes(base: string, tokens: string[], targets: string[]): Promise<Measured> {
  const run = (connections: number, from: number, to: number, latencies?: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      let client = 0;
      autocannon(
        {
          url: base,
          connections,
          duration: SECONDS,
          setupClient: (c) => {
            const first = from + client++;
            let k = first - connections;
            // autocannon clears a request's context at every turn of the sequence, so the user
            // in hand lives here: each POST moves on to this connection's next user, its DELETE
            // takes back the same vote.
            const path = () => `/api/v1/ideas/${targets[k % targets.length]}/vote`;
            const headers = () => ({ authorization: `Bearer ${tokens[k]}` });
            c.setRequests([
              { method: "POST", setupRequest: (req) => { k = k + connections < to ? k + connections : first; return { ...req, path: path(), headers: { ...req.headers, ...headers() } }; } },
              { method: "DELETE", setupRequest: (req) => ({ ...req, path: path(), headers: { ...req.headers, ...headers() } }) },
            ]);
            if (latencies) c.on("response", (_s: number, _b: number, time: number) => latencies.push(time));
          },
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  const split = Math.floor((tokens.length * 3) / 4);
  const throughput = await run(50, 0, split);
  const latencies: number[] = [];
  const latency = await run(10, split, tokens.length, latencies);
  for (const r of [throughput, latency]) {
    if (r.errors || r.timeouts || r.non2xx) console.log(`    ${r.connections} connections: ${r.errors} errors (${r.timeouts} timeouts), statuses ${JSON.stringify(r.statusCodeStats)}`);
  }
  return { name: "vote and un-vote (API)", kind: "write", rps: throughput.requests.average, latencies, errors: throughput.errors + latency.errors, non2xx: throughput.non2xx + latency.non2xx };
}

async function bodyBytes(url: string, headers: Record<string, string> = {}): Promise<{ bytes: number; text: string; status: number }> {
  const res = await fetch(url, { headers: { ...headers, "accept-encoding": "identity" } });
  const text = await res.text();
  return { bytes: Buffer.byteLength(text), text, status: res.status };
}

/** The gzip size of the JavaScript a page makes the browser load (its scripts and module preloads). */
async function jsGzipKB(base: string, path: string, cookie: string): Promise<number> {
  const { text } = await bodyBytes(`${base}${path}`, { cookie });
  const sources = new Set([...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]));
  let total = 0;
  for (const src of sources) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return Math.round(total / 1024);
}

/** The portal scenarios the full run and `--scale` share: the ideas list and both similar-ideas lookups. */
function portalScenarios(portal: string, headers: (i: number) => Record<string, string>): [string, Target][] {
  const similar = (queries: string[]) => (i: number) => `/portals/${portal}/similar?q=${encodeURIComponent(queries[i % queries.length])}`;
  return [
    ["ideas list, top", { path: `/portals/${portal}`, headers }],
    ["similar ideas lookup", { path: similar(["callback time zone", "queue wallboard", "redact card", "agent skill routing"]), headers }],
    ["similar ideas, typos and compounds", { path: similar(["calback timezone", "qeue walboard", "redcat card numbrs", "agnet skil routing for supervisors"]), headers }],
  ];
}

/** An Ideas Lab of `ideas` ideas in the full dataset's proportions, with a small Delivery half. */
const atScale = (ideas: number): BenchSize => ({ ...FULL, users: ideas * 0.4, ideas, ledger: ideas * 10, comments: ideas * 2, projects: 1, stories: 30, sprints: 3 });

/**
 * `--scale`: how the ideas list and the similar-ideas lookup grow with the portal — the same
 * scenarios on 5,000, 50,000 and 250,000 ideas (the full dataset is the middle one), each on
 * its own server, printed as a growth table and written to bench-growth.json.
 */
async function scaleRun(): Promise<void> {
  const steps = quick ? [1_000, 5_000, 10_000] : [5_000, 50_000, 250_000];
  const rows = new Map<string, { ideas: number; rps: number; p95at10: number }[]>();
  for (const ideas of steps) {
    const { file: on, data: d } = ideas === FULL.ideas ? await dataset("full", FULL) : await dataset(`scale${ideas}`, atScale(ideas));
    const sdb = openDatabase(on, { migrate: false });
    const cookies = await Promise.all(d.voterIds.slice(0, 50).map(async (id) => (await sessionCookie().serialize(createSession(sdb, id))).split(";")[0]));
    sdb.$client.close();
    const { server: app, base: at } = await startApp(1, on);
    try {
      const who = (i: number) => ({ cookie: cookies[i % cookies.length] });
      const scenarios = portalScenarios(d.portal, who);
      // A new server compiles its hot paths during its first seconds; that is not what the size costs.
      await autocannon({ url: `${at}/portals/${d.portal}`, connections: 10, duration: 3, headers: who(0) });
      for (const [name, t] of scenarios) {
        const m = scenario(await drive(at, name, "page", t), { signIn: { rps: 1 }, raw: { rps: 1 } });
        if (m.errors) throw new Error(`${name} at ${ideas} ideas: ${m.errors} errors or non-2xx answers`);
        rows.set(name, [...(rows.get(name) ?? []), { ideas, rps: m.rps, p95at10: m.p95at10 }]);
        console.log(`  ${name}, ${ideas} ideas: ${m.rps} req/s, p95 at 10 connections ${m.p95at10} ms`);
      }
    } finally {
      app.kill("SIGTERM");
      await stopped(app);
      rmSync(on, { force: true });
    }
  }
  console.log(`\n${growthTable(steps, rows)}\n`);
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim();
  writeFileSync(join(root, "bench-growth.json"), `${JSON.stringify({ commit, quick, steps, scenarios: [...rows].map(([name, at]) => ({ name, at })) }, null, 2)}\n`);
  console.log("Written to bench-growth.json.");
}

if (process.argv.includes("--scale")) {
  await scaleRun();
  process.exit(0);
}

const { file, data } = await dataset();
console.log(`Dataset: ${JSON.stringify(data.counts)}`);

// Real users: sessions for the pages, API tokens for the API.
const db = openDatabase(file, { migrate: false });
const cookieOf = async (userId: number) => (await sessionCookie().serialize(createSession(db, userId))).split(";")[0];
const pm = await cookieOf(data.pmId);
const sm = await cookieOf(data.smId);
const customers = await Promise.all(data.voterIds.slice(0, 50).map(cookieOf));
// 400 voters for one server process and 400 others for two.
const voterTokens = data.voterIds.slice(0, 800).map((id) => createToken(db, id, { name: "bench" }).token);
const smToken = createToken(db, data.smId, { name: "bench" }).token;
db.$client.close();

/** `npm start`'s server on the dataset on a free port: one process, or `processes` under node's cluster. */
async function startApp(processes: number, on = file): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", join(root, "scripts", "start.ts")], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PORT: String(port), DATABASE_URL: on, SESSION_SECRET: SECRET, JOBS_INTERVAL_SECONDS: "0", LOG_LEVEL: process.env.LOG_LEVEL ?? "info", NODE_ENV: "production", WEB_CONCURRENCY: String(processes) },
  });
  server.stdout!.resume();
  const base = `http://127.0.0.1:${port}`;
  await healthy(server, base);
  return { server, base };
}
function stopped(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
}

let { server, base } = await startApp(1);
const serverPid = descendantPid(server.pid!, "build/server.js") ?? server.pid!;
let rssPeakMB = rssMB(serverPid);
const sampler = setInterval(() => (rssPeakMB = Math.max(rssPeakMB, rssMB(serverPid))), 250);

const raw = spawn(process.execPath, ["--import", "tsx", join(root, "test", "bench", "raw-server.ts"), file], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
const rawPort = await waitForLine(raw, /^(\d+)$/m, "The raw reference server");
const rawBase = `http://127.0.0.1:${rawPort}`;

const customer = (i: number) => ({ cookie: customers[i % customers.length] });
const idea = (i: number) => data.ideaKeys[i % data.ideaKeys.length];
const bearer = (token: string) => () => ({ authorization: `Bearer ${token}` });
const [listTop, similar, typos] = portalScenarios(data.portal, customer);
const pages: [string, Target][] = [
  listTop,
  ["ideas list, status filter", { path: (i) => `/portals/${data.portal}?status=${["community_review", "under_pm_review", "accepted"][i % 3]}`, headers: customer }],
  ["idea page", { path: (i) => `/ideas/${idea(i)}`, headers: customer }],
  similar,
  typos,
  ["My votes", { path: "/my-votes", headers: customer }],
  ["notifications", { path: "/notifications", headers: customer }],
  ["PM board", { path: "/pm", headers: () => ({ cookie: pm }) }],
  ["portfolio", { path: "/projects", headers: () => ({ cookie: sm }) }],
  ["backlog", { path: `/projects/${data.projectId}/backlog`, headers: () => ({ cookie: sm }) }],
  ["sprint page", { path: `/sprints/${data.activeSprintId}`, headers: () => ({ cookie: sm }) }],
  ["release plan", { path: `/projects/${data.projectId}/release`, headers: () => ({ cookie: sm }) }],
];
const reads: [string, Target][] = [
  ["API ideas list", { path: `/api/v1/ideas?portal=${data.portal}`, headers: bearer(voterTokens[0]) }],
  ["API idea", { path: (i) => `/api/v1/ideas/${idea(i)}`, headers: bearer(voterTokens[0]) }],
  ["API burndown", { path: `/api/v1/sprints/${data.activeSprintId}/burndown`, headers: bearer(smToken) }],
  ["API backlog", { path: `/api/v1/projects/${data.projectId}/backlog`, headers: bearer(smToken) }],
];

try {
  // Every target answers before it is measured, and its size is known.
  const sizes = new Map<string, number>();
  for (const [name, t] of [...pages, ...reads]) {
    const path = typeof t.path === "string" ? t.path : t.path(0);
    const answer = await bodyBytes(`${base}${path}`, t.headers?.(0) ?? {});
    if (answer.status !== 200) throw new Error(`${name} (${path}) answered ${answer.status}`);
    sizes.set(name, answer.bytes);
  }

  console.log(`\nReferences, then ${pages.length + reads.length + 1} scenarios, ${SECONDS} s at 50 and at 10 connections each…`);
  const signIn = await drive(base, "sign-in page", "page", { path: "/sign-in" });
  const rawRef = await drive(rawBase, "raw", "api", { path: `/ideas?portal=${data.portal}` });
  const references = { signIn: { rps: Math.round(signIn.rps) }, raw: { rps: Math.round(rawRef.rps) } };
  const measured: Measured[] = [];
  for (const [name, t] of pages.filter(([n]) => chosen(n))) {
    const m = await drive(base, name, "page", t);
    measured.push({ ...m, bytes: sizes.get(name) });
    console.log(`  ${name}: ${Math.round(m.rps)} req/s`);
  }
  for (const [name, t] of reads.filter(([n]) => chosen(n))) {
    measured.push(await drive(base, name, "api", t));
    console.log(`  ${name}: ${Math.round(measured.at(-1)!.rps)} req/s`);
  }
  if (chosen("votes")) {
    measured.push(await driveVotes(base, voterTokens.slice(0, 400), data.voteTargets));
    console.log(`  votes: ${Math.round(measured.at(-1)!.rps)} req/s`);
  }

  // More cores, more pages: the same pages and votes with WEB_CONCURRENCY=2 (this machine's cores).
  if (chosen("processes")) {
    server.kill("SIGTERM");
    await stopped(server);
    ({ server, base } = await startApp(2));
    for (const [name, t] of pages.filter(([n]) => n === "ideas list, top" || n === "idea page")) {
      measured.push({ ...(await drive(base, `${name} (2 processes)`, "page", t)), bytes: sizes.get(name) });
      console.log(`  ${name}, 2 processes: ${Math.round(measured.at(-1)!.rps)} req/s`);
    }
    const twoSignIn = await drive(base, "sign-in page (2 processes)", "page", { path: "/sign-in" });
    measured.push(twoSignIn);
    console.log(`  sign-in page, 2 processes: ${Math.round(twoSignIn.rps)} req/s`);
    // Other voters: the one-process run may have left some votes standing.
    measured.push({ ...(await driveVotes(base, voterTokens.slice(400), data.voteTargets.slice(400).concat(data.voteTargets.slice(0, 400)))), name: "vote and un-vote (API, 2 processes)" });
    console.log(`  votes, 2 processes: ${Math.round(measured.at(-1)!.rps)} req/s`);
  }

  const js = { ideasList: await jsGzipKB(base, `/portals/${data.portal}`, customers[0]), sprintBoard: await jsGzipKB(base, `/sprints/${data.activeSprintId}`, sm) };
  clearInterval(sampler);
  const ledger = databaseProblems(file).filter((p) => p.startsWith("ledger") || p.startsWith("votes"));
  const results: Results = {
    commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim(),
    quick,
    dataset: data.counts,
    scenarios: measured.map((m) => scenario(m, references)),
    references,
    rssPeakMB,
    ledgerInvariant: ledger.length ? "violated" : "ok",
    jsGzipKB: js,
  };
  console.log(`\n${table(results)}\n`);
  console.log(`Server memory peak: ${rssPeakMB} MB. JavaScript (gzip): ideas list ${js.ideasList} KB, sprint page ${js.sprintBoard} KB. Vote ledger: ${results.ledgerInvariant}${ledger.length ? ` (${ledger.slice(0, 3).join("; ")})` : ""}.`);
  const missed = misses(results);
  console.log(missed.length ? `\nTargets missed:\n${missed.map((m) => `  - ${m}`).join("\n")}` : "\nEvery target met.");
  writeFileSync(join(root, "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log("Written to bench-results.json.");
} finally {
  clearInterval(sampler);
  server.kill("SIGTERM");
  raw.kill("SIGTERM");
}
