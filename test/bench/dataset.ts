/**
 * The bench's dataset, deterministic for a size: an Ideas Lab written with SQL in bulk (users,
 * ideas, votes, a ledger, comments, SLA clocks, notifications) that satisfies the same invariants
 * as real data — every user's ledger matches the votes they hold, every idea's vote count its
 * vote rows — and a Delivery half built through the use-case functions, so events, reports and
 * ranks are real.
 */
import { rebuildIdeaTerms } from "../../app/ideas/idea-terms.server";
import { performance } from "node:perf_hooks";
import { openDatabase, type Db } from "../../db/client.server";
import { createUser } from "../../app/auth/users.server";
import { addMember, createProject } from "../../app/delivery/projects.server";
import { createGoLive } from "../../app/delivery/release.server";
import { closeSprint, generateSprints, startSprint } from "../../app/delivery/sprints.server";
import { createFeature, createStory, updateStory } from "../../app/delivery/stories.server";
import { decideAtDemo } from "../../app/delivery/demo.server";

export type BenchSize = {
  users: number;
  ideas: number;
  /** Ledger rows in all: the spends of held votes plus spend/return pairs of votes taken back. */
  ledger: number;
  comments: number;
  notificationsPerUser: number;
  projects: number;
  stories: number;
  sprints: number;
};

export const FULL: BenchSize = { users: 20_000, ideas: 50_000, ledger: 500_000, comments: 100_000, notificationsPerUser: 5, projects: 50, stories: 300, sprints: 10 };
export const QUICK: BenchSize = { users: 2_000, ideas: 5_000, ledger: 50_000, comments: 10_000, notificationsPerUser: 5, projects: 5, stories: 120, sprints: 6 };

export const BENCH_PASSWORD = "bench-password-1";
export const STATUSES = ["community_review", "under_pm_review", "accepted", "in_development", "delivered", "not_planned", "merged"] as const;
/** Ideas that take votes (the closed ones gave theirs back). */
const OPEN = new Set(["community_review", "under_pm_review", "accepted", "in_development"]);

export type Dataset = {
  size: BenchSize;
  pmId: number;
  smId: number;
  copoId: number;
  /** Customers and partners, by id; the first ones have votes to spare for the write scenario. */
  voterIds: number[];
  /** Community-review ideas nobody holds a vote on: what the vote scenario votes for. */
  voteTargets: string[];
  ideaKeys: string[];
  portal: string;
  projectId: number;
  activeSprintId: number;
  counts: { users: number; ideas: number; ledgerRows: number; comments: number; stories: number; storyEvents: number };
};

// A contact-center vocabulary of ~700 terms (roots with variants): a word appears in a few
// percent of ideas, as in a real portal, rather than in all of them.
const roots = "callback queue agent skill routing report transfer segment workgroup supervisor schedule forecast chat email voice ivr wallboard recording redact card sentiment survey outbound campaign abandon dashboard export csv time zone shift swap wrapup code dialer consult greeting prompt holiday overflow priority language translation transcript screen desktop softphone headset login presence status break lunch adherence occupancy interval service level answer handle hold mute conference barge whisper coach evaluation quality score calibrate audit retention purge archive search filter tag disposition outcome crm ticket case contact account identity verify pin payment refund order delivery".split(" ");
export const WORDS = roots.flatMap((r) => [r, `${r}s`, `${r}ing`, `${r}ed`, `re${r}`, `${r}able`]);

function generator(seed = 7) {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { rand, words: (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ") };
}

const keyOf = (i: number) => `BEN${String.fromCharCode(65 + (i % 10))}-I-${i}`;

function buildIdeasLab(db: Db, size: BenchSize, pmId: number): { voterIds: number[]; voteTargets: string[]; ideaKeys: string[] } {
  const raw = db.$client;
  const { words } = generator();
  const voterIds: number[] = [];
  const voteTargets: string[] = [];
  const ideaKeys: string[] = [];
  raw.transaction(() => {
    const user = raw.prepare("INSERT INTO users (email, name, role, company) VALUES (?, ?, ?, ?)");
    for (let i = 0; i < size.users; i++) {
      const r = user.run(`user${i + 1}@bench.example`, `User ${i + 1}`, i % 3 ? "customer" : "partner", `Company ${i % 400}`);
      voterIds.push(Number(r.lastInsertRowid));
    }
    raw.prepare("INSERT INTO portals (slug, name, vote_threshold) VALUES ('bench', 'Bench', 20)").run();
    const portalId = (raw.prepare("SELECT id FROM portals WHERE slug = 'bench'").get() as { id: number }).id;
    const category = raw.prepare("INSERT INTO categories (portal_id, name, key_prefix, last_number, pm_id) VALUES (?, ?, ?, ?, ?)");
    const categoryIds: number[] = [];
    for (let c = 0; c < 10; c++) categoryIds.push(Number(category.run(portalId, `Category ${c}`, `BEN${String.fromCharCode(65 + c)}`, size.ideas, c < 3 ? pmId : null).lastInsertRowid));

    const idea = raw.prepare(
      "INSERT INTO ideas (key, portal_id, category_id, author_id, title, description, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const clock = raw.prepare("INSERT INTO sla_clocks (idea_id, entered_on, due_on, answered_on) VALUES (?, ?, ?, ?)");
    const open: number[] = [];
    const ids: number[] = [];
    for (let i = 1; i <= size.ideas; i++) {
      const status = STATUSES[i % 7];
      const created = new Date(Date.UTC(2024, 0, 1) + i * 60_000 * 30).toISOString();
      const id = Number(idea.run(keyOf(i), portalId, categoryIds[i % 10], voterIds[i % size.users], `${words(5)} idea ${i}`, `${words(30)}.`, status, created).lastInsertRowid);
      ids.push(id);
      if (i <= 50) ideaKeys.push(keyOf(i));
      // A share of the community-review ideas stay unvoted: the vote scenario's targets.
      if (status === "community_review" && i % 5 === 0 && voteTargets.length < 500) voteTargets.push(keyOf(i));
      else if (OPEN.has(status)) open.push(id);
      if (status === "under_pm_review") {
        const entered = new Date(Date.UTC(2026, 6, 1) + (i % 150) * 86_400_000).toISOString().slice(0, 10);
        const due = new Date(Date.parse(entered) + 42 * 86_400_000).toISOString().slice(0, 10);
        clock.run(id, entered, due, i % 3 === 0 ? due : null);
      }
    }

    // Votes: user u holds h ≤ 8 votes on distinct open ideas (two left to spend), each a spend in
    // the ledger; the rest of the ledger is votes taken back (a spend and its return).
    const vote = raw.prepare("INSERT INTO idea_votes (user_id, idea_id, counts_toward_threshold) VALUES (?, ?, 1)");
    const ledger = raw.prepare("INSERT INTO vote_ledger (user_id, idea_id, kind, amount, reason) VALUES (?, ?, ?, ?, ?)");
    let rows = 0;
    voterIds.forEach((userId, u) => {
      const held = u % 9 === 8 ? 0 : (u % 8) + 1;
      const seen = new Set<number>();
      for (let k = 0; seen.size < held && k < 50; k++) {
        const ideaId = open[(u * 7919 + k * 104_729) % open.length];
        if (seen.has(ideaId)) continue;
        seen.add(ideaId);
        vote.run(userId, ideaId);
        ledger.run(userId, ideaId, "spend", -1, "Voted");
        rows++;
      }
    });
    const pairs = Math.max(0, Math.floor((size.ledger - rows) / 2));
    for (let p = 0; p < pairs; p++) {
      const userId = voterIds[p % voterIds.length];
      const ideaId = ids[(p * 31_337) % ids.length];
      ledger.run(userId, ideaId, "spend", -1, "Voted");
      ledger.run(userId, ideaId, "return", 1, "Took the vote back");
    }
    raw.exec(`UPDATE ideas SET votes = (SELECT count(*) FROM idea_votes v WHERE v.idea_id = ideas.id),
                               threshold_votes = (SELECT count(*) FROM idea_votes v WHERE v.idea_id = ideas.id AND v.counts_toward_threshold = 1)`);

    const comment = raw.prepare("INSERT INTO comments (idea_id, author_id, kind, body) VALUES (?, ?, 'comment', ?)");
    for (let i = 0; i < size.comments; i++) comment.run(ids[(i * 104_729) % ids.length], voterIds[i % voterIds.length], words(20));
    raw.exec("UPDATE ideas SET comment_count = (SELECT count(*) FROM comments c WHERE c.idea_id = ideas.id)");

    const note = raw.prepare("INSERT INTO notifications (user_id, idea_id, text, link, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?)");
    voterIds.forEach((userId, u) => {
      for (let n = 0; n < size.notificationsPerUser; n++) {
        const i = ((u * 17 + n * 7) % size.ideas) + 1;
        const at = new Date(Date.UTC(2026, 10, 1) + (u % 30) * 86_400_000 + n * 3_600_000).toISOString();
        note.run(userId, ids[i - 1], `An idea you follow moved: ${keyOf(i)}`, `/ideas/${keyOf(i)}`, at, n < 2 ? null : at);
      }
    });
  })();
  return { voterIds, voteTargets, ideaKeys };
}

async function buildDelivery(db: Db, size: BenchSize, sm: { id: number }, copoId: number) {
  const smUser = db.$client.prepare("SELECT * FROM users WHERE id = ?").get(sm.id) as never;
  const actor = { ...(smUser as object), active: true } as Parameters<typeof createProject>[1];
  const copo = { ...(db.$client.prepare("SELECT * FROM users WHERE id = ?").get(copoId) as object), active: true } as Parameters<typeof createProject>[1];
  const at = (iso: string, h: number, m = 0) => new Date(`${iso}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00.000Z`);
  const closed = size.sprints - 2;
  let projectId = 0;
  let activeSprintId = 0;
  for (let p = 0; p < size.projects; p++) {
    const project = createProject(db, actor, { name: `Bench project ${p}`, customer: `Customer ${p}`, sowSignedOn: "2025-12-01", staffedOn: "2025-12-08", kind: p % 2 ? "product_release" : "customer_engagement" });
    projectId ||= project.id;
    addMember(db, actor, project.id, { userId: copoId, role: "co_product_owner" });
    const features = Array.from({ length: 6 }, (_, f) => createFeature(db, actor, project.id, { name: `Feature ${f}` }).id);
    const ids = Array.from({ length: size.stories }, (_, i) =>
      createStory(db, actor, project.id, { title: `Story ${i} of project ${p}`, points: [1, 2, 3, 5, 8][i % 5], acceptanceCriteria: ["criterion"], featureId: features[i % 6] }, at("2025-12-10", 9)).id,
    );
    const sprints = generateSprints(db, actor, project.id, { count: size.sprints });
    createGoLive(db, actor, project.id, { name: "Go-live 1", sprintId: sprints[Math.floor(size.sprints / 2) - 1].id, featureIds: features.slice(0, 3) });
    createGoLive(db, actor, project.id, { name: "Go-live 2", sprintId: sprints[size.sprints - 1].id, featureIds: features.slice(3) });
    const perSprint = Math.floor(size.stories / (size.sprints + 1));
    let next = 0;
    for (let s = 0; s <= closed; s++) {
      const sprint = sprints[s];
      const taken = ids.slice(next, next + perSprint + 3);
      next += perSprint; // three stories a sprint carry over
      for (const id of taken) updateStory(db, actor, id, { sprintId: sprint.id }, at(sprint.start, 8));
      startSprint(db, actor, sprint.id, at(sprint.start, 9));
      taken.forEach((id, k) => {
        updateStory(db, actor, id, { status: "in_progress" }, at(sprint.start, 10, k % 60));
        if (k < perSprint) updateStory(db, actor, id, { status: "done" }, at(sprint.start, 11, k % 60));
      });
      if (s < closed) {
        taken.slice(0, perSprint - 3).forEach((id, k) => decideAtDemo(db, copo, sprint.id, { storyId: id, decision: "accept" }, at(sprint.start, 12, k % 60)));
        closeSprint(db, actor, sprint.id, { unfinished: "next" }, at(sprint.end, 17));
      } else if (p === 0) activeSprintId = sprint.id;
    }
  }
  return { projectId, activeSprintId };
}

/** Build the dataset into a new file (migrated first); logs how long each half took. */
export async function buildDataset(file: string, size: BenchSize, log: (line: string) => void = console.log): Promise<Dataset> {
  const db = openDatabase(file);
  try {
    const t0 = performance.now();
    const pm = await createUser(db, null, { email: "pm@bench.example", name: "Bench PM", role: "pm", password: BENCH_PASSWORD });
    const sm = await createUser(db, null, { email: "sm@bench.example", name: "Bench Scrum Master", role: "staff", password: BENCH_PASSWORD });
    const copo = await createUser(db, null, { email: "copo@bench.example", name: "Bench Co-PO", role: "customer", company: "Customer 0", password: BENCH_PASSWORD });
    const lab = buildIdeasLab(db, size, pm.id);
    // The ideas went in as raw rows: count their words as the app does when it writes one.
    rebuildIdeaTerms(db);
    log(`Ideas Lab: ${size.users} users, ${size.ideas} ideas, ~${size.ledger} ledger rows, ${size.comments} comments in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = performance.now();
    const delivery = await buildDelivery(db, size, sm, copo.id);
    log(`Delivery: ${size.projects} projects × ${size.stories} stories × ${size.sprints} sprints in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    db.$client.exec("ANALYZE");
    const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      size,
      pmId: pm.id,
      smId: sm.id,
      copoId: copo.id,
      ...lab,
      portal: "bench",
      ...delivery,
      counts: { users: count("users"), ideas: count("ideas"), ledgerRows: count("vote_ledger"), comments: count("comments"), stories: count("stories"), storyEvents: count("story_events") },
    };
  } finally {
    db.$client.close();
  }
}
