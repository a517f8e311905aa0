import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { ideas, notifications, type Role } from "../../db/schema";
import { createUser, type User } from "~/auth/users.server";
import { getIdea, ideaJson, summaryJson } from "~/ideas/ideas.server";
import { listIdeas } from "~/ideas/idea-lists.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { castVote, ledgerBalance, voteBalance } from "~/ideas/votes.server";
import { appToday } from "~/lib/app-time";
import * as ideaRoute from "~/routes/api+/v1+/ideas.$key";
import { IdeaAnswerSchema } from "~/web/api-answers.server";
import { callRoute, freshApiDb, tokenOf } from "../support/api-routes";
import { freshDb } from "../support/db";
import { makeIdea, makePortal, TEST_PASSWORD } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

let counter = 0;
function voter(role: Role, company: string | null): Promise<User> {
  counter++;
  return createUser(db, null, { email: `demand${counter}-${role}@example.test`, name: `Voter ${counter}`, role, company: company ?? undefined, password: TEST_PASSWORD });
}

function inAMonth(): string {
  const d = new Date(appToday());
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

function toInDevelopment(pm: User, key: string) {
  moveIdea(db, pm, key, { status: "under_pm_review", note: "Reviewing" });
  moveIdea(db, pm, key, { status: "accepted", note: "Planned", targetDate: inAMonth() });
  moveIdea(db, pm, key, { status: "in_development", note: "Started" });
}

function noticesOf(user: User): string[] {
  return db.select().from(notifications).where(eq(notifications.userId, user.id)).all().map((n) => n.text);
}

describe("the votes an idea closed with", () => {
  it("Delivered keeps the votes and companies it had, returns the votes, and the top sort ranks it by them", async () => {
    const { prefix, pm, slug } = await makePortal(db, { threshold: 50 });
    const voters = [await voter("customer", "Acme Health"), await voter("customer", "Acme Health"), await voter("partner", "Contoso Partners"), await voter("customer", "Northwind Bank")];
    const delivered = makeIdea(db, voters[0], prefix, "Keyboard shortcuts for wrap-up codes").key;
    const open = makeIdea(db, voters[0], prefix, "Scheduled CSV export of queue statistics").key;
    for (const v of voters) castVote(db, v, delivered);
    castVote(db, voters[0], open);
    castVote(db, voters[1], open);
    toInDevelopment(pm, delivered);
    moveIdea(db, pm, delivered, { status: "delivered", note: "Shipped", releaseNoteUrl: "https://docs.example.com/rn/8.5" });

    const idea = getIdea(db, voters[0], delivered);
    expect(idea).toMatchObject({ status: "delivered", votes: 0, votesAtClose: 4, companiesAtClose: 3 });
    expect(ideaJson(idea)).toMatchObject({ votesAtClose: 4, mergedFrom: [] });
    expect(voteBalance(db, voters[3].id).used).toBe(0);
    expect(ledgerBalance(db, voters[3].id)).toBe(10);
    // 4 at close outranks the open idea's 2 live votes.
    expect(listIdeas(db, voters[0], { portal: slug, sort: "top" }).items.map((i) => i.key)).toEqual([delivered, open]);
    expect(listIdeas(db, voters[0], { portal: slug, status: "delivered" }).items[0]).toMatchObject({ votesAtClose: 4, companiesAtClose: 3 });
    // The API's list says what the top sort ranked by.
    expect(listIdeas(db, voters[0], { portal: slug, sort: "top" }).items.map(summaryJson).map((i) => [i.key, i.votes, i.votesAtClose])).toEqual([
      [delivered, 0, 4],
      [open, 2, null],
    ]);
  });

  it("Not Planned keeps its count too; open and merged ideas have none", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const a = await voter("customer", "Acme Health");
    const closed = makeIdea(db, a, prefix, "Dial campaigns from agents' mobile phones").key;
    const open = makeIdea(db, a, prefix, "Pause a campaign when the abandon rate passes a limit").key;
    castVote(db, a, closed);
    moveIdea(db, pm, closed, { status: "not_planned", note: "It would bypass the recording controls." });
    expect(ideaJson(getIdea(db, a, closed)).votesAtClose).toBe(1);
    expect(ideaJson(getIdea(db, a, open)).votesAtClose).toBeNull();
  });

  it("the top sort is served by an index, with no sorting pass", async () => {
    const plan = db.$client
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM ideas WHERE portal_id = 1 AND status = 'delivered' ORDER BY coalesce("ideas"."votes_at_close", "ideas"."votes") DESC, id DESC LIMIT 20`)
      .all() as { detail: string }[];
    const text = plan.map((r) => r.detail).join("\n");
    expect(text).toContain("ideas_portal_status_rank_idx");
    expect(text).not.toContain("TEMP B-TREE");
  });
});

describe("a merge that tells the story", () => {
  it("moves votes, returns a voter-of-both's vote, tells each voter which, and both pages know of each other", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const both = await voter("customer", "Acme Health");
    const mover = await voter("partner", "Contoso Partners");
    const source = makeIdea(db, both, prefix, "Offer callbacks in the caller's local time").key;
    const target = makeIdea(db, both, prefix, "Callback scheduling in the customer's time zone").key;
    castVote(db, both, source);
    castVote(db, mover, source);
    castVote(db, both, target);
    moveIdea(db, pm, source, { status: "merged", note: "Same need", mergeInto: target });

    expect(noticesOf(mover)).toContain(`${source} “Offer callbacks in the caller's local time” was merged: your vote moved to ${target} “Callback scheduling in the customer's time zone”.`);
    const bothNotice = noticesOf(both).find((t) => t.includes("came back"));
    expect(bothNotice).toBe(
      `${source} “Offer callbacks in the caller's local time” was merged into ${target}: your vote came back to you because you had already voted for ${target} “Callback scheduling in the customer's time zone”.`,
    );
    expect(noticesOf(mover).some((t) => t.includes("came back"))).toBe(false);

    const merged = getIdea(db, mover, source);
    expect(merged.mergeTarget).toMatchObject({ key: target, votes: 2, votesMoved: 1, votesReturned: 1, votedByMe: true });
    expect(ideaJson(merged)).toMatchObject({ mergedInto: target, mergedFrom: [], votesAtClose: null });
    const into = getIdea(db, mover, target);
    expect(into.mergedFrom).toEqual([{ key: source, title: "Offer callbacks in the caller's local time", votesMoved: 1, commentCount: 0 }]);
    expect(ideaJson(into).mergedFrom).toEqual([source]);
  });

  it("an idea merged with no votes says so and sends no vote notices", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const author = await voter("customer", "Acme Health");
    const source = makeIdea(db, author, prefix, "Mask payment card digits in stored chats").key;
    const target = makeIdea(db, author, prefix, "Redact card numbers from chat transcripts").key;
    moveIdea(db, pm, source, { status: "merged", note: "Same need", mergeInto: target });
    expect(getIdea(db, author, source).mergeTarget).toMatchObject({ votesMoved: 0, votesReturned: 0 });
    expect(noticesOf(author).some((t) => t.includes("your vote"))).toBe(false);
  });
});

describe("the API's Idea", () => {
  it("answers votesAtClose for a Delivered idea, mergedFrom on the target and mergedInto on the merged one, as the schema says", async () => {
    // The one test here that goes through a route: the route's own connection opens this file.
    db = freshApiDb();
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const a = await voter("customer", "Acme Health");
    const b = await voter("partner", "Contoso Partners");
    const shipped = makeIdea(db, a, prefix, "Agents swap shifts without a supervisor").key;
    const source = makeIdea(db, a, prefix, "Flag calls where the customer sounds upset").key;
    const target = makeIdea(db, a, prefix, "Alert supervisors when sentiment drops").key;
    castVote(db, a, shipped);
    castVote(db, b, shipped);
    castVote(db, b, source);
    toInDevelopment(pm, shipped);
    moveIdea(db, pm, shipped, { status: "delivered", note: "Shipped", releaseNoteUrl: "https://docs.example.com/rn/9.1" });
    moveIdea(db, pm, source, { status: "merged", note: "Same need", mergeInto: target });
    const token = tokenOf(db, a);
    const get = async (key: string) => {
      const response = await callRoute(ideaRoute, "GET", `/ideas/${key}`, { token, params: { key } });
      expect(response.status).toBe(200);
      return IdeaAnswerSchema.strict().parse(await response.json());
    };
    expect(await get(shipped)).toMatchObject({ status: "delivered", votes: 0, votesAtClose: 2, mergedFrom: [], mergedInto: null });
    expect(await get(target)).toMatchObject({ votes: 1, votesAtClose: null, mergedFrom: [source] });
    expect(await get(source)).toMatchObject({ status: "merged", votesAtClose: null, mergedInto: target, mergedFrom: [] });
  });
});

describe("the migration's backfill for ideas closed before it", () => {
  it("counts the votes live just before the close, their companies, and a merge's moved and returned votes", () => {
    const folder = mkdtempSync(join(tmpdir(), "sprintlab-migrations-"));
    cpSync(join(process.cwd(), "db/migrations"), folder, { recursive: true });
    const journalFile = join(folder, "meta/_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    const upTo = journal.entries.findIndex((e) => e.tag === "0011_votes_at_close");
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
    const raw = new Database(join(folder, "old.db"));
    const old = drizzle(raw);
    migrate(old, { migrationsFolder: folder });

    raw.exec(`
      INSERT INTO users (id, email, name, role, company) VALUES
        (1, 'pm@x.test', 'PM', 'pm', NULL), (2, 'a@x.test', 'A', 'customer', 'Acme Health'),
        (3, 'b@x.test', 'B', 'customer', 'Acme Health'), (4, 'c@x.test', 'C', 'partner', 'Contoso Partners');
      INSERT INTO portals (id, slug, name) VALUES (1, 'p', 'P');
      INSERT INTO categories (id, portal_id, name, key_prefix) VALUES (1, 1, 'Reporting', 'CIREP');
      INSERT INTO ideas (id, key, portal_id, category_id, author_id, title, description, status, merged_into_id) VALUES
        (1, 'CIREP-I-1', 1, 1, 2, 'Delivered one', 'd', 'delivered', NULL),
        (2, 'CIREP-I-2', 1, 1, 2, 'Merged one', 'd', 'merged', 3),
        (3, 'CIREP-I-3', 1, 1, 2, 'Target', 'd', 'community_review', NULL);
      INSERT INTO idea_status_changes (idea_id, from_status, to_status, at) VALUES
        (1, 'in_development', 'delivered', '2026-05-01T10:00:00.000Z'), (2, 'community_review', 'merged', '2026-05-02T10:00:00.000Z');
      INSERT INTO vote_ledger (user_id, idea_id, kind, amount, reason, at) VALUES
        (2, 1, 'spend', -1, 'Voted for CIREP-I-1', '2026-03-01T10:00:00.000Z'),
        (3, 1, 'spend', -1, 'Voted for CIREP-I-1', '2026-03-02T10:00:00.000Z'),
        (4, 1, 'spend', -1, 'Voted for CIREP-I-1', '2026-03-03T10:00:00.000Z'),
        (4, 1, 'return', 1, 'Took the vote back from CIREP-I-1', '2026-03-04T10:00:00.000Z'),
        (2, 1, 'return', 1, 'CIREP-I-1 is Delivered', '2026-05-01T10:00:00.000Z'),
        (3, 1, 'return', 1, 'CIREP-I-1 is Delivered', '2026-05-01T10:00:00.001Z'),
        (2, 2, 'spend', -1, 'Voted for CIREP-I-2', '2026-03-01T10:00:00.000Z'),
        (4, 2, 'spend', -1, 'Voted for CIREP-I-2', '2026-03-01T10:00:00.000Z'),
        (2, 3, 'spend', -1, 'Voted for CIREP-I-3', '2026-03-01T10:00:00.000Z'),
        (2, 2, 'return', 1, 'CIREP-I-2 merged into CIREP-I-3', '2026-05-02T10:00:00.000Z'),
        (4, 2, 'return', 1, 'CIREP-I-2 merged into CIREP-I-3', '2026-05-02T10:00:00.000Z'),
        (4, 3, 'spend', -1, 'Vote moved from CIREP-I-2 by merge', '2026-05-02T10:00:00.000Z');
    `);
    migrate(old, { migrationsFolder: join(process.cwd(), "db/migrations") });
    const rows = old.select({ key: ideas.key, votesAtClose: ideas.votesAtClose, companies: ideas.companiesAtClose, moved: ideas.mergeVotesMoved, returned: ideas.mergeVotesReturned }).from(ideas).all();
    expect(rows).toEqual([
      { key: "CIREP-I-1", votesAtClose: 2, companies: 1, moved: null, returned: null },
      { key: "CIREP-I-2", votesAtClose: null, companies: null, moved: 1, returned: 1 },
      { key: "CIREP-I-3", votesAtClose: null, companies: null, moved: null, returned: null },
    ]);
    raw.close();
  });
});
