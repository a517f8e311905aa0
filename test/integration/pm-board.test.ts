import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { auditLog, ideaStatusChanges, ideas, users } from "../../db/schema";
import { seedDemo } from "../../db/seed";
import { addComment } from "~/ideas/comments.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { BOARD_PAGE, pmBoardPage } from "~/ideas/pm-board.server";
import { saveCategory } from "~/ideas/portals.server";
import { castVote } from "~/ideas/votes.server";
import { ideasLabHome } from "~/ideas/idea-lists.server";
import { setFollowing } from "~/notifications/notify.server";
import type { User } from "~/auth/users.server";
import { freshDb } from "../support/db";
import { makeIdea, makePortal, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

const FAR = "2999-01-01";

describe("the PM board's rows", () => {
  it("sorts by any column in the database, each way, and keeps equal rows in one order", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const author = await makeUser(db, "customer");
    const keys = ["Wallboard tile for queues", "Agent greeting per queue", "Callback in the caller's time zone"].map((t) => makeIdea(db, author, prefix, t).key);
    const voters = await Promise.all([1, 2, 3].map(() => makeUser(db, "customer")));
    castVote(db, voters[0], keys[2]);
    castVote(db, voters[1], keys[2]);
    castVote(db, voters[2], keys[1]);
    const byVotes = pmBoardPage(db, pm.id, { sort: "votes" });
    expect(byVotes).toMatchObject({ sort: "votes", dir: "desc", total: 3, notices: [] });
    expect(byVotes.rows.map((r) => r.key)).toEqual([keys[2], keys[1], keys[0]]);
    expect(pmBoardPage(db, pm.id, { sort: "votes", dir: "asc" }).rows.map((r) => r.key)).toEqual([keys[0], keys[1], keys[2]]);
    expect(pmBoardPage(db, pm.id, { sort: "title" }).rows.map((r) => r.title)).toEqual(["Agent greeting per queue", "Callback in the caller's time zone", "Wallboard tile for queues"]);
    expect(byVotes.rows[0]).toMatchObject({ votes: 2, thresholdVotes: 2, voteThreshold: 50, companies: 0, owner: pm.name, due: { text: "48 votes short of 50", late: false } });
  });

  it("puts the overdue clock first by due date, counts the overdue ones, and an official update answers it", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const author = await makeUser(db, "customer");
    const waiting = makeIdea(db, author, prefix, "Operation log of supervisor actions").key;
    const open = makeIdea(db, author, prefix, "Bulk-edit agent skills").key;
    moveIdea(db, pm, waiting, { status: "under_pm_review", note: "Reviewing" });
    const board = pmBoardPage(db, pm.id, {}, FAR);
    expect(board.rows[0]).toMatchObject({ key: waiting, due: { late: true } });
    expect(board.rows[0].due.text).toMatch(/^Update \d+ days overdue \(due \d{4}-\d{2}-\d{2}\)$/);
    expect(board.rows.map((r) => r.key)).toEqual([waiting, open]);
    expect(board.overdue).toBe(1);
    addComment(db, pm, waiting, { kind: "official", body: "Sizing it with engineering this sprint." });
    const after = pmBoardPage(db, pm.id, {}, FAR);
    expect(after.overdue).toBe(0);
    expect(after.rows.find((r) => r.key === waiting)?.due).toEqual({ text: "Update posted", late: false });
  });

  it("filters by category and owner, and falls back with a notice on what it cannot use", async () => {
    const first = await makePortal(db, { threshold: 50 });
    const second = await makePortal(db, { threshold: 50 });
    const author = await makeUser(db, "customer");
    const mine = makeIdea(db, author, first.prefix, "Wallboard tile for queues").key;
    const theirs = makeIdea(db, author, second.prefix, "Agent greeting per queue").key;
    saveCategory(db, first.admin, first.slug, null, { name: "Routing", keyPrefix: "ROUTX", pmId: first.pm.id });
    const routing = makeIdea(db, author, "ROUTX", "Route by caller language").key;
    const keysOf = (input: Record<string, string>) => pmBoardPage(db, first.pm.id, input).rows.map((r) => r.key).sort();
    expect(keysOf({})).toEqual([mine, routing].sort());
    expect(keysOf({ category: "routx" })).toEqual([routing]);
    expect(keysOf({ owner: String(second.pm.id) })).toEqual([theirs]);
    expect(keysOf({ owner: "all", category: second.prefix })).toEqual([theirs]);
    const odd = pmBoardPage(db, first.pm.id, { sort: "drop table", dir: "sideways", owner: "nobody", category: "NOPE" });
    expect(odd).toMatchObject({ sort: "due", dir: "asc", owner: "mine", category: null, total: 2 });
    expect(odd.notices).toEqual([
      "The board cannot be sorted by “drop table”; it is sorted by due date.",
      "“sideways” is not a sort direction, so the column's usual order is used.",
      "“nobody” is not an owner, so your categories are shown.",
      "There is no category “NOPE”, so every category is shown.",
    ]);
    expect(pmBoardPage(db, first.pm.id, { owner: "99999" }).notices).toEqual(["Nobody with that id owns a category, so your categories are shown."]);
  });

  it("counts and orders the open ideas from their partial index, and leaves the other idea lists' plans alone", async () => {
    const { pm } = await makePortal(db, { threshold: 50 });
    // Every statement the board runs, as SQLite sees it.
    const seen: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    db.$client.prepare = ((source: string) => (seen.push(source), prepare(source))) as typeof db.$client.prepare;
    try {
      pmBoardPage(db, pm.id, {});
    } finally {
      db.$client.prepare = prepare;
    }
    const planOf = (source: string) => {
      const params = (source.match(/\?/g) ?? []).map(() => 1);
      return (db.$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");
    };
    const onIdeas = seen.filter((q) => /^select (count\(\*\)|"ideas"."id") from "ideas"/.test(q));
    expect(onIdeas).toHaveLength(2);
    for (const q of onIdeas) expect(planOf(q)).toContain("ideas_open_category_idx");
    // A status filter across portals still walks the ranking index, unsorted.
    const list = planOf(`SELECT id FROM ideas WHERE status = 'accepted' ORDER BY coalesce("ideas"."votes_at_close", "ideas"."votes") DESC, id DESC LIMIT 20`);
    expect(list).toContain("ideas_status_rank_idx");
    expect(list).not.toContain("TEMP B-TREE");
  });

  it("pages the rows in the database and counts them all", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const author = await makeUser(db, "customer");
    const keys = Array.from({ length: BOARD_PAGE + 3 }, (_, i) => makeIdea(db, author, prefix, `Wallboard tile number ${i + 1} for queues`).key);
    const first = pmBoardPage(db, pm.id, { sort: "key" });
    expect(first).toMatchObject({ total: BOARD_PAGE + 3, page: 1, pages: 2, pageSize: BOARD_PAGE });
    expect(first.rows).toHaveLength(BOARD_PAGE);
    // Keys sort by their number: …-I-9 before …-I-10.
    expect(first.rows.map((r) => r.key)).toEqual(keys.slice(0, BOARD_PAGE));
    const second = pmBoardPage(db, pm.id, { sort: "key", page: "2" });
    expect(second.rows).toHaveLength(3);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.key))).toEqual(new Set(keys));
    const past = pmBoardPage(db, pm.id, { page: "9" });
    expect(past.page).toBe(2);
    expect(past.notices).toEqual(["There is no page 9; page 2 is shown."]);
  });
});

describe("the Ideas Lab's top for customers and partners", () => {
  it("lists the ideas they follow, last moved first, and the ideas moved most recently", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const author = await makeUser(db, "customer");
    const reader = await makeUser(db, "partner");
    const idOf = (key: string) => db.select({ id: ideas.id }).from(ideas).where(eq(ideas.key, key)).get()!.id;
    const a = { key: makeIdea(db, author, prefix, "Wallboard tile for queues").key, id: 0 };
    a.id = idOf(a.key);
    const b = makeIdea(db, author, prefix, "Agent greeting per queue");
    setFollowing(db, reader.id, a.id, true);
    expect(ideasLabHome(db, reader)).toMatchObject({ followingTotal: 1, following: [{ key: a.key }] });
    db.update(ideas).set({ statusChangedAt: "2020-01-01T00:00:00.000Z" }).where(eq(ideas.id, a.id)).run();
    moveIdea(db, pm, b.key, { status: "under_pm_review", note: "Reviewing" });
    expect(ideasLabHome(db, reader).recent.map((i) => i.key)).toEqual([b.key, a.key]);
    setFollowing(db, reader.id, a.id, false);
    expect(ideasLabHome(db, reader).followingTotal).toBe(0);
  });
});

describe("the demo's board", () => {
  it("has two PMs owning different categories, one overdue clock and one idea a vote short, and dated audit rows", async () => {
    await seedDemo(db);
    const byEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get() as User;
    const priya = byEmail("pm@example.com");
    const tomas = byEmail("pm2@example.com");
    const hers = pmBoardPage(db, priya.id, {});
    const his = pmBoardPage(db, tomas.id, {});
    expect(hers.total).toBeGreaterThan(0);
    expect(his.total).toBeGreaterThan(0);
    expect(new Set(hers.rows.map((r) => r.category.slice(0, 2)))).not.toContain("CI");
    expect(his.rows.every((r) => r.category.startsWith("CI"))).toBe(true);
    expect(hers.overdue).toBe(1);
    expect(hers.rows[0]).toMatchObject({ title: "Callback scheduling in the customer's time zone", due: { late: true } });
    const short = pmBoardPage(db, priya.id, { owner: "all" }).rows.filter((r) => r.status === "community_review" && r.voteThreshold - r.thresholdVotes === 1);
    expect(short.map((r) => r.title)).toEqual(["Bulk-edit agent skills from a spreadsheet upload"]);
    expect(short[0].due.text).toBe("1 vote short of 10");
    // Each status change's audit row carries the day of the change.
    const audits = db.select().from(auditLog).where(eq(auditLog.kind, "idea.status_changed")).all();
    const changeDays = new Set(db.select({ at: ideaStatusChanges.at }).from(ideaStatusChanges).all().map((c) => c.at));
    expect(audits.length).toBeGreaterThan(10);
    expect(audits.filter((a) => !changeDays.has(a.at!))).toEqual([]);
  }, 120_000);
});
