/**
 * For the operations journeys: start the production server (build/server.js, built from
 * scripts/server.ts by `npm run build` or `npm start`) as its own process
 * on a database of the test's own, build the data a write load needs, drive that load over HTTP
 * while remembering every write the server acknowledged, and check the database afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/client.server";
import { createToken } from "../../app/auth/tokens.server";
import { stateAt, type StoryEventKind } from "../../app/delivery/burndown";
import { addMember, createProject } from "../../app/delivery/projects.server";
import { generateSprints, startSprint, toStoryEvent } from "../../app/delivery/sprints.server";
import { createStory, updateStory } from "../../app/delivery/stories.server";
import { addFileAttachment } from "../../app/delivery/threads.server";
import { makeIdea, makePortal, makeUser } from "./factories";

const root = join(import.meta.dirname, "..", "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type RunningServer = {
  url: string;
  process: ChildProcess;
  /** Every line the server printed on stdout (its JSON log). */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * The production server on `databaseFile`, answering /healthz, or a thrown error with its output.
 * `cluster.js` runs WEB_CONCURRENCY server processes (set it in `env`) as `npm start` does.
 */
export async function startServer(databaseFile: string, env: Record<string, string> = {}, script: "server.js" | "cluster.js" = "server.js"): Promise<RunningServer> {
  const child = spawn(process.execPath, [join(root, "build", script)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      // The server takes a free port itself and says which (no race with another worker).
      PORT: "0",
      DATABASE_URL: databaseFile,
      SESSION_SECRET: "operations-journey-secret",
      JOBS_INTERVAL_SECONDS: "0",
      LOG_LEVEL: "info",
      ...env,
    },
  });
  const lines: string[] = [];
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split("\n");
    pending = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 60_000;
  let url: string | null = null;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server exited at start:\n${stderr}\n${lines.join("\n")}`);
    if (!url) {
      const listening = lines.map((line) => JSON.parse(line) as { msg?: string; port?: number }).find((l) => l.msg?.startsWith("Listening on"));
      if (listening) url = `http://127.0.0.1:${listening.port}`;
    }
    if (url) {
      try {
        const response = await fetch(`${url}/healthz`);
        if (response.status === 200) break;
      } catch {
        // not answering yet
      }
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not answer /healthz within a minute:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, process: child, lines, exited };
}

const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export type LoadData = Awaited<ReturnType<typeof buildLoadData>>;

/**
 * Customers with tokens and ideas to vote on; a project whose sprint 1 runs today, with stories
 * in it, a team member who moves and estimates them and a co-product owner who accepts them.
 */
export async function buildLoadData(databaseFile: string, options: { voters?: number; stories?: number } = {}) {
  const db = openDatabase(databaseFile);
  try {
    const { prefix } = await makePortal(db, { threshold: 1000 });
    const voters = [];
    for (let i = 0; i < (options.voters ?? 24); i++) {
      const user = await makeUser(db, i % 3 === 2 ? "partner" : "customer");
      voters.push({ id: user.id, token: createToken(db, user.id, { name: "load" }).token });
    }
    const author = await makeUser(db, "customer");
    const ideas: string[] = [];
    for (let i = 0; i < 16; i++) ideas.push(makeIdea(db, author, prefix, `Load idea ${i}: queue callbacks by region`).key);

    const sm = await makeUser(db, "staff");
    const po = await makeUser(db, "staff");
    const dev = await makeUser(db, "staff");
    const copo = await makeUser(db, "customer");
    const project = createProject(db, sm, { name: "Load — contact center", customer: "Acme Health", sowSignedOn: fromToday(-31), staffedOn: fromToday(-31), timeZone: "UTC" });
    addMember(db, sm, project.id, { userId: po.id, role: "product_owner" });
    addMember(db, sm, project.id, { userId: dev.id, role: "team" });
    addMember(db, sm, project.id, { userId: copo.id, role: "co_product_owner" });
    const [sprint] = generateSprints(db, sm, project.id, { count: 2 });
    const stories: number[] = [];
    for (let i = 0; i < (options.stories ?? 40); i++) {
      const story = createStory(db, po, project.id, { title: `Load story ${i}`, points: 3, acceptanceCriteria: ["it works"] });
      updateStory(db, po, story.id, { sprintId: sprint.id });
      stories.push(story.id);
    }
    startSprint(db, sm, sprint.id);
    // One story file in the data folder's attachments/, as a member's upload leaves it.
    const text = "step,queue\n1,priority\n";
    const attachment = addFileAttachment(db, dev, stories[0], { name: "call-flow.csv", size: text.length, bytes: new TextEncoder().encode(text) }, join(databaseFile, "..", "attachments"));
    return {
      attachment: { id: attachment.id, text },
      voters,
      ideas,
      sprintId: sprint.id,
      stories,
      devToken: createToken(db, dev.id, { name: "load" }).token,
      copoToken: createToken(db, copo.id, { name: "load" }).token,
    };
  } finally {
    db.$client.close();
  }
}

/** A write whose answer never came (the server died with it in flight): it may or may not have landed. */
type Pending<T> = { target: T; after: unknown } | null;

export type Acknowledged = {
  /** Per voter and idea: voted or not, as the last 2xx said; `maybe` holds the in-flight change. */
  votes: Map<string, { voted: boolean; maybe: boolean | null }>;
  comments: { ids: number[] };
  /** Per story: status and points as the last 2xx answer said, and the change in flight. */
  stories: Map<number, { status: string; points: number; maybe: Pending<"status" | "points"> }>;
  decisions: number[];
  total: number;
  refused: number;
  serverErrors: string[];
};

const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, "Content-Type": "application/json" });

/**
 * Drive writes until `stop()` says so or the server goes away: every voter votes and un-votes in
 * turn, a few write comments, and story workers take stories through in progress (re-estimated),
 * done and the co-product owner's acceptance. Each client waits for its answer before the next
 * call, so what a 2xx acknowledged is known exactly; only the last call of each may be unknown.
 */
export async function driveWrites(url: string, data: LoadData, stop: () => boolean): Promise<Acknowledged> {
  const ack: Acknowledged = { votes: new Map(), comments: { ids: [] }, stories: new Map(), decisions: [], total: 0, refused: 0, serverErrors: [] };
  let dead = false;
  type Answer = { ok: boolean; status: number; text: string };
  /** One call, its answer read whole; null once the server is gone (or the load was stopped). */
  const call = async (method: string, path: string, token: string, body?: unknown): Promise<Answer | null> => {
    if (dead || stop()) return null;
    try {
      const response = await fetch(url + path, { method, headers: bearer(token), body: body === undefined ? undefined : JSON.stringify(body) });
      const answer = { ok: response.ok, status: response.status, text: await response.text() };
      if (answer.status >= 500) ack.serverErrors.push(`${method} ${path} → ${answer.status} ${answer.text}`);
      return answer;
    } catch {
      dead = true;
      return null;
    }
  };

  const voter = async (v: LoadData["voters"][number], n: number) => {
    for (let i = 0; !dead && !stop(); i++) {
      const key = data.ideas[(n * 7 + i * 3) % data.ideas.length];
      const id = `${v.id}:${key}`;
      const state = ack.votes.get(id) ?? { voted: false, maybe: null };
      ack.votes.set(id, state);
      const vote = !state.voted;
      state.maybe = vote;
      const response = await call(vote ? "POST" : "DELETE", `/api/v1/ideas/${key}/vote`, v.token);
      if (!response) return;
      if (response.ok) {
        state.voted = vote;
        ack.total++;
      } else ack.refused++;
      state.maybe = null;
    }
  };

  const commenter = async (v: LoadData["voters"][number], n: number) => {
    for (let i = 0; !dead && !stop(); i++) {
      const response = await call("POST", `/api/v1/ideas/${data.ideas[(n + i) % data.ideas.length]}/comments`, v.token, {
        kind: "comment",
        body: `We would use this in our regional queues (note ${n}.${i}).`,
      });
      if (!response) return;
      if (response.status === 201) {
        ack.comments.ids.push((JSON.parse(response.text) as { id: number }).id);
        ack.total++;
      } else ack.refused++;
    }
  };

  const storyWorker = async (ids: number[]) => {
    for (const id of ids) {
      const state = { status: "todo", points: 3, maybe: null as Pending<"status" | "points"> };
      ack.stories.set(id, state);
      const steps: [string, string, unknown, "status" | "points" | "decision"][] = [
        ["PATCH", `/api/v1/stories/${id}`, { status: "in_progress" }, "status"],
        ["PATCH", `/api/v1/stories/${id}`, { points: 5 }, "points"],
        ["PATCH", `/api/v1/stories/${id}`, { points: 8 }, "points"],
        ["PATCH", `/api/v1/stories/${id}`, { status: "done" }, "status"],
        ["POST", `/api/v1/sprints/${data.sprintId}/demo`, { storyId: id, decision: "accept", comment: "Seen working at the demo." }, "decision"],
      ];
      for (const [method, path, body, kind] of steps) {
        const token = kind === "decision" ? data.copoToken : data.devToken;
        const after = kind === "decision" ? "accepted" : Object.values(body as object)[0];
        state.maybe = { target: kind === "points" ? "points" : "status", after };
        const response = await call(method, path, token, body);
        if (!response) return;
        if (response.ok) {
          if (kind === "points") state.points = after as number;
          else state.status = after as string;
          if (kind === "decision") ack.decisions.push(id);
          ack.total++;
        } else ack.refused++;
        state.maybe = null;
      }
    }
  };

  const workers = 4;
  const slices = Array.from({ length: workers }, (_, w) => data.stories.filter((_, i) => i % workers === w));
  await Promise.all([
    ...data.voters.map((v, n) => voter(v, n)),
    ...data.voters.slice(0, 3).map((v, n) => commenter(v, n)),
    ...slices.map((ids) => storyWorker(ids)),
  ]);
  return ack;
}

/**
 * What must hold in the database file after any crash or restore, as a list of problems (empty
 * when all is well): integrity, the vote ledger, stored story state equal to its replayed events,
 * and demo acceptances written whole. With `ack`, also that every acknowledged write is there.
 */
export function databaseProblems(databaseFile: string, ack?: Acknowledged): string[] {
  const problems: string[] = [];
  const db = new Database(databaseFile, { readonly: true });
  try {
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);
    const fk = db.pragma("foreign_key_check") as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows`);

    for (const row of db
      .prepare(
        `SELECT u.id, 10 + coalesce((SELECT sum(amount) FROM vote_ledger l WHERE l.user_id = u.id), 0) AS ledger,
                coalesce((SELECT sum(amount) FROM vote_ledger l WHERE l.user_id = u.id AND l.kind = 'grant'), 0) AS grants,
                (SELECT count(*) FROM idea_votes v WHERE v.user_id = u.id) AS active
         FROM users u`,
      )
      .all() as { id: number; ledger: number; grants: number; active: number }[]) {
      if (row.ledger !== 10 + row.grants - row.active || row.ledger < 0) problems.push(`ledger of user ${row.id}: ${JSON.stringify(row)}`);
    }
    for (const row of db
      .prepare(
        `SELECT i.key, i.votes AS stored, (SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id) AS counted,
                -(SELECT coalesce(sum(amount), 0) FROM vote_ledger l WHERE l.idea_id = i.id AND l.kind IN ('spend', 'return')) AS ledger
         FROM ideas i`,
      )
      .all() as { key: string; stored: number; counted: number; ledger: number }[]) {
      if (row.stored !== row.counted || row.ledger !== row.counted) problems.push(`votes of ${row.key}: ${JSON.stringify(row)}`);
    }

    const events = (
      db.prepare("SELECT id, story_id AS storyId, at, date, kind, to_value AS toValue FROM story_events ORDER BY id").all() as {
        id: number;
        storyId: number;
        at: string;
        date: string;
        kind: StoryEventKind;
        toValue: string | null;
      }[]
    ).map((e) => toStoryEvent({ ...e, seq: e.id, to: e.toValue }));
    const replayed = stateAt(events, Number.MAX_SAFE_INTEGER);
    const stored = db
      .prepare("SELECT id, sprint_id AS sprintId, points, status, wont_do_at AS wontDoAt FROM stories")
      .all() as { id: number; sprintId: number | null; points: number | null; status: string; wontDoAt: string | null }[];
    for (const story of stored) {
      const expected = { sprintId: story.sprintId, points: story.points ?? 0, status: story.status, wontDo: story.wontDoAt !== null };
      if (JSON.stringify(replayed.get(story.id)) !== JSON.stringify(expected)) {
        problems.push(`story ${story.id}: stored ${JSON.stringify(expected)}, events say ${JSON.stringify(replayed.get(story.id))}`);
      }
    }

    // An acceptance is a decision row and the story's move to accepted, or neither.
    const standing = new Set(
      (db.prepare("SELECT story_id AS id FROM demo_decisions WHERE superseded_by_id IS NULL AND decision <> 'reject'").all() as { id: number }[]).map((r) => r.id),
    );
    for (const story of stored) {
      if ((story.status === "accepted") !== standing.has(story.id)) problems.push(`story ${story.id} is ${story.status} but its standing acceptance is ${standing.has(story.id)}`);
    }

    if (ack) {
      const voted = new Set(
        (db.prepare("SELECT v.user_id || ':' || i.key AS id FROM idea_votes v JOIN ideas i ON i.id = v.idea_id").all() as { id: string }[]).map((r) => r.id),
      );
      for (const [id, state] of ack.votes) {
        const actual = voted.has(id);
        if (actual !== state.voted && actual !== state.maybe) problems.push(`vote ${id}: acknowledged ${state.voted}, found ${actual}`);
      }
      const comments = new Set((db.prepare("SELECT id FROM comments").all() as { id: number }[]).map((r) => r.id));
      const lost = ack.comments.ids.filter((id) => !comments.has(id));
      if (lost.length) problems.push(`acknowledged comments missing: ${lost.join(", ")}`);
      const byId = new Map(stored.map((s) => [s.id, s]));
      for (const [id, state] of ack.stories) {
        const story = byId.get(id)!;
        const statusOk = story.status === state.status || (state.maybe?.target === "status" && story.status === state.maybe.after);
        const pointsOk = story.points === state.points || (state.maybe?.target === "points" && story.points === state.maybe.after);
        if (!statusOk || !pointsOk) problems.push(`story ${id}: acknowledged ${state.status}/${state.points}, found ${story.status}/${story.points}`);
      }
      for (const id of ack.decisions) if (!standing.has(id)) problems.push(`acknowledged acceptance of story ${id} missing`);
    }
  } finally {
    db.close();
  }
  return problems;
}

/** Rows the journeys count to show the load did something. */
export function counts(databaseFile: string) {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      ledgerRows: n("SELECT count(*) AS n FROM vote_ledger"),
      comments: n("SELECT count(*) AS n FROM comments"),
      storyEvents: n("SELECT count(*) AS n FROM story_events"),
      decisions: n("SELECT count(*) AS n FROM demo_decisions"),
    };
  } finally {
    db.close();
  }
}

/** The pid of the first process under `pid` (at any depth) whose command line contains `needle`. */
export function descendantPid(pid: number, needle: string): number | null {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return null;
  }
  for (const child of children) {
    try {
      if (readFileSync(`/proc/${child}/cmdline`, "utf8").includes(needle)) return child;
    } catch {
      continue;
    }
    const deeper = descendantPid(child, needle);
    if (deeper) return deeper;
  }
  return null;
}
