import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { auditLog, ideaEdits, notifications, outbox } from "../../db/schema";
import { addComment, hideComment, listComments, toggleWorkaroundConfirmation } from "~/ideas/comments.server";
import { createIdea, editIdea, getIdea } from "~/ideas/ideas.server";
import { listIdeas, similarIdeas } from "~/ideas/idea-lists.server";
import { changeTargetDate, moveIdea } from "~/ideas/idea-moves.server";
import { updatePortal } from "~/ideas/portals.server";
import { pmBoard } from "~/ideas/sla.server";
import { castVote, grantVotes, ledgerBalance, voteBalance, withdrawVote } from "~/ideas/votes.server";
import { appToday } from "~/lib/app-time";
import { freshDb } from "../support/db";
import { refusal } from "../support/refusal";
import { makeIdea, makePortal, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});


function inAMonth(): string {
  const d = new Date(appToday());
  d.setUTCMonth(d.getUTCMonth() + 3);
  return d.toISOString().slice(0, 10);
}

describe("intake and keys", () => {
  it("numbers keys per category and never reuses them, even when an idea moves category", async () => {
    const { pm, prefix, slug } = await makePortal(db, { prefix: "COANA" });
    const admin = await makeUser(db, "admin");
    const { saveCategory } = await import("~/ideas/portals.server");
    saveCategory(db, admin, slug, null, { name: "Routing", keyPrefix: "CORTE", pmId: pm.id });
    const customer = await makeUser(db, "customer");
    expect(makeIdea(db, customer, prefix).key).toBe("COANA-I-1");
    expect(makeIdea(db, customer, prefix, "Operation log of supervisor actions").key).toBe("COANA-I-2");
    editIdea(db, pm, "COANA-I-2", { category: "CORTE" });
    expect(getIdea(db, pm, "COANA-I-2").category).toBe("CORTE");
    expect(makeIdea(db, customer, prefix, "Callback in the customer's time zone").key).toBe("COANA-I-3");
    expect(makeIdea(db, customer, "CORTE", "Bulk-edit agent skills from a spreadsheet").key).toBe("CORTE-I-1");
  });

  it("a portal's form takes only that portal's categories", async () => {
    const first = await makePortal(db);
    const other = await makePortal(db);
    const customer = await makeUser(db, "customer");
    const input = { category: other.prefix, title: "Wallboard tiles per queue", description: "Each queue gets its own wallboard tile with waiting calls." };
    const refused = refusal(() => createIdea(db, customer, input, { portal: first.slug }));
    expect(refused).toMatchObject({ code: "invalid", fields: { category: "Choose one of the portal's categories." } });
    expect(refusal(() => createIdea(db, customer, input, { portal: "no-such-portal" })).code).toBe("invalid");
    expect(createIdea(db, customer, input, { portal: other.slug }).key).toBe(`${other.prefix}-I-1`);
  });

  it("refuses blocked words in title and description with the guideline, and writes nothing", async () => {
    const { prefix } = await makePortal(db);
    const customer = await makeUser(db, "customer");
    const error = refusal(() => makeIdea(db, customer, prefix, "This IVR is USELESS for callers", "Whatever we try the callers hang up early."));
    expect(error.code).toBe("invalid");
    expect(error.fields?.title).toMatch(/keep it positive.*useless/i);
    expect(error.fields?.description).toBeUndefined();
    expect(listIdeas(db, customer, {}).total).toBe(0);
  });

  it("finds similar ideas with punctuation and hyphens in the query", async () => {
    const { prefix } = await makePortal(db);
    const customer = await makeUser(db, "customer");
    makeIdea(db, customer, prefix, "Callback scheduling in the customer's time zone", "Let callers pick a callback slot in their own time zone.");
    makeIdea(db, customer, prefix, "Export real-time queue statistics to CSV", "Scheduled CSV export of real-time queue statistics.");
    const found = similarIdeas(db, "callback: time-zone", customer.id);
    // Any word may match ("time" is in "real-time" too); bm25 ranks the better match first.
    expect(found.map((i) => i.title)).toEqual(["Callback scheduling in the customer's time zone", "Export real-time queue statistics to CSV"]);
    expect(similarIdeas(db, "callb", customer.id).map((i) => i.votes)).toEqual([0]);
    expect(similarIdeas(db, 'real-time "queue" AND (', customer.id)[0].title).toBe("Export real-time queue statistics to CSV");
    expect(similarIdeas(db, "-- *", customer.id)).toEqual([]);
  });
});

describe("votes", () => {
  it("spends from a budget of 10, refuses the 11th, and un-voting gives it back", async () => {
    const { prefix } = await makePortal(db, { threshold: 100 });
    const customer = await makeUser(db, "customer");
    const keys = Array.from({ length: 11 }, (_, i) => makeIdea(db, customer, prefix, `Idea number ${i + 1} for the contact center`).key);
    for (const key of keys.slice(0, 10)) castVote(db, customer, key);
    expect(voteBalance(db, customer.id)).toEqual({ budget: 10, used: 10, available: 0 });
    const eleventh = refusal(() => castVote(db, customer, keys[10]));
    expect(eleventh.code).toBe("conflict");
    expect(eleventh.message).toMatch(/spent all your votes/);
    expect(refusal(() => castVote(db, customer, keys[0])).message).toBe("You already voted for this idea.");
    withdrawVote(db, customer, keys[0]);
    expect(castVote(db, customer, keys[10]).myVotes).toEqual({ budget: 10, used: 10, available: 0 });
    expect(ledgerBalance(db, customer.id)).toBe(0);
    expect(refusal(() => withdrawVote(db, customer, keys[0])).code).toBe("conflict");
  });

  it("an admin grant raises the budget, with its reason in the ledger and the audit log", async () => {
    const admin = await makeUser(db, "admin");
    const customer = await makeUser(db, "customer");
    expect(grantVotes(db, admin, customer.id, { amount: 5, reason: "Runs three contact centers" })).toEqual({ budget: 15, used: 0, available: 15 });
    expect(db.select().from(auditLog).where(eq(auditLog.kind, "votes.granted")).all()).toHaveLength(1);
    expect(refusal(() => grantVotes(db, customer, customer.id, { amount: 5, reason: "please" })).code).toBe("forbidden");
    expect(refusal(() => grantVotes(db, admin, customer.id, { amount: 0, reason: "none" })).code).toBe("invalid");
  });

  it("moves to Under PM Review when customer and partner votes reach the threshold, never back", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 2 });
    const author = await makeUser(db, "customer");
    const staff = await makeUser(db, "staff");
    const customer = await makeUser(db, "customer");
    const partner = await makeUser(db, "partner");
    const key = makeIdea(db, author, prefix).key;
    castVote(db, staff, key);
    castVote(db, customer, key);
    expect(getIdea(db, pm, key).status).toBe("community_review");
    castVote(db, partner, key);
    const idea = getIdea(db, pm, key);
    expect(idea.status).toBe("under_pm_review");
    expect(idea.statusHistory.at(-1)).toMatchObject({ to: "under_pm_review", system: true });
    expect(idea.sla?.state).toBe("open");
    expect(db.select().from(notifications).where(eq(notifications.userId, pm.id)).all()[0].text).toMatch(/reached Under PM Review/);
    withdrawVote(db, partner, key);
    expect(getIdea(db, pm, key).status).toBe("under_pm_review");
  });

  it("a lowered threshold moves the ideas that now reach it", async () => {
    const { prefix, pm, slug, admin } = await makePortal(db, { threshold: 5 });
    const customer = await makeUser(db, "customer");
    const key = makeIdea(db, customer, prefix).key;
    castVote(db, customer, key);
    updatePortal(db, admin, slug, { voteThreshold: 1 });
    expect(getIdea(db, pm, key).status).toBe("under_pm_review");
  });
});

describe("PM moves", () => {
  it("moves through every status; Delivered returns every vote and notifies the voters", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const customer = await makeUser(db, "customer");
    const partner = await makeUser(db, "partner");
    const key = makeIdea(db, customer, prefix).key;
    castVote(db, customer, key);
    castVote(db, partner, key);
    moveIdea(db, pm, key, { status: "under_pm_review", note: "Looking into it" });
    expect(getIdea(db, pm, key).sla?.state).toBe("open");
    moveIdea(db, pm, key, { status: "accepted", note: "Planned", targetDate: inAMonth() });
    expect(getIdea(db, pm, key).sla?.state).toBe("met");
    expect(getIdea(db, customer, key).targetDate).toBeNull();
    expect(getIdea(db, customer, key).targetQuarter).toMatch(/^\d{4}-Q[1-4]$/);
    expect(getIdea(db, pm, key).targetDate).toBe(inAMonth());
    moveIdea(db, pm, key, { status: "in_development", note: "Started" });
    const delivered = moveIdea(db, pm, key, { status: "delivered", note: "Shipped", releaseNoteUrl: "https://docs.example.com/rn/8.5" });
    expect(delivered).toMatchObject({ status: "delivered", votes: 0 });
    expect(voteBalance(db, customer.id).available).toBe(10);
    expect(voteBalance(db, partner.id).available).toBe(10);
    expect(ledgerBalance(db, partner.id)).toBe(10);
    expect(db.select().from(notifications).where(eq(notifications.userId, partner.id)).all().map((n) => n.text).join("\n")).toMatch(/came back to you/);
    expect(db.select().from(outbox).where(eq(outbox.userId, partner.id)).all()).toHaveLength(1);
    expect(getIdea(db, pm, key).statusHistory.map((h) => h.to)).toEqual(["community_review", "under_pm_review", "accepted", "in_development", "delivered"]);
  });

  it("refuses a move outside the table with the allowed ones, and a move without its fields, changing nothing", async () => {
    const { prefix, pm } = await makePortal(db);
    const customer = await makeUser(db, "customer");
    const key = makeIdea(db, customer, prefix).key;
    const wrong = refusal(() => moveIdea(db, pm, key, { status: "delivered", note: "x", releaseNoteUrl: "https://x.example.com" }));
    expect(wrong.code).toBe("invalid");
    expect(wrong.message).toContain("may move to Under PM Review, Not Planned, Merged");
    const noReason = refusal(() => moveIdea(db, pm, key, { status: "not_planned" }));
    expect(noReason.fields?.note).toMatch(/reason/);
    expect(refusal(() => moveIdea(db, customer, key, { status: "not_planned", note: "x" })).code).toBe("forbidden");
    expect(getIdea(db, pm, key).statusHistory).toHaveLength(1);
  });

  it("merging moves votes and followers; a voter of both gets one back; the target may reach its threshold", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 2 });
    const a = await makeUser(db, "customer");
    const b = await makeUser(db, "partner");
    const source = makeIdea(db, a, prefix, "Callback in the caller's time zone").key;
    const target = makeIdea(db, a, prefix, "Callback scheduling by time zone").key;
    castVote(db, a, source);
    castVote(db, b, source);
    castVote(db, a, target);
    moveIdea(db, pm, source, { status: "merged", note: "Same need", mergeInto: target });
    expect(getIdea(db, pm, source)).toMatchObject({ status: "merged", mergedInto: target, votes: 0 });
    const merged = getIdea(db, pm, target);
    expect(merged.votes).toBe(2);
    expect(merged.status).toBe("under_pm_review");
    expect(voteBalance(db, a.id)).toEqual({ budget: 10, used: 1, available: 9 });
    expect(ledgerBalance(db, a.id)).toBe(9);
    expect(voteBalance(db, b.id).used).toBe(1);
    expect(refusal(() => moveIdea(db, pm, target, { status: "merged", note: "x", mergeInto: source })).fields?.mergeInto).toMatch(/open idea/);
  });

  it("changes a target date with a public note; an idea past it is late on the PM board", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const customer = await makeUser(db, "customer");
    const key = makeIdea(db, customer, prefix).key;
    moveIdea(db, pm, key, { status: "under_pm_review", note: "Reviewing" });
    moveIdea(db, pm, key, { status: "accepted", note: "Planned", targetDate: inAMonth() });
    changeTargetDate(db, pm, key, { targetDate: appToday(), note: "Pulled in" });
    expect(listComments(db, customer, key).at(-1)?.body).toMatch(/^Target changed to \d{4}-Q\d: Pulled in$/);
    expect(pmBoard(db, pm.id, "mine", "2999-01-01").late.map((i) => i.key)).toEqual([key]);
    expect(pmBoard(db, pm.id, "mine", appToday()).late).toEqual([]);
  });
});

describe("the PM board", () => {
  it("marks In Development ideas stale without an official update in 30 days, and not after one", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const customer = await makeUser(db, "customer");
    const quiet = makeIdea(db, customer, prefix, "Quiet idea in development").key;
    const talked = makeIdea(db, customer, prefix, "Talked-about idea in development").key;
    for (const key of [quiet, talked]) {
      moveIdea(db, pm, key, { status: "under_pm_review", note: "Reviewing" });
      moveIdea(db, pm, key, { status: "accepted", note: "Planned", targetDate: inAMonth() });
      moveIdea(db, pm, key, { status: "in_development", note: "Started" });
    }
    addComment(db, pm, talked, { kind: "official", body: "Halfway there." });
    expect(pmBoard(db, pm.id, "mine").stale.map((i) => i.key)).toEqual([quiet]);
    expect(pmBoard(db, pm.id, "all", "2999-01-01").stale.map((i) => i.key).sort()).toEqual([quiet, talked].sort());
    const other = await makeUser(db, "pm");
    expect(pmBoard(db, other.id, "mine").stale).toEqual([]);
  });

  it("lists the first 50 late ideas of the PM's categories by target date, and counts them all", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const customer = await makeUser(db, "customer");
    const keys = Array.from({ length: 52 }, (_, i) => makeIdea(db, customer, prefix, `Wallboard tile number ${i + 1} for queues`).key);
    for (const key of keys) {
      moveIdea(db, pm, key, { status: "under_pm_review", note: "Reviewing" });
      moveIdea(db, pm, key, { status: "accepted", note: "Planned", targetDate: inAMonth() });
    }
    moveIdea(db, pm, keys[0], { status: "in_development", note: "Started" });
    // Far in the future every target date has passed; today none has.
    const late = pmBoard(db, pm.id, "mine", "2999-01-01");
    expect(late.lateTotal).toBe(52);
    expect(late.late).toHaveLength(50);
    expect(late.late.every((i) => i.targetDate === inAMonth() && (i.status === "accepted" || i.status === "in_development"))).toBe(true);
    expect(pmBoard(db, pm.id, "mine").lateTotal).toBe(0);
    const other = await makeUser(db, "pm");
    expect(pmBoard(db, other.id, "mine", "2999-01-01").lateTotal).toBe(0);
    expect(pmBoard(db, other.id, "all", "2999-01-01").lateTotal).toBeGreaterThanOrEqual(52);
  });
});

describe("editing", () => {
  it("the author edits in Community Review only; PMs any time; every edit is kept", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const author = await makeUser(db, "customer");
    const other = await makeUser(db, "customer");
    const key = makeIdea(db, author, prefix).key;
    editIdea(db, author, key, { title: "Report transfers and consults per segment" });
    expect(refusal(() => editIdea(db, other, key, { title: "Something else entirely" })).code).toBe("forbidden");
    moveIdea(db, pm, key, { status: "under_pm_review", note: "Reviewing" });
    expect(refusal(() => editIdea(db, author, key, { title: "Late change of the title" })).code).toBe("conflict");
    editIdea(db, pm, key, { description: "Per-segment reporting with workgroup and skill for each leg." });
    expect(db.select().from(ideaEdits).all()).toHaveLength(2);
    const edits = getIdea(db, pm, key).edits;
    expect(edits.map((e) => e.lines.map((l) => l.field))).toEqual([["Description"], ["Title"]]);
    expect(edits[1].lines[0]).toMatchObject({ to: "Report transfers and consults per segment" });
    expect(edits[0].lines[0].to).toBe("Per-segment reporting with workgroup and skill for each leg.");
  });

  it("lists a change of the private note only to those who may read it, and names moved categories", async () => {
    const { prefix, pm, slug } = await makePortal(db);
    const second = await makePortal(db);
    const author = await makeUser(db, "customer");
    const other = await makeUser(db, "partner");
    const key = makeIdea(db, author, prefix).key;
    editIdea(db, author, key, { businessImpact: "Renewal of 400 seats depends on it" });
    editIdea(db, pm, key, { category: second.prefix, title: "Report transfers per segment and skill" });
    const forOther = getIdea(db, other, key).edits;
    expect(forOther).toHaveLength(1);
    expect(forOther[0].lines.map((l) => l.field)).toEqual(["Title", "Category"]);
    expect(forOther[0].lines[1].from).toBe(`Analytics & Reporting (Portal ${slug})`);
    expect(forOther[0].lines[1].to).toBe(`Analytics & Reporting (Portal ${second.slug})`);
    const forAuthor = getIdea(db, author, key).edits;
    expect(forAuthor.map((e) => e.lines.map((l) => l.field))).toEqual([["Title", "Category"], ["Business impact (private)"]]);
    expect(forAuthor[1].lines[0]).toEqual({ field: "Business impact (private)", from: null, to: "Renewal of 400 seats depends on it" });
  });

  it("shows the business-impact note to the author and PMs only", async () => {
    const { prefix, pm } = await makePortal(db);
    const author = await makeUser(db, "customer");
    const other = await makeUser(db, "partner");
    const { createIdea } = await import("~/ideas/ideas.server");
    const key = createIdea(db, author, { category: prefix, title: "Redact card numbers in chat", description: "Automatic redaction of card numbers from chat transcripts.", businessImpact: "PCI audit in March, 1,200 seats" }).key;
    expect(getIdea(db, author, key).businessImpact).toMatch(/PCI/);
    expect(getIdea(db, pm, key).businessImpact).toMatch(/PCI/);
    expect(getIdea(db, other, key).businessImpact).toBeNull();
  });
});

describe("comments", () => {
  it("official updates are PM-only and answer the SLA clock; hidden comments vanish for others", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 1 });
    const customer = await makeUser(db, "customer");
    const peer = await makeUser(db, "partner");
    const key = makeIdea(db, customer, prefix).key;
    castVote(db, customer, key);
    expect(getIdea(db, pm, key).sla?.state).toBe("open");
    expect(refusal(() => addComment(db, customer, key, { body: "Official!", kind: "official" })).code).toBe("forbidden");
    addComment(db, pm, key, { body: "We are sizing this for the next release.", kind: "official" });
    expect(getIdea(db, pm, key).sla?.state).toBe("met");

    const bad = refusal(() => addComment(db, peer, key, { body: "This is the worst gap" }));
    expect(bad.fields?.body).toMatch(/worst/);
    const tip = addComment(db, peer, key, { body: "Enable Track Routing Exceptions in the tracker settings.", kind: "workaround" });
    // "Works for me" confirms a work-around of the idea it is clicked on, never one of another idea.
    const elsewhere = makeIdea(db, customer, prefix, "Operation log of supervisor actions").key;
    expect(refusal(() => toggleWorkaroundConfirmation(db, customer, elsewhere, tip.id)).code).toBe("not_found");
    expect(getIdea(db, customer, key).workaroundConfirmed).toBe(false);
    expect(toggleWorkaroundConfirmation(db, customer, key, tip.id)).toBe(true);
    expect(getIdea(db, customer, key).workaroundConfirmed).toBe(true);
    expect(refusal(() => toggleWorkaroundConfirmation(db, peer, key, tip.id)).code).toBe("conflict");

    const noise = addComment(db, peer, key, { body: "Off-topic advert for a product" });
    hideComment(db, pm, noise.id, { reason: "Advertising" });
    expect(listComments(db, customer, key).map((c) => c.id)).not.toContain(noise.id);
    expect(listComments(db, pm, key).find((c) => c.id === noise.id)).toMatchObject({ hidden: true, hiddenReason: "Advertising" });
    expect(getIdea(db, pm, key).commentCount).toBe(2);
    expect(refusal(() => hideComment(db, customer, tip.id, { reason: "nope" })).code).toBe("forbidden");
  });
});

describe("lists", () => {
  it("filters by status, category, search, my votes and company; sorts by top and new; paginates", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const a = await makeUser(db, "customer");
    const keys = ["Callback in the caller's time zone", "Export queue statistics to CSV", "Bulk-edit agent skills"].map((t) => makeIdea(db, a, prefix, t).key);
    castVote(db, a, keys[1]);
    moveIdea(db, pm, keys[2], { status: "not_planned", note: "Out of scope" });
    expect(listIdeas(db, a, { sort: "top" }).items[0].key).toBe(keys[1]);
    expect(listIdeas(db, a, { sort: "new" }).items.map((i) => i.key)).toEqual([keys[2], keys[1], keys[0]]);
    expect(listIdeas(db, a, { status: "not_planned" }).items.map((i) => i.key)).toEqual([keys[2]]);
    expect(listIdeas(db, a, { q: "queue-statistics" }).items.map((i) => i.key)).toEqual([keys[1]]);
    expect(listIdeas(db, a, { mine: "voted" }).items.map((i) => i.votedByMe)).toEqual([true]);
    expect(listIdeas(db, a, { category: prefix, pageSize: 2, page: 2 })).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(listIdeas(db, a, { pageSize: 2, page: 2 }).items).toHaveLength(1);
    expect(refusal(() => listIdeas(db, a, { status: "bogus" })).code).toBe("invalid");
  });
});
