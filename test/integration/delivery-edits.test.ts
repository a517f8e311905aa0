import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { auditLog, blockers, daysOff, features, goLiveChanges, goLives, ideaFeatureLinks, projects, retroItems, sprints, stories, storyEvents } from "../../db/schema";
import { listBlockers, raiseBlocker, resolveBlocker } from "~/delivery/blockers.server";
import { addRetroItem, closeAction, openActions } from "~/delivery/retro.server";
import { sprintWorkingDays } from "~/delivery/sprints";
import { deleteGoLive, updateGoLive } from "~/delivery/go-live-edits.server";
import { createGoLive, decideGoLive, goLiveLog, releasePlan } from "~/delivery/release.server";
import { generateSprints } from "~/delivery/sprints.server";
import { createFeature, createStory, updateStory } from "~/delivery/stories.server";
import { updateFeature } from "~/delivery/feature-edits.server";
import { addMember, createProject, listMembers } from "~/delivery/projects.server";
import { changeMember, removeMember } from "~/delivery/members.server";
import { addStoryComment } from "~/delivery/threads.server";
import { addDayOff, capacitySuggestion, removeMemberDayOff } from "~/delivery/days-off.server";
import { deleteFeature } from "~/ideas-delivery/feature-removal.server";
import { linkIdea } from "~/ideas-delivery/links.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { markGoLiveDone } from "~/ideas-delivery/go-live-done.server";
import { freshDb } from "../support/db";
import { fromToday, makeDeliveryTeam, makeIdea, makePortal } from "../support/factories";
import { refusal } from "../support/refusal";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

async function planned() {
  const team = await makeDeliveryTeam(db);
  const { sm, po, project } = team;
  const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
  const voice = createFeature(db, po, project.id, { name: "Inbound voice" });
  const callback = createFeature(db, po, project.id, { name: "Web callback" });
  const chat = createFeature(db, po, project.id, { name: "Web chat" });
  const first = createGoLive(db, po, project.id, { name: "Go-live 1", sprintId: s1.id, featureIds: [voice.id] });
  const second = createGoLive(db, po, project.id, { name: "Go-live 2", sprintId: s2.id, featureIds: [callback.id] });
  return { ...team, s1, s2, voice, callback, chat, first, second };
}

describe("changing a go-live", () => {
  it("renames, re-scopes, sets hypercare and a release note, each in the change log", async () => {
    const { sm, first, voice, callback, chat, second } = await planned();
    const saved = updateGoLive(db, sm, first.id, { name: "Go-live 1: inbound voice", featureIds: [voice.id, chat.id, callback.id], hypercareEndsOn: "2026-03-20", releaseNoteUrl: "https://example.test/notes/voice", reason: "Customer asked for chat with voice" });
    expect(saved).toMatchObject({ name: "Go-live 1: inbound voice", hypercareEnd: "2026-03-20", releaseNoteUrl: "https://example.test/notes/voice", cutoverOn: first.cutoverOn });
    expect(saved.calendarSequence).toBe(1);
    expect(goLiveLog(db, first.id).slice(1).map((l) => [l.kind, l.from, l.to, l.reason])).toEqual([
      ["name", "Go-live 1", "Go-live 1: inbound voice", "Customer asked for chat with voice"],
      ["hypercare", first.hypercareEnd, "2026-03-20", "Customer asked for chat with voice"],
      ["release_note", null, "https://example.test/notes/voice", "Customer asked for chat with voice"],
      ["feature_in", String(second.id), "Web callback", "Customer asked for chat with voice"],
      ["feature_in", null, "Web chat", "Customer asked for chat with voice"],
    ]);
    expect(goLiveLog(db, second.id).at(-1)).toMatchObject({ kind: "feature_out", from: "Web callback", to: String(first.id) });

    // Taking a feature out of scope leaves it unplanned, logged; an empty scope is refused.
    updateGoLive(db, sm, first.id, { featureIds: [voice.id, callback.id] });
    expect(db.select().from(features).where(eq(features.id, chat.id)).get()!.goLiveId).toBeNull();
    expect(goLiveLog(db, first.id).at(-1)).toMatchObject({ kind: "feature_out", from: "Web chat", to: null });
    expect(refusal(() => updateGoLive(db, sm, first.id, { featureIds: [] })).fields).toEqual({ featureIds: "Choose at least one feature for its scope." });
    expect(refusal(() => updateGoLive(db, sm, first.id, { name: " " })).fields).toEqual({ name: "Name the go-live." });
    expect(refusal(() => updateGoLive(db, sm, first.id, { releaseNoteUrl: "javascript:alert(1)" })).fields?.releaseNoteUrl).toMatch(/http/);
    // Clearing the release note before done.
    expect(updateGoLive(db, sm, first.id, { releaseNoteUrl: null }).releaseNoteUrl).toBeNull();
  });

  it("keeps the planning rules: hypercare on or after the cutover, a cutover not before the sprint, a reason for a date move", async () => {
    const { po, first, s1, s2 } = await planned();
    const late = refusal(() => updateGoLive(db, po, first.id, { hypercareEndsOn: "2026-01-01" }));
    expect(late.fields).toEqual({ hypercareEndsOn: `Hypercare ends on the cutover (${first.cutoverOn}) or later.` });
    expect(refusal(() => updateGoLive(db, po, first.id, { cutoverOn: "2026-03-20" })).fields).toEqual({ reason: "Say why the date moves." });
    expect(refusal(() => updateGoLive(db, po, first.id, { cutoverOn: "2026-01-20", reason: "Earlier" })).fields?.cutoverOn).toMatch(/or later/);
    // The cutover moves: hypercare moves with it, keeping its length.
    const moved = updateGoLive(db, po, first.id, { cutoverOn: "2026-02-21", reason: "Weekend-night cutover" });
    expect(moved).toMatchObject({ cutoverOn: "2026-02-21", hypercareEnd: "2026-03-07" });
    // To another sprint: the cutover follows to that sprint's last working day unless given.
    const later = updateGoLive(db, po, first.id, { sprintId: s2.id, reason: "Carrier port-in moved" });
    expect(later.sprintId).toBe(s2.id);
    expect(later.cutoverOn > s2.start && later.cutoverOn <= s2.end).toBe(true);
    expect(goLiveLog(db, first.id).slice(-3).map((l) => l.kind)).toEqual(["sprint", "date", "hypercare"]);
    expect(refusal(() => updateGoLive(db, po, first.id, { sprintId: s1.id, cutoverOn: "2026-01-01", reason: "Back" })).fields?.cutoverOn).toMatch(/or later/);
  });

  it("a done go-live changes only its name and hypercare; team members and viewers change nothing", async () => {
    const { sm, po, dev, viewer, outsider, first, callback } = await planned();
    markGoLiveDone(db, po, first.id, { releaseNoteUrl: "https://example.test/notes/1" });
    expect(updateGoLive(db, sm, first.id, { name: "Go-live 1 (voice)", hypercareEndsOn: "2026-04-30" })).toMatchObject({ name: "Go-live 1 (voice)", hypercareEnd: "2026-04-30" });
    const frozen = refusal(() => updateGoLive(db, sm, first.id, { featureIds: [callback.id], releaseNoteUrl: "https://example.test/other" }));
    expect(frozen.code).toBe("conflict");
    expect(frozen.message).toBe("Go-live 1 (voice) is done: its scope and release note are what shipped and no longer change.");
    expect(refusal(() => updateGoLive(db, dev, first.id, { name: "Mine" })).code).toBe("forbidden");
    expect(refusal(() => updateGoLive(db, viewer, first.id, { name: "Mine" })).code).toBe("forbidden");
    expect(refusal(() => updateGoLive(db, outsider, first.id, { name: "Mine" })).code).toBe("not_found");
  });
});

describe("deleting a go-live", () => {
  it("asks to confirm, then deletes it with its log; its features are unplanned again", async () => {
    const { sm, dev, project, second, callback } = await planned();
    expect(refusal(() => deleteGoLive(db, dev, second.id)).code).toBe("forbidden");
    const asked = refusal(() => deleteGoLive(db, sm, second.id, { confirmation: { given: "" } }));
    expect(asked.consequence).toBe("Go-live 2 is deleted with its change log; its 1 feature goes back to the unplanned features.");
    expect(db.select().from(goLives).where(eq(goLives.id, second.id)).get()).toBeDefined();
    expect(deleteGoLive(db, sm, second.id, { confirmation: { given: asked.consequence } })).toEqual({ name: "Go-live 2", projectId: project.id });
    expect(db.select().from(goLives).where(eq(goLives.id, second.id)).get()).toBeUndefined();
    expect(db.select().from(goLiveChanges).where(eq(goLiveChanges.goLiveId, second.id)).all()).toEqual([]);
    const plan = releasePlan(db, sm, project.id);
    expect(plan.goLives.map((g) => g.name)).toEqual(["Go-live 1"]);
    expect(plan.unscoped.map((f) => f.featureId)).toContain(callback.id);
  });

  it("refuses with a sentence once a go / no-go is recorded or it is done", async () => {
    const { sm, po, copo, first, second } = await planned();
    decideGoLive(db, copo, second.id, { decision: "no_go", comment: "Carrier not ready" });
    const decided = refusal(() => deleteGoLive(db, sm, second.id));
    expect(decided.code).toBe("conflict");
    expect(decided.message).toBe("A no-go was recorded for Go-live 2, and its acceptance record names it, so it cannot be deleted.");
    markGoLiveDone(db, po, first.id, { releaseNoteUrl: "https://example.test/notes/1" });
    expect(refusal(() => deleteGoLive(db, sm, first.id)).message).toBe("Go-live 1 is done, so it stays in the history.");
  });
});

describe("features made by mistake", () => {
  it("renames a feature; team members may not", async () => {
    const { po, dev, voice } = await planned();
    expect(updateFeature(db, po, voice.id, { name: "Inbound voice and IVR", description: "Menus and routing" })).toMatchObject({ name: "Inbound voice and IVR", description: "Menus and routing" });
    expect(refusal(() => updateFeature(db, po, voice.id, { name: "" })).fields).toEqual({ name: "Name the feature." });
    expect(refusal(() => updateFeature(db, dev, voice.id, { name: "Mine" })).code).toBe("forbidden");
  });

  it("refuses to delete a feature with stories, counting them, until they move to another feature", async () => {
    const { sm, project, voice, chat } = await planned();
    const a = createStory(db, sm, project.id, { title: "Caller hears the policy menu", featureId: voice.id });
    createStory(db, sm, project.id, { title: "Unknown callers reach the general queue", featureId: voice.id });
    const refused = refusal(() => deleteFeature(db, sm, voice.id));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toBe("2 stories belong to Inbound voice: move them to another feature (or to none) first.");
    const asked = refusal(() => deleteFeature(db, sm, voice.id, { moveStoriesTo: chat.id, confirmation: { given: "" } }));
    expect(asked.consequence).toBe("Inbound voice is deleted; its 2 stories move to Web chat; it leaves Go-live 1's scope.");
    // Asking changed nothing: the stories are where they were.
    expect(db.select().from(stories).where(eq(stories.id, a.id)).get()!.featureId).toBe(voice.id);
    expect(refusal(() => deleteFeature(db, sm, voice.id, { moveStoriesTo: voice.id })).fields?.moveStoriesTo).toBeDefined();
    deleteFeature(db, sm, voice.id, { moveStoriesTo: chat.id, confirmation: { given: asked.consequence } });
    expect(db.select().from(features).where(eq(features.id, voice.id)).get()).toBeUndefined();
    expect(db.select().from(stories).where(eq(stories.featureId, chat.id)).all()).toHaveLength(2);
    const moved = db.select().from(storyEvents).where(eq(storyEvents.storyId, a.id)).all().filter((e) => e.kind === "feature");
    expect(moved.map((e) => [e.fromValue, e.toValue])).toEqual([[String(voice.id), String(chat.id)]]);
  });

  it("a feature without stories is deleted straight away through the API's call; one that shipped stays", async () => {
    const { sm, po, dev, chat, voice, first } = await planned();
    expect(refusal(() => deleteFeature(db, dev, chat.id)).code).toBe("forbidden");
    expect(deleteFeature(db, sm, chat.id).name).toBe("Web chat");
    markGoLiveDone(db, po, first.id, { releaseNoteUrl: "https://example.test/notes/1" });
    expect(refusal(() => deleteFeature(db, sm, voice.id)).message).toBe("Inbound voice shipped with Go-live 1, so it stays in the history.");
  });

  it("ideas linked to a deleted feature lose the link, named in the confirmation and audited", async () => {
    const { admin, pm, prefix } = await makePortal(db);
    const project = createProject(db, admin, { name: "Genesys 8.6 release", customer: "Internal", kind: "product_release", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12" });
    const routing = createFeature(db, admin, project.id, { name: "Segment reporting" });
    const idea = makeIdea(db, admin, prefix);
    moveIdea(db, pm, idea.key, { status: "under_pm_review", note: "Reviewing" });
    moveIdea(db, pm, idea.key, { status: "accepted", note: "Planned", targetDate: fromToday(30) });
    linkIdea(db, pm, idea.key, { featureId: routing.id });
    const asked = refusal(() => deleteFeature(db, admin, routing.id, { confirmation: { given: "" } }));
    expect(asked.consequence).toBe(`Segment reporting is deleted; ${idea.key} is no longer linked to it.`);
    deleteFeature(db, admin, routing.id, { confirmation: { given: asked.consequence } });
    expect(db.select().from(ideaFeatureLinks).all()).toEqual([]);
    expect(db.select().from(auditLog).all().filter((a) => a.kind === "link.removed").map((a) => a.subject)).toEqual([`idea:${idea.key}`]);
  });
});

describe("members", () => {
  it("the scrum master changes a member's role; a co-product owner stays customer-side; others may not", async () => {
    const { sm, po, dev, project } = await makeDeliveryTeam(db);
    expect(changeMember(db, sm, project.id, dev.id, { role: "product_owner" })).toMatchObject({ userId: dev.id, role: "product_owner", side: "delivery" });
    expect(refusal(() => changeMember(db, sm, project.id, dev.id, { role: "co_product_owner" })).fields).toEqual({ side: "A co-product owner is on the customer side." });
    expect(refusal(() => changeMember(db, sm, project.id, dev.id, { role: "co_product_owner", side: "customer" })).fields).toEqual({ role: "Choose a customer or partner user as co-product owner." });
    expect(refusal(() => changeMember(db, po, project.id, dev.id, { role: "team" })).code).toBe("forbidden");
    expect(refusal(() => changeMember(db, sm, project.id, 99999, { role: "team" })).code).toBe("not_found");
    expect(refusal(() => changeMember(db, sm, project.id, dev.id, { role: "boss" })).fields?.role).toBe("Choose a project role.");
  });

  it("the only scrum master is neither demoted nor removed, by any path; with a second one it may be", async () => {
    const { sm, dev, project } = await makeDeliveryTeam(db);
    const only = `${sm.name} is the project's only scrum master: make another member scrum master first.`;
    const demoted = refusal(() => changeMember(db, sm, project.id, sm.id, { role: "team" }));
    expect([demoted.code, demoted.message, demoted.fields?.role]).toEqual(["conflict", only, only]);
    expect(refusal(() => removeMember(db, sm, project.id, sm.id)).message).toBe(only);
    expect(refusal(() => addMember(db, sm, project.id, { userId: sm.id, role: "viewer" })).message).toBe(only);
    changeMember(db, sm, project.id, dev.id, { role: "scrum_master" });
    removeMember(db, dev, project.id, sm.id);
    expect(listMembers(db, project.id).find((m) => m.userId === sm.id)).toBeUndefined();
  });

  it("a removed member's history stays, and their stories in the project become unassigned (an event each)", async () => {
    const { sm, dev, project } = await makeDeliveryTeam(db);
    const story = createStory(db, sm, project.id, { title: "Caller hears the policy menu" });
    updateStory(db, sm, story.id, { assigneeId: dev.id });
    addStoryComment(db, dev, story.id, { body: "Menu recorded in two languages." });
    expect(removeMember(db, sm, project.id, dev.id)).toEqual({ name: dev.name, unassigned: 1, blockers: 0, retroActions: 0, daysOff: 0 });
    const after = db.select().from(stories).where(eq(stories.id, story.id)).get()!;
    expect(after.assigneeId).toBeNull();
    const events = db.select().from(storyEvents).where(eq(storyEvents.storyId, story.id)).all().filter((e) => e.kind === "assignee");
    expect(events.map((e) => [e.fromValue, e.toValue, e.byId])).toEqual([
      [null, String(dev.id), sm.id],
      [String(dev.id), null, sm.id],
    ]);
    // The comment and the events naming them stay; they no longer work in the project (staff still read it).
    expect(db.$client.prepare("select count(*) as n from story_comments where author_id = ?").get(dev.id)).toEqual({ n: 1 });
    expect(refusal(() => createStory(db, dev, project.id, { title: "Not mine any more" })).code).toBe("forbidden");
  });
});

describe("removing a member hands back what they held", () => {
  /** A member who owns stories, blockers, retro actions and days off in a Tokyo project. */
  async function holding() {
    const team = await planned();
    const { sm, po, dev, project, s1, s2 } = team;
    db.update(projects).set({ timeZone: "Asia/Tokyo" }).where(eq(projects.id, project.id)).run();
    const [s3] = generateSprints(db, sm, project.id, { count: 1 });
    const story = createStory(db, sm, project.id, { title: "Caller hears the policy menu" });
    updateStory(db, sm, story.id, { assigneeId: dev.id });
    const open1 = raiseBlocker(db, sm, project.id, { title: "SIP trunk credentials missing", side: "customer", ownerId: dev.id });
    const open2 = raiseBlocker(db, sm, project.id, { title: "Test numbers not ported", side: "delivery", ownerId: dev.id });
    const resolved = raiseBlocker(db, sm, project.id, { title: "VPN access", side: "delivery", ownerId: dev.id });
    resolveBlocker(db, sm, resolved.id, { resolution: "Granted" });
    const others = raiseBlocker(db, sm, project.id, { title: "Licence order", side: "delivery", ownerId: po.id });
    const action = addRetroItem(db, sm, s1.id, { column: "action", text: "Record the menu prompts earlier", ownerId: dev.id });
    const closed = addRetroItem(db, sm, s1.id, { column: "action", text: "Book the test lab", ownerId: dev.id });
    closeAction(db, sm, closed.id);
    // s2's working days: "now" is the afternoon of w[4] in UTC, already the next day in Tokyo.
    const w = sprintWorkingDays(s2, new Set());
    const past = sprintWorkingDays(s1, new Set())[2];
    const inClosed = sprintWorkingDays(s3, new Set())[2];
    for (const [sprint, date] of [[s1, past], [s2, w[3]], [s2, w[4]], [s2, w[5]], [s2, w[8]], [s3, inClosed]] as const) addDayOff(db, dev, sprint.id, { date });
    // A sprint closed early: its days off are history even when they lie ahead.
    db.update(sprints).set({ state: "closed" }).where(eq(sprints.id, s3.id)).run();
    const now = new Date(`${w[4]}T16:00:00Z`);
    return { ...team, s3, story, open1, open2, resolved, others, action, closed, w, past, inClosed, now };
  }

  it("the page confirms the sentence with the real numbers; the change waits for it", async () => {
    const { sm, dev, project, now } = await holding();
    const asked = refusal(() => removeMember(db, sm, project.id, dev.id, { now, confirmation: { given: "" } }));
    expect(asked.message).toBe(`Removing ${dev.name} from ${project.name} cannot be undone.`);
    expect(asked.consequence).toBe(`${dev.name} leaves ${project.name}: 1 story becomes unassigned, 2 open blockers lose their owner, 1 retrospective action loses its owner, 2 future days off are removed.`);
    expect(asked.fields).toEqual({ confirm: "Tick the box to confirm, then send again." });
    expect(listMembers(db, project.id).some((m) => m.userId === dev.id)).toBe(true);
    // Numbers confirmed for another state ask again.
    const stale = refusal(() => removeMember(db, sm, project.id, dev.id, { now, confirmation: { given: asked.consequence!.replace("2 open", "1 open") } }));
    expect(stale.fields?.confirm).toMatch(/has changed since you confirmed/);
    expect(removeMember(db, sm, project.id, dev.id, { now, confirmation: { given: asked.consequence } })).toEqual({ name: dev.name, unassigned: 1, blockers: 2, retroActions: 1, daysOff: 2 });
    expect(listMembers(db, project.id).some((m) => m.userId === dev.id)).toBe(false);
  });

  it("their open blockers stay open and listed, without an owner; resolved ones and others' keep theirs", async () => {
    const { sm, dev, project, open1, open2, resolved, others, now } = await holding();
    removeMember(db, sm, project.id, dev.id, { now });
    const owners = Object.fromEntries(db.select().from(blockers).all().map((b) => [b.id, [b.ownerId, b.resolvedAt === null]]));
    expect(owners).toEqual({ [open1.id]: [null, true], [open2.id]: [null, true], [resolved.id]: [dev.id, false], [others.id]: [others.ownerId, true] });
    const listed = listBlockers(db, sm, project.id).filter((b) => !b.resolvedAt);
    expect(listed.map((b) => [b.title, b.owner])).toEqual([
      ["SIP trunk credentials missing", null],
      ["Test numbers not ported", null],
      ["Licence order", expect.any(String)],
    ]);
  });

  it("their open retrospective actions lose their owner and still carry over; closed ones keep it", async () => {
    const { sm, dev, project, action, closed, now } = await holding();
    removeMember(db, sm, project.id, dev.id, { now });
    const rows = Object.fromEntries(db.select().from(retroItems).all().map((r) => [r.id, r.ownerId]));
    expect(rows).toEqual({ [action.id]: null, [closed.id]: dev.id });
    expect(openActions(db, sm, project.id).map((a) => [a.text, a.owner])).toEqual([["Record the menu prompts earlier", null]]);
  });

  it("their days off from today on in the project's time zone go; past ones and a closed sprint's stay", async () => {
    const { sm, dev, project, w, past, inClosed, now } = await holding();
    removeMember(db, sm, project.id, dev.id, { now });
    const left = db.select().from(daysOff).where(eq(daysOff.userId, dev.id)).all().map((d) => d.date).sort();
    // w[4] is "today" in UTC but yesterday in Tokyo: it stays.
    expect(left).toEqual([past, w[3], w[4], inClosed].sort());
  });

  it("the removal is in the audit log with what was handed back; the API answers the counts without confirming", async () => {
    const { sm, dev, project, open1, open2, action, w, now } = await holding();
    removeMember(db, sm, project.id, dev.id, { now });
    const audit = db.select().from(auditLog).all().filter((a) => a.kind === "member.removed");
    expect(audit.map((a) => [a.actorId, a.subject, a.detail])).toEqual([
      [sm.id, `project:${project.id}`, { userId: dev.id, name: dev.name, role: "team", stories: 1, blockers: 2, retroActions: 1, daysOff: 2, blockerIds: [open1.id, open2.id], retroActionIds: [action.id], daysOffDates: [w[5], w[8]] }],
    ]);
  });
});

describe("days off", () => {
  it("the scrum master removes a member's day off recorded by mistake; other members may not", async () => {
    const { sm, po, dev, project, s1 } = await planned();
    addDayOff(db, dev, s1.id, { date: "2026-02-04" });
    expect(refusal(() => removeMemberDayOff(db, po, s1.id, { date: "2026-02-04", userId: dev.id })).code).toBe("forbidden");
    expect(refusal(() => removeMemberDayOff(db, sm, s1.id, { date: "2026-02-05", userId: dev.id })).message).toBe("They have no day off on that date.");
    removeMemberDayOff(db, sm, s1.id, { date: "2026-02-04", userId: dev.id });
    expect(capacitySuggestion(db, project.id, s1, new Set(), null).members.find((m) => m.userId === dev.id)?.daysOff).toEqual([]);
  });
});
