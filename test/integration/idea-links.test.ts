import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { auditLog, goLives, ideaStatusChanges, ideas, notifications, voteLedger } from "../../db/schema";
import { addMember, createProject } from "~/delivery/projects.server";
import { createGoLive } from "~/delivery/release.server";
import { markGoLiveDone } from "~/ideas-delivery/go-live-done.server";
import { generateSprints, startSprint } from "~/delivery/sprints.server";
import { createFeature, createStory, updateStory } from "~/delivery/stories.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { ideaDelivery, featureIdeas, linkIdea, searchFeatures, unlinkIdea } from "~/ideas-delivery/links.server";
import { castVote, voteBalance } from "~/ideas/votes.server";
import { setFollowing } from "~/notifications/notify.server";
import { freshDb } from "../support/db";
import { makeIdea, makePortal, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

async function world() {
  const { pm, prefix } = await makePortal(db, { threshold: 50 });
  const sm = await makeUser(db, "staff");
  const customer = await makeUser(db, "customer");
  const partner = await makeUser(db, "partner");
  const release = createProject(db, sm, { name: "PureEngage 8.6 release", customer: "Product", kind: "product_release", sowSignedOn: "2026-01-05", staffedOn: "2026-01-05", timeZone: "UTC" });
  const engagement = createProject(db, sm, { name: "Acme Health — migration", customer: "Acme Health", sowSignedOn: "2026-01-05", staffedOn: "2026-01-05", timeZone: "UTC" });
  const [s1, s2] = generateSprints(db, sm, release.id, { count: 2 });
  const routing = createFeature(db, sm, release.id, { name: "Segment-level reporting" });
  const desktop = createFeature(db, sm, release.id, { name: "Agent desktop history" });
  const other = createFeature(db, sm, engagement.id, { name: "Customer-specific IVR" });
  const gl1 = createGoLive(db, sm, release.id, { name: "8.6.0", sprintId: s1.id, featureIds: [routing.id] });
  const gl2 = createGoLive(db, sm, release.id, { name: "8.6.1", sprintId: s2.id, featureIds: [desktop.id] });
  const accept = (title: string) => {
    const idea = makeIdea(db, customer, prefix, title, "Per-segment table with the right workgroup and skill for each leg of a call.");
    castVote(db, customer, idea.key);
    castVote(db, partner, idea.key);
    moveIdea(db, pm, idea.key, { status: "under_pm_review", note: "Reviewing" });
    moveIdea(db, pm, idea.key, { status: "accepted", note: "Planned for 8.6", targetDate: inAMonth() });
    return idea.key;
  };
  return { pm, sm, customer, partner, prefix, release, engagement, s1, s2, routing, desktop, other, gl1, gl2, accept };
}

const statusOf = (key: string) => db.select({ status: ideas.status }).from(ideas).where(eq(ideas.key, key)).get()!.status;

describe("linking ideas to delivery (SPEC B10)", () => {
  it("a PM links an Accepted idea to a product-release feature; other links are refused, and links are audited", async () => {
    const { pm, sm, customer, prefix, routing, other, accept } = await world();
    const key = accept("Report transfers per segment");
    expect(refusal(() => linkIdea(db, sm, key, { featureId: routing.id })).code).toBe("forbidden");
    expect(refusal(() => linkIdea(db, pm, key, { featureId: other.id })).fields?.featureId).toBe("Choose a feature of a product-release project.");
    expect(refusal(() => linkIdea(db, pm, key, { featureId: 99999 })).code).toBe("invalid");
    const fresh = makeIdea(db, customer, prefix, "Still in community review", "Not yet accepted by anyone at all.");
    expect(refusal(() => linkIdea(db, pm, fresh.key, { featureId: routing.id })).message).toMatch(/only Accepted or In Development/);

    expect(linkIdea(db, pm, key, { featureId: routing.id })).toMatchObject({ ideaKey: key, featureId: routing.id, feature: "Segment-level reporting" });
    expect(refusal(() => linkIdea(db, pm, key, { featureId: routing.id })).code).toBe("conflict");
    expect(featureIdeas(db, routing.id).map((i) => [i.key, i.votes])).toEqual([[key, 2]]);
    expect(searchFeatures(db, pm, "segment").map((f) => f.name)).toEqual(["Segment-level reporting"]);
    expect(searchFeatures(db, pm, "Customer-specific")).toEqual([]);
    unlinkIdea(db, pm, key, routing.id);
    expect(featureIdeas(db, routing.id)).toEqual([]);
    const kinds = db.select({ kind: auditLog.kind }).from(auditLog).where(eq(auditLog.subject, `idea:${key}`)).all().map((r) => r.kind);
    expect(kinds.filter((k) => k.startsWith("link."))).toEqual(["link.created", "link.removed"]);
  });

  it("shows delivery progress only to users who may see the project, and offers In Development once a linked story is in an active sprint", async () => {
    const { pm, sm, customer, release, routing, s1, accept } = await world();
    const key = accept("Report transfers per segment");
    linkIdea(db, pm, key, { featureId: routing.id });
    const story = createStory(db, sm, release.id, { title: "Segment table in the interaction report", points: 5, featureId: routing.id });
    const ideaId = db.select({ id: ideas.id }).from(ideas).where(eq(ideas.key, key)).get()!.id;
    expect(ideaDelivery(db, customer, ideaId)).toMatchObject({ features: [], hidden: 1 });
    expect(ideaDelivery(db, pm, ideaId).offerInDevelopment).toBe(false);
    // PMs are not project members, but a product release is their product: they see its progress.
    expect(ideaDelivery(db, pm, ideaId)).toMatchObject({ hidden: 0, features: [{ feature: "Segment-level reporting" }] });
    updateStory(db, sm, story.id, { sprintId: s1.id });
    startSprint(db, sm, s1.id);
    const seen = ideaDelivery(db, sm, ideaId);
    expect(seen.hidden).toBe(0);
    expect(seen.features[0]).toMatchObject({ feature: "Segment-level reporting", stories: { accepted: 0, total: 1 }, sprint: { number: 1, state: "active" }, goLive: { name: "8.6.0" } });
    expect(seen.offerInDevelopment).toBe(true);
  });
});

describe("a go-live marked done delivers its linked ideas (SPEC B10)", () => {
  it("delivers exactly the ideas whose every linked feature has now shipped, returns each vote once, and notifies followers", async () => {
    const { pm, sm, customer, partner, routing, desktop, gl1, gl2, accept } = await world();
    const onlyFirst = accept("Report transfers per segment");
    const both = accept("Show the caller's history while it rings");
    const untouched = accept("Forecast accuracy per activity");
    linkIdea(db, pm, onlyFirst, { featureId: routing.id });
    linkIdea(db, pm, both, { featureId: routing.id });
    linkIdea(db, pm, both, { featureId: desktop.id });
    moveIdea(db, pm, both, { status: "in_development", note: "Engineering started" });
    const follower = await makeUser(db, "customer");
    setFollowing(db, follower.id, db.select({ id: ideas.id }).from(ideas).where(eq(ideas.key, onlyFirst)).get()!.id, true);
    const before = voteBalance(db, customer.id).available;

    markGoLiveDone(db, sm, gl1.id, { releaseNoteUrl: "https://docs.example.com/rn/8.6.0" });
    expect([statusOf(onlyFirst), statusOf(both), statusOf(untouched)]).toEqual(["delivered", "in_development", "accepted"]);
    const row = db.select().from(ideas).where(eq(ideas.key, onlyFirst)).get()!;
    expect(row.releaseNoteUrl).toBe("https://docs.example.com/rn/8.6.0");
    // A go-live's delivery keeps the votes the idea closed with, like a PM's move.
    expect(row).toMatchObject({ votes: 0, votesAtClose: 2 });
    const change = db.select().from(ideaStatusChanges).where(and(eq(ideaStatusChanges.ideaId, row.id), eq(ideaStatusChanges.toStatus, "delivered"))).get()!;
    expect(change).toMatchObject({ system: true, byId: sm.id, goLiveId: gl1.id, fromStatus: "accepted" });
    expect(change.note).toBe(`Delivered by go-live “8.6.0”, marked done by ${sm.name}. Release note: https://docs.example.com/rn/8.6.0`);
    expect(voteBalance(db, customer.id).available).toBe(before + 1);
    expect(db.select().from(notifications).where(eq(notifications.userId, follower.id)).all().map((n) => n.text)).toContainEqual(expect.stringContaining("moved to Delivered"));

    markGoLiveDone(db, sm, gl2.id, { releaseNoteUrl: "https://docs.example.com/rn/8.6.1" });
    expect(statusOf(both)).toBe("delivered");
    expect(statusOf(untouched)).toBe("accepted");
    expect(voteBalance(db, customer.id).available).toBe(before + 2);
    // Each voter got each vote back exactly once.
    for (const voter of [customer, partner]) {
      const returns = db.select({ n: sql<number>`count(*)` }).from(voteLedger).where(and(eq(voteLedger.userId, voter.id), eq(voteLedger.kind, "return"))).get()!.n;
      expect(returns).toBe(2);
    }
    expect(db.select({ kind: auditLog.kind }).from(auditLog).where(eq(auditLog.kind, "goLive.done")).all()).toHaveLength(2);
  });

  it("is all-or-nothing: when a step fails, the go-live stays open and no idea, vote or notification changes", async () => {
    const { pm, sm, customer, routing, gl1, accept } = await world();
    const key = accept("Report transfers per segment");
    linkIdea(db, pm, key, { featureId: routing.id });
    const balance = voteBalance(db, customer.id).available;
    const notes = db.select({ n: sql<number>`count(*)` }).from(notifications).get()!.n;
    // The vote return fails (as a full disk or a constraint would), after the go-live row and the idea's status were written.
    db.run(sql`CREATE TRIGGER fail_returns BEFORE INSERT ON vote_ledger WHEN NEW.kind = 'return' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    expect(() => markGoLiveDone(db, sm, gl1.id, { releaseNoteUrl: "https://docs.example.com/rn/8.6.0" })).toThrow(/disk I\/O error/);
    db.run(sql`DROP TRIGGER fail_returns`);
    expect(db.select().from(goLives).where(eq(goLives.id, gl1.id)).get()!.doneAt).toBeNull();
    expect(statusOf(key)).toBe("accepted");
    expect(voteBalance(db, customer.id).available).toBe(balance);
    expect(db.select({ n: sql<number>`count(*)` }).from(notifications).get()!.n).toBe(notes);
    expect(db.select().from(auditLog).where(eq(auditLog.kind, "goLive.done")).all()).toHaveLength(0);
    // And once the failure is gone, the same call does it all.
    markGoLiveDone(db, sm, gl1.id, { releaseNoteUrl: "https://docs.example.com/rn/8.6.0" });
    expect(statusOf(key)).toBe("delivered");
  });

  it("whoever marks the go-live may deliver ideas: not limited to PMs, but the project's role still applies", async () => {
    const { pm, sm, release, routing, gl1, accept } = await world();
    const key = accept("Report transfers per segment");
    linkIdea(db, pm, key, { featureId: routing.id });
    const po = await makeUser(db, "staff");
    const dev = await makeUser(db, "staff");
    addMember(db, sm, release.id, { userId: po.id, role: "product_owner" });
    addMember(db, sm, release.id, { userId: dev.id, role: "team" });
    expect(refusal(() => markGoLiveDone(db, dev, gl1.id, { releaseNoteUrl: "https://docs.example.com/rn" })).code).toBe("forbidden");
    markGoLiveDone(db, po, gl1.id, { releaseNoteUrl: "https://docs.example.com/rn" });
    expect(statusOf(key)).toBe("delivered");
  });
});

describe("roadmap, changelog, CSV export and the audit log", () => {
  it("groups Accepted and In Development ideas by target quarter; the changelog lists Delivered ones newest first with release notes", async () => {
    const { pm, customer, prefix, slug } = await (async () => {
      const w = await world();
      const portal = await makePortal(db, { slug: "roadmap-portal" });
      return { ...w, pm: portal.pm, prefix: portal.prefix, slug: portal.slug };
    })();
    const make = (title: string, status: "accepted" | "in_development" | "delivered", targetDate: string, releaseNoteUrl?: string) => {
      const idea = makeIdea(db, customer, prefix, title, "A description that is long enough to pass the intake rules.");
      moveIdea(db, pm, idea.key, { status: "under_pm_review", note: "Reviewing" });
      moveIdea(db, pm, idea.key, { status: "accepted", note: "Planned", targetDate });
      if (status !== "accepted") moveIdea(db, pm, idea.key, { status: "in_development", note: "Started" });
      if (status === "delivered") moveIdea(db, pm, idea.key, { status: "delivered", note: "Shipped", releaseNoteUrl });
      return idea.key;
    };
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    const a = make("Queue report by 15-minute interval", "accepted", later);
    const b = make("Show caller history while ringing", "in_development", soon);
    const c = make("Wrap-up codes on number keys", "delivered", soon, "https://docs.example.com/rn/1");
    const d = make("Shift swaps without a supervisor", "delivered", soon, "https://docs.example.com/rn/2");
    const { portalRoadmap, portalChangelog } = await import("~/ideas/idea-lists.server");
    const roadmap = portalRoadmap(db, slug);
    const quarter = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    expect(roadmap.quarters.flatMap((q) => q.ideas.map((i) => [q.quarter, i.key]))).toEqual([
      [quarter(soon), b],
      [quarter(later), a],
    ]);
    expect(portalChangelog(db, slug).entries.map((e) => [e.key, e.releaseNoteUrl])).toEqual([
      [d, "https://docs.example.com/rn/2"],
      [c, "https://docs.example.com/rn/1"],
    ]);
    expect(refusal(() => portalRoadmap(db, "no-such-portal")).code).toBe("not_found");
  });

  it("exports a portal's ideas with the list's filters; customers get the quarter, PMs the date", async () => {
    const { pm, customer, prefix, accept } = await world();
    const Papa = (await import("papaparse")).default;
    const { exportIdeasCsv } = await import("~/ideas/idea-lists.server");
    const accepted = accept("Report transfers per segment");
    makeIdea(db, customer, prefix, "Callback in the caller's time zone", "Callers in other time zones get callbacks at the wrong hour of the day.");
    const portal = db.select({ slug: sql<string>`p.slug` }).from(sql`portals p`).get()!.slug;
    const all = Papa.parse<string[]>(exportIdeasCsv(db, customer, { portal }).trim()).data;
    expect(all[0]).toEqual(["key", "title", "status", "votes", "category", "created", "target quarter", "release note"]);
    expect(all).toHaveLength(3);
    const onlyAccepted = Papa.parse<string[]>(exportIdeasCsv(db, customer, { portal, status: "accepted" }).trim()).data;
    expect(onlyAccepted.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([[accepted, "Accepted", "2"]]);
    expect(onlyAccepted[1][6]).toMatch(/^\d{4}-Q[1-4]$/);
    const forPm = Papa.parse<string[]>(exportIdeasCsv(db, pm, { portal, status: "accepted" }).trim()).data;
    expect(forPm[0][6]).toBe("target date");
    expect(forPm[1][6]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const searched = Papa.parse<string[]>(exportIdeasCsv(db, customer, { portal, q: "callback" }).trim()).data;
    expect(searched.slice(1).map((r) => r[1])).toEqual(["Callback in the caller's time zone"]);
  });

  it("the audit log filters by actor, kind and date, newest first, 50 a page", async () => {
    const { pm, sm, routing, gl1, accept } = await world();
    const key = accept("Report transfers per segment");
    linkIdea(db, pm, key, { featureId: routing.id });
    markGoLiveDone(db, sm, gl1.id, { releaseNoteUrl: "https://docs.example.com/rn/8.6.0" });
    const { listAudit } = await import("~/auth/audit.server");
    const all = listAudit(db, {});
    expect(all.rows[0].kind).toBe("goLive.done");
    expect(all.rows.map((r) => r.kind)).toEqual(expect.arrayContaining(["link.created", "idea.status_changed", "goLive.done"]));
    const bySm = listAudit(db, { actor: String(sm.id) });
    expect(new Set(bySm.rows.map((r) => r.kind))).toEqual(new Set(["goLive.done", "idea.status_changed"]));
    expect(listAudit(db, { kind: "link.created" }).rows.map((r) => r.subject)).toEqual([`idea:${key}`]);
    const today = new Date().toISOString().slice(0, 10);
    expect(listAudit(db, { from: today, to: today }).total).toBe(all.total);
    expect(listAudit(db, { to: "2000-01-01" }).total).toBe(0);
    expect(refusal(() => listAudit(db, { kind: "nonsense" })).fields?.kind).toBeDefined();
    for (let i = 0; i < 60; i++) db.insert(auditLog).values({ actorId: pm.id, kind: "portal.updated", subject: `portal:${i}`, detail: {} }).run();
    const second = listAudit(db, { actor: String(pm.id), page: "2" });
    expect(second.rows.length).toBe(second.total - 50);
  });
});
