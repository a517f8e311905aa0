/**
 * `npm run bench`: builds an Ideas Lab of SPEC's size in a temporary SQLite file — 50,000 ideas,
 * 20,000 users, 500,000 ledger rows, 100,000 comments — then times the hot read paths through
 * the same domain functions the pages and the API call, and prints their query plans.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../db/client.server";
import { listIdeas, similarIdeas } from "../../app/ideas/idea-lists.server";
import { voteBalance } from "../../app/ideas/votes.server";
import { rebuildIdeaTerms } from "../../app/ideas/idea-terms.server";
import type { User } from "../../app/auth/users.server";

const IDEAS = 50_000;
const USERS = 20_000;
const LEDGER = 500_000;
const COMMENTS = 100_000;
const RUNS = 300;

const dir = mkdtempSync(join(tmpdir(), "sprintlab-bench-"));
const db = openDatabase(join(dir, "bench.db"));
const raw = db.$client;

// A contact-center vocabulary of ~700 terms (roots with variants), so that a word appears in a few
// percent of ideas, as in a real portal, rather than in all of them.
const roots = "callback queue agent skill routing report transfer segment workgroup supervisor schedule forecast chat email voice ivr wallboard recording redact card sentiment survey outbound campaign abandon dashboard export csv time zone shift swap wrapup code dialer consult greeting prompt holiday overflow priority language translation transcript screen desktop softphone headset login presence status break lunch adherence occupancy interval service level answer handle hold mute conference barge whisper coach evaluation quality score calibrate audit retention purge archive search filter tag disposition outcome crm ticket case contact account identity verify pin payment refund order delivery".split(" ");
const words = roots.flatMap((r) => [r, `${r}s`, `${r}ing`, `${r}ed`, `re${r}`, `${r}able`]);
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (_i: number, n: number) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(" ");
const statuses = ["community_review", "under_pm_review", "accepted", "in_development", "delivered", "not_planned", "merged"];

console.log(`Generating ${IDEAS} ideas, ${USERS} users, ${LEDGER} ledger rows, ${COMMENTS} comments…`);
const t0 = performance.now();
raw.transaction(() => {
  const user = raw.prepare("INSERT INTO users (email, name, role, company) VALUES (?, ?, ?, ?)");
  for (let i = 1; i <= USERS; i++) user.run(`user${i}@bench.example`, `User ${i}`, i % 3 ? "customer" : "partner", `Company ${i % 400}`);
  raw.prepare("INSERT INTO portals (slug, name, vote_threshold) VALUES ('bench', 'Bench', 20)").run();
  const category = raw.prepare("INSERT INTO categories (portal_id, name, key_prefix, last_number) VALUES (1, ?, ?, ?)");
  for (let c = 0; c < 10; c++) category.run(`Category ${c}`, `BEN${String.fromCharCode(65 + c)}`, IDEAS / 10);
  const idea = raw.prepare(
    "INSERT INTO ideas (key, portal_id, category_id, author_id, title, description, status, votes, threshold_votes, comment_count, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  for (let i = 1; i <= IDEAS; i++) {
    const votes = (i * 37) % 60;
    const created = new Date(Date.UTC(2024, 0, 1) + i * 60_000 * 30).toISOString();
    idea.run(`BEN${String.fromCharCode(65 + (i % 10))}-I-${i}`, (i % 10) + 1, (i % USERS) + 1, `${pick(i, 5)} idea ${i}`, `${pick(i + 1, 30)}.`, statuses[i % 7], votes, votes, 2, created);
  }
  // Ledger: spends with their current votes (one vote per user per idea), plus returns and grants.
  const vote = raw.prepare("INSERT OR IGNORE INTO idea_votes (user_id, idea_id, counts_toward_threshold) VALUES (?, ?, 1)");
  const ledger = raw.prepare("INSERT INTO vote_ledger (user_id, idea_id, kind, amount, reason) VALUES (?, ?, ?, ?, ?)");
  for (let i = 0; i < LEDGER; i++) {
    const userId = (i % USERS) + 1;
    const ideaId = ((i * 7919) % IDEAS) + 1;
    if (i % 5 === 4) ledger.run(userId, ideaId, "return", 1, "Took the vote back");
    else {
      ledger.run(userId, ideaId, "spend", -1, "Voted");
      vote.run(userId, ideaId);
    }
  }
  const comment = raw.prepare("INSERT INTO comments (idea_id, author_id, kind, body) VALUES (?, ?, 'comment', ?)");
  for (let i = 0; i < COMMENTS; i++) comment.run(((i * 104729) % IDEAS) + 1, (i % USERS) + 1, pick(i, 20));
})();
// The ideas went in as raw rows: count their words as the app does when it writes one.
rebuildIdeaTerms(db);
raw.exec("ANALYZE");
console.log(`Generated in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

const viewer = { id: 42, email: "user42@bench.example", name: "User 42", role: "customer", company: "Company 42", active: true } as User;

function measure(name: string, fn: (i: number) => unknown) {
  for (let i = 0; i < 20; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  console.log(`${name.padEnd(52)} p50 ${p(0.5).padStart(6)} ms   p95 ${p(0.95).padStart(6)} ms   max ${p(0.999).padStart(6)} ms`);
}

const queries = ["callback time zone", "queue wallboard", "redact card", "agent skill routing", "forecast schedule shift", "csv export"];
// With typos, compounds and spacing: what the vocabulary corrects.
const typos = ["calback timezone", "qeue walboard", "redcat card numbrs", "agnet skil routing", "forcast shedule", "realtime dashbord", "supervisr wrap-up codes", "the and of it"];
measure("list: portal, top by votes, page 1", () => listIdeas(db, viewer, { portal: "bench", sort: "top" }));
measure("list: portal, status filter, top by votes", (i) => listIdeas(db, viewer, { portal: "bench", status: statuses[i % 7], sort: "top" }));
measure("list: portal, status filter, newest, page 50", (i) => listIdeas(db, viewer, { portal: "bench", status: statuses[i % 7], sort: "new", page: 50 }));
measure("list: all portals, category filter, top", (i) => listIdeas(db, viewer, { category: `BEN${String.fromCharCode(65 + (i % 10))}` }));
measure("similar ideas (FTS5, bm25, top 5)", (i) => similarIdeas(db, queries[i % queries.length], viewer.id));
measure("similar ideas with typos and compounds", (i) => similarIdeas(db, typos[i % typos.length], viewer.id));
measure("similar ideas, a long title of 8 words", (i) => similarIdeas(db, `${typos[i % typos.length]} ${queries[(i + 1) % queries.length]} for supervisors`, viewer.id));
measure("list: search (FTS5) + status", (i) => listIdeas(db, viewer, { portal: "bench", q: queries[i % queries.length], status: "community_review" }));
measure("vote balance of a user", (i) => voteBalance(db, (i % USERS) + 1));

console.log("\nQuery plans:");
const plan = (label: string, query: ReturnType<typeof sql>) => {
  const { sql: text, params } = db.$client ? (db as unknown as { dialect: { sqlToQuery: (q: unknown) => { sql: string; params: unknown[] } } }).dialect.sqlToQuery(query) : { sql: "", params: [] };
  const rows = raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[];
  console.log(`\n${label}\n${rows.map((r) => "  " + r.detail).join("\n")}`);
};
// The same shapes as listIdeas and similarIdeas build (portal and category resolved to ids first).
plan("list, status filter, top by votes", sql`SELECT ideas.id FROM ideas JOIN categories ON categories.id = ideas.category_id JOIN portals ON portals.id = ideas.portal_id JOIN users ON users.id = ideas.author_id WHERE ideas.portal_id = 1 AND ideas.status = 'accepted' ORDER BY coalesce(ideas.votes_at_close, ideas.votes) DESC, ideas.id DESC LIMIT 20`);
plan("count for the same list", sql`SELECT count(*) FROM ideas WHERE ideas.portal_id = 1 AND ideas.status = 'accepted'`);
plan("newest with a status, page 50", sql`SELECT ideas.id FROM ideas WHERE ideas.portal_id = 1 AND ideas.status = 'accepted' ORDER BY ideas.created_at DESC, ideas.id DESC LIMIT 20 OFFSET 980`);
plan("similar ideas, first pass", sql`SELECT ideas.id FROM ideas_fts JOIN ideas ON ideas.id = ideas_fts.rowid WHERE ideas_fts MATCH '"callback" AND "time" AND "zone"*' AND ideas.status <> 'merged' AND ideas.portal_id = 1 ORDER BY ideas_fts.rank LIMIT 5`);
plan("vote balance", sql`SELECT count(*) FROM idea_votes WHERE user_id = 42`);
plan("grants of a user", sql`SELECT sum(amount) FROM vote_ledger WHERE user_id = 42 AND kind = 'grant'`);

db.$client.close();
rmSync(dir, { recursive: true, force: true });
