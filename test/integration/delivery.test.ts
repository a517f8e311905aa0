import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { sprints, stories, storyEvents } from "../../db/schema";
import { stateAt } from "~/delivery/burndown";
import { addMember, createProject, getProject, listMembers, listProjects } from "~/delivery/projects.server";
import { closeSprint, generateSprints, listSprints, projectVelocity, sprintBurndown, startSprint, toStoryEvent, updateSprint } from "~/delivery/sprints.server";
import { createFeature, createStory, listBacklog, moveStory, updateStory } from "~/delivery/stories.server";
import { closeAsWontDo } from "~/delivery/story-removal.server";
import { freshDb } from "../support/db";
import { refusal } from "../support/refusal";
import { fromToday, makeDeliveryTeam, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});


async function setup(dates?: { sowSignedOn: string; staffedOn: string }) {
  return makeDeliveryTeam(db, dates);
}

describe("projects", () => {
  it("computes the kickoff phase, refuses other lengths, and hides projects from non-members", async () => {
    const { sm, outsider, viewer, project } = await setup();
    expect(getProject(db, viewer, project.id).kickoff).toEqual({ start: "2026-01-12", end: "2026-02-01", weeks: 3 });
    expect(refusal(() => createProject(db, sm, { name: "Bad kickoff", customer: "Xyz", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", kickoffWeeks: 5 })).fields?.kickoffWeeks).toBeDefined();
    expect(refusal(() => createProject(db, outsider, { name: "Mine", customer: "X", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12" })).code).toBe("forbidden");
    expect(refusal(() => getProject(db, outsider, project.id)).code).toBe("not_found");
    expect(listProjects(db, outsider)).toEqual([]);
    expect(listProjects(db, viewer).map((p) => p.id)).toEqual([project.id]);
  });
});

describe("who may accept for the customer", () => {
  it("a co-product owner is customer-side, and in a customer engagement a customer or partner user", async () => {
    const { sm, dev, project } = await setup();
    const partner = await makeUser(db, "partner");
    const staffer = await makeUser(db, "staff");
    expect(refusal(() => addMember(db, sm, project.id, { userId: dev.id, role: "co_product_owner" })).fields).toEqual({ side: "A co-product owner is on the customer side." });
    const forged = refusal(() => addMember(db, sm, project.id, { userId: staffer.id, role: "co_product_owner", side: "customer" }));
    expect(forged.code).toBe("invalid");
    expect(forged.fields?.role).toMatch(/customer or partner/);
    expect(refusal(() => addMember(db, sm, project.id, { userId: partner.id, role: "co_product_owner", side: "delivery" })).fields?.side).toBeDefined();
    // Re-adding an existing team member as co-product owner is the same refusal: nothing changes.
    expect(listMembers(db, project.id).find((m) => m.userId === dev.id)?.role).toBe("team");
    addMember(db, sm, project.id, { userId: partner.id, role: "co_product_owner" });
    expect(listMembers(db, project.id).find((m) => m.userId === partner.id)).toMatchObject({ role: "co_product_owner", side: "customer" });

    // In a product release the customer is internal: a staff member may hold the role, on the customer side.
    const release = createProject(db, sm, { name: "Sprintlab 3.2", customer: "Internal", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", kind: "product_release" });
    addMember(db, sm, release.id, { userId: staffer.id, role: "co_product_owner", side: "customer" });
    expect(refusal(() => addMember(db, sm, release.id, { userId: dev.id, role: "co_product_owner" })).fields?.side).toBeDefined();
  });
});

describe("backlog", () => {
  it("team adds at the bottom and edits content but cannot re-rank; owners rank by keyboard; viewers cannot edit", async () => {
    const { po, dev, viewer, project } = await setup();
    const a = createStory(db, po, project.id, { title: "Offer a callback after 5 minutes", acceptanceCriteria: ["offer plays after 300 s in queue", "callback number confirmed by keypad"], points: 5 });
    const b = createStory(db, dev, project.id, { title: "Post-call survey by SMS" });
    expect(b.rank).toBeGreaterThan(a.rank);
    updateStory(db, dev, b.id, { description: "As a caller…", points: 3, acceptanceCriteria: ["survey sent within 1 minute"] });
    expect(refusal(() => updateStory(db, dev, b.id, { rank: 0 })).code).toBe("forbidden");
    expect(refusal(() => moveStory(db, dev, b.id, "top")).code).toBe("forbidden");
    expect(refusal(() => updateStory(db, viewer, b.id, { title: "Edited by a viewer" })).code).toBe("forbidden");
    expect(refusal(() => createStory(db, viewer, project.id, { title: "Viewer's story" })).code).toBe("forbidden");
    moveStory(db, po, b.id, "top");
    expect(listBacklog(db, viewer, project.id).map((s) => s.title)).toEqual(["Post-call survey by SMS", "Offer a callback after 5 minutes"]);
    moveStory(db, po, b.id, "down");
    expect(listBacklog(db, viewer, project.id).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(listBacklog(db, viewer, project.id, { ready: "yes" })).toHaveLength(2);
    expect(listBacklog(db, viewer, project.id, { feature: "", type: "", ready: "", unestimated: "", sprint: "" })).toHaveLength(2);
    expect(refusal(() => listBacklog(db, viewer, project.id, { type: "epic" })).code).toBe("invalid");
    expect(refusal(() => updateStory(db, po, a.id, { points: 4 })).fields?.points).toMatch(/one of 0, 1, 2, 3, 5, 8, 13, 21/);
    const feature = createFeature(db, po, project.id, { name: "Web callback" });
    expect(refusal(() => createStory(db, dev, project.id, { title: "In a feature", featureId: feature.id })).code).toBe("forbidden");
    expect(updateStory(db, po, b.id, { featureId: feature.id }).featureId).toBe(feature.id);
    expect(refusal(() => updateStory(db, dev, a.id, { featureId: feature.id })).code).toBe("forbidden");
    expect(listBacklog(db, viewer, project.id, { feature: String(feature.id) }).map((s) => s.id)).toEqual([b.id]);
  });
});

describe("sprints and events", () => {
  it("lays sprint 1 on the first working day after kickoff, each 21 days", async () => {
    const { sm, project } = await setup();
    const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
    expect([s1.number, s1.start, s1.end, s2.start]).toEqual([1, "2026-02-02", "2026-02-22", "2026-02-23"]);
  });

  it("one active sprint; close sends unfinished stories back; charts come from events", async () => {
    // Kickoff ended ten days ago, so sprint 1 is running today.
    const { sm, po, dev, copo, project } = await setup({ sowSignedOn: fromToday(-31), staffedOn: fromToday(-31) });
    const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
    const a = createStory(db, po, project.id, { title: "Route VIP callers to the priority queue", points: 5, acceptanceCriteria: ["VIP list lookup"] });
    const b = createStory(db, po, project.id, { title: "Play the expected wait time", points: 3, acceptanceCriteria: ["announce within 10 s"] });
    const c = createStory(db, po, project.id, { title: "Agent greeting per queue", points: 2, acceptanceCriteria: ["greeting per queue"] });
    for (const s of [a, b]) updateStory(db, po, s.id, { sprintId: s1.id });
    startSprint(db, sm, s1.id);
    expect(refusal(() => startSprint(db, sm, s2.id)).message).toMatch(/Sprint 1 is still active/);
    expect(refusal(() => updateStory(db, dev, a.id, { status: "accepted" })).code).toBe("conflict");
    updateStory(db, dev, a.id, { status: "in_progress" });
    updateStory(db, dev, a.id, { status: "done" });
    updateStory(db, po, c.id, { sprintId: s1.id });
    const chart = sprintBurndown(db, copo, s1.id);
    expect(chart.committed).toBe(8);
    expect(chart.scopeChanges.reduce((n, c) => n + c.points, 0)).toBe(2);

    const { decideAtDemo } = await import("~/delivery/demo.server");
    decideAtDemo(db, copo, s1.id, { storyId: a.id, decision: "accept" });
    expect(sprintBurndown(db, copo, s1.id).days.filter((d) => d.notAccepted !== null).at(-1)?.notAccepted).toBe(5);

    const closed = closeSprint(db, sm, s1.id, { unfinished: "backlog" });
    expect(closed.report).toEqual({ committed: 8, completed: 5, notCompleted: 5, added: 2, removed: 0, reestimated: 0 });
    const backlog = listBacklog(db, copo, project.id, { sprint: "none" });
    expect(backlog.slice(0, 2).map((s) => s.id)).toEqual([b.id, c.id]);
    expect(projectVelocity(db, project.id).sprints).toEqual([{ sprint: 1, committed: 8, accepted: 5 }]);

    // Closed sprints are frozen: moving a story afterwards changes neither chart nor report.
    const before = sprintBurndown(db, copo, s1.id);
    updateStory(db, po, b.id, { sprintId: s2.id });
    updateStory(db, po, b.id, { points: 13 });
    expect(sprintBurndown(db, copo, s1.id)).toEqual(before);
    expect(db.select().from(sprints).where(eq(sprints.id, s1.id)).get()!.report).toEqual(closed.report);
    expect(refusal(() => updateStory(db, po, b.id, { sprintId: s1.id })).message).toMatch(/closed/);
  });

  it("replaying every story's events gives exactly the stored state", async () => {
    const { sm, po, dev, project } = await setup();
    const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
    const ids = [1, 2, 3, 4].map((i) => createStory(db, po, project.id, { title: `Queue story ${i}`, points: i === 4 ? null : i }).id);
    updateStory(db, po, ids[0], { sprintId: s1.id });
    updateStory(db, po, ids[1], { sprintId: s1.id, points: 8 });
    startSprint(db, sm, s1.id);
    updateStory(db, dev, ids[0], { status: "done" });
    updateStory(db, dev, ids[1], { status: "in_progress" });
    updateStory(db, po, ids[2], { sprintId: s2.id });
    closeSprint(db, sm, s1.id, { unfinished: "next" });
    updateStory(db, dev, ids[3], { points: 5 });
    closeAsWontDo(db, po, ids[3], { reason: "Covered by the IVR survey." });

    const events = db.select().from(storyEvents).orderBy(asc(storyEvents.id)).all().map((e) => toStoryEvent({ ...e, seq: e.id, to: e.toValue }));
    const replayed = stateAt(events, Number.MAX_SAFE_INTEGER);
    for (const story of db.select().from(stories).all()) {
      expect(replayed.get(story.id), `story ${story.id}`).toEqual({ sprintId: story.sprintId, points: story.points ?? 0, status: story.status, wontDo: story.wontDoAt !== null });
    }
    // "Unfinished" means not accepted: the done story moved on to sprint 2 and stays done.
    expect(db.select().from(stories).where(eq(stories.id, ids[0])).get()).toMatchObject({ sprintId: s2.id, status: "done" });
  });

  it("a later start for a planned sprint re-lays the planned sprints after it", async () => {
    const { sm, project, dev } = await setup();
    const [s1, s2, s3] = generateSprints(db, sm, project.id, { count: 3 });
    startSprint(db, sm, s1.id);
    updateSprint(db, sm, s2.id, { startOn: "2026-03-02" });
    const laid = db.select().from(sprints).where(eq(sprints.projectId, project.id)).orderBy(asc(sprints.number)).all();
    expect(laid.map((s) => [s.number, s.start, s.end])).toEqual([
      [1, "2026-02-02", "2026-02-22"],
      [2, "2026-03-02", "2026-03-22"],
      [3, "2026-03-23", "2026-04-12"],
    ]);
    expect(s3.start).toBe("2026-03-16");
    expect(refusal(() => updateSprint(db, sm, s1.id, { startOn: "2026-02-09" })).code).toBe("conflict");
    expect(refusal(() => generateSprints(db, dev, project.id, { count: 1 })).code).toBe("forbidden");
  });
});

describe("release plan", () => {
  it("forecasts go-lives cumulatively from planned capacity, flags unestimated scope, and logs feature moves", async () => {
    const { sm, po, dev, project } = await setup();
    const [s1, s2] = generateSprints(db, sm, project.id, { count: 3 });
    updateSprint(db, sm, s1.id, { capacity: 10 });
    const { createGoLive, releasePlan } = await import("~/delivery/release.server");
    const { markGoLiveDone } = await import("~/ideas-delivery/go-live-done.server");
    const voice = createFeature(db, po, project.id, { name: "Inbound voice routing" });
    const callback = createFeature(db, po, project.id, { name: "Web callback" });
    for (const [feature, points] of [[voice, 8], [voice, 5], [callback, 5], [callback, null]] as const) {
      createStory(db, po, project.id, { title: `Story of ${feature.name} ${points}`, featureId: feature.id, points });
    }
    const first = createGoLive(db, po, project.id, { name: "Go-live 1: voice", sprintId: s1.id, featureIds: [voice.id] });
    expect(first).toMatchObject({ cutoverOn: "2026-02-20", hypercareEnd: "2026-03-06" });
    createGoLive(db, po, project.id, { name: "Go-live 2: callback", sprintId: s2.id, featureIds: [callback.id], cutoverOn: "2026-03-14" });
    const plan = releasePlan(db, dev, project.id);
    expect(plan.velocity).toEqual({ mean: 10, low: 10, high: 10 });
    expect(plan.goLives.map((g) => [g.name, g.forecastSprint, g.unestimated, g.atRisk])).toEqual([
      ["Go-live 1: voice", 2, 0, true],
      ["Go-live 2: callback", 2, 1, true],
    ]);
    expect(refusal(() => createGoLive(db, dev, project.id, { name: "Team go-live", sprintId: s1.id })).code).toBe("forbidden");
    expect(refusal(() => markGoLiveDone(db, po, first.id, { releaseNoteUrl: "not a url" })).code).toBe("invalid");
    markGoLiveDone(db, po, first.id, { releaseNoteUrl: "https://docs.example.com/acme/go-live-1" });
    expect(refusal(() => markGoLiveDone(db, po, first.id, { releaseNoteUrl: "https://docs.example.com/x" })).code).toBe("conflict");
  });
});

describe("CSV", () => {
  it("previews row errors and writes nothing until every row is valid; export reads back", async () => {
    const { po, dev, project } = await setup();
    const { importStories, exportBacklogCsv } = await import("~/delivery/stories.server");
    createFeature(db, po, project.id, { name: "Web callback" });
    const bad = "title,points,feature,acceptance criteria\nCallback from the web page,5,Web callback,form validates the number\nSurvey by SMS,4,,\nWallboard,3,Dashboards,\n";
    const preview = importStories(db, po, project.id, bad, { write: true });
    expect(preview.created).toBe(0);
    expect(preview.message).toBe("2 of 3 rows need fixing; nothing was imported.");
    expect(preview.rows.map((r) => [r.line, Object.keys(r.errors)])).toEqual([
      [2, []],
      [3, ["points"]],
      [4, ["feature"]],
    ]);
    // The preview shows what the file said, the refused value included.
    expect(preview.rows[1]).toMatchObject({ title: "Survey by SMS", type: "story", points: "4" });
    expect(listBacklog(db, po, project.id)).toHaveLength(0);

    const good = bad.replace("Survey by SMS,4", "Survey by SMS,3").replace("Wallboard,3,Dashboards", "Wallboard,3,Web callback");
    expect(importStories(db, po, project.id, good, { write: false }).created).toBe(0);
    expect(importStories(db, po, project.id, good, { write: true }).created).toBe(3);
    const stories = listBacklog(db, po, project.id);
    expect(stories.map((s) => [s.title, s.points, s.acceptanceCriteria])).toEqual([
      ["Callback from the web page", 5, ["form validates the number"]],
      ["Survey by SMS", 3, []],
      ["Wallboard", 3, []],
    ]);
    expect(() => importStories(db, dev, project.id, good, { write: true })).toThrow(/does not allow/);

    const csv = exportBacklogCsv(db, dev, project.id);
    expect(csv.split("\r\n")[0]).toBe("\uFEFFrank,id,type,title,description,acceptance criteria,points,status,feature,sprint,ready");
    expect(csv).toContain("Callback from the web page");
    const reimport = importStories(db, po, project.id, csv, { write: false });
    expect(reimport.message).toBeNull();
    expect(reimport.ignored).toEqual(["rank", "id", "status", "sprint", "ready"]);
  });
});

describe("kickoff, baseline, burnup and go-live decisions", () => {
  it("a kickoff change re-lays planned sprints; ending kickoff freezes a baseline agreed by a co-product owner", async () => {
    const { sm, po, copo, dev, project } = await setup();
    const { updateProject, endKickoff, getBaseline, projectBurnup } = await import("~/delivery/baseline.server");
    const { createGoLive } = await import("~/delivery/release.server");
    const [s1] = generateSprints(db, sm, project.id, { count: 2 });
    updateProject(db, sm, project.id, { kickoffWeeks: 4 });
    const laid = db.select().from(sprints).where(eq(sprints.projectId, project.id)).orderBy(asc(sprints.number)).all();
    expect(laid.map((s) => s.start)).toEqual(["2026-02-09", "2026-03-02"]);
    expect(refusal(() => updateProject(db, sm, project.id, { kickoffWeeks: 6 })).fields?.kickoffWeeks).toBeDefined();
    expect(refusal(() => updateProject(db, dev, project.id, { name: "Renamed by the team" })).code).toBe("forbidden");

    const feature = createFeature(db, po, project.id, { name: "Inbound voice routing" });
    createStory(db, po, project.id, { title: "Route by language", points: 8, featureId: feature.id });
    createStory(db, po, project.id, { title: "Wallboard", points: 5 });
    createGoLive(db, po, project.id, { name: "Go-live 1", sprintId: s1.id, featureIds: [feature.id] });
    expect(refusal(() => endKickoff(db, sm, project.id, { agreedBy: po.id })).fields?.agreedBy).toBeDefined();
    endKickoff(db, sm, project.id, { agreedBy: copo.id });
    expect(getBaseline(db, project.id)).toMatchObject({ totalPoints: 13, agreedById: copo.id, goLives: [{ name: "Go-live 1", points: 8, cutoverOn: "2026-02-27" }] });
    expect(refusal(() => endKickoff(db, sm, project.id, { agreedBy: copo.id })).code).toBe("conflict");

    // Once a sprint has started the kickoff is history: its dates stay (409), other edits go on.
    startSprint(db, sm, s1.id, new Date("2026-02-09T09:00:00Z"));
    const moved = refusal(() => updateProject(db, sm, project.id, { kickoffWeeks: 3 }));
    expect(moved).toMatchObject({ code: "conflict", message: "Kickoff dates cannot move: sprint 1 has started. Give a planned sprint a later start instead." });
    expect(refusal(() => updateProject(db, sm, project.id, { staffedOn: "2026-01-19" })).code).toBe("conflict");
    expect(updateProject(db, sm, project.id, { name: "Acme Health — contact center migration", kickoffWeeks: 4 }).name).toBe("Acme Health — contact center migration");

    const chart = projectBurnup(db, dev, project.id);
    expect(chart.map((p) => [p.sprint, p.baseline, p.goLives])).toEqual([
      [1, 13, ["Go-live 1"]],
      [2, 13, []],
    ]);
  });

  it("go / no-go by a co-product owner or the scrum master on their behalf; cutover moves and feature moves are logged", async () => {
    const { sm, po, copo, dev, project } = await setup();
    const { createGoLive, decideGoLive, changeCutover, moveFeatureToGoLive, goLiveLog } = await import("~/delivery/release.server");
    const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
    const a = createFeature(db, po, project.id, { name: "Web callback" });
    const b = createFeature(db, po, project.id, { name: "Agent desktop" });
    const g1 = createGoLive(db, po, project.id, { name: "Go-live 1", sprintId: s1.id, featureIds: [a.id] });
    const g2 = createGoLive(db, po, project.id, { name: "Go-live 2", sprintId: s2.id, featureIds: [b.id] });
    expect(decideGoLive(db, copo, g1.id, { decision: "go" })).toMatchObject({ decision: "go", decidedById: copo.id });
    expect(refusal(() => decideGoLive(db, sm, g1.id, { decision: "no_go" })).code).toBe("forbidden");
    expect(refusal(() => decideGoLive(db, sm, g1.id, { decision: "no_go", onBehalfOf: copo.id })).fields?.comment).toBe("Say why it is a no-go.");
    expect(decideGoLive(db, sm, g1.id, { decision: "no_go", onBehalfOf: copo.id, comment: "Carrier port not confirmed" })).toMatchObject({
      decision: "no_go",
      decidedById: copo.id,
      decisionRecordedById: sm.id,
      decisionComment: "Carrier port not confirmed",
    });
    expect(refusal(() => decideGoLive(db, sm, g1.id, { decision: "go", onBehalfOf: po.id })).code).toBe("invalid");
    expect(refusal(() => decideGoLive(db, dev, g1.id, { decision: "go" })).code).toBe("forbidden");

    expect(changeCutover(db, po, g1.id, { cutoverOn: "2026-02-21", reason: "Weekend-night cutover" })).toMatchObject({ cutoverOn: "2026-02-21", hypercareEnd: "2026-03-07" });
    moveFeatureToGoLive(db, po, g2.id, { featureId: a.id, reason: "Callback waits for the SMS gateway" });
    expect(goLiveLog(db, g1.id).map((l) => [l.kind, l.from, l.to])).toEqual([
      ["feature_in", null, "Web callback"],
      ["date", "2026-02-20", "2026-02-21"],
      ["feature_out", "Web callback", String(g2.id)],
    ]);
    expect(goLiveLog(db, g2.id).map((l) => [l.kind, l.reason])).toEqual([
      ["feature_in", "Scoped at creation"],
      ["feature_in", "Callback waits for the SMS gateway"],
    ]);
  });
});

describe("transition to Customer Care", () => {
  it("each project copies the admin template; items are done or not applicable (with a reason) by whom and when", async () => {
    const { sm, dev, project } = await setup();
    const { listTransition, setTransitionItem, addTransitionItem, addTemplateItem } = await import("~/delivery/transition.server");
    const items = listTransition(db, dev, project.id);
    expect(items.map((i) => i.text)).toEqual([
      "Support accounts created and tested",
      "A test support case opened",
      "Outage notifications tested",
      "Escalation procedure reviewed",
      "Education portal access confirmed",
      "Service-request process reviewed",
      "Support handbook handed over",
    ]);
    setTransitionItem(db, sm, items[0].id, { state: "done" });
    expect(refusal(() => setTransitionItem(db, sm, items[1].id, { state: "not_applicable" })).fields?.reason).toBe("Say why it does not apply.");
    setTransitionItem(db, sm, items[1].id, { state: "not_applicable", reason: "Customer Care opens the test case itself" });
    expect(refusal(() => setTransitionItem(db, dev, items[2].id, { state: "done" })).code).toBe("forbidden");
    addTransitionItem(db, sm, project.id, { text: "Recording retention confirmed with Customer Care" });
    const after = listTransition(db, dev, project.id);
    expect(after[0]).toMatchObject({ state: "done", by: sm.name });
    expect(after[1]).toMatchObject({ state: "not_applicable", reason: "Customer Care opens the test case itself" });
    expect(after.at(-1)?.text).toBe("Recording retention confirmed with Customer Care");

    const admin = await makeUser(db, "admin");
    addTemplateItem(db, admin, { text: "Monitoring hand-over call held" });
    expect(refusal(() => addTemplateItem(db, sm, { text: "Not an admin" })).code).toBe("forbidden");
    const next = createProject(db, sm, { name: "Second project", customer: "Fabrikam", sowSignedOn: "2026-03-02", staffedOn: "2026-03-02" });
    expect(listTransition(db, sm, next.id).at(-1)?.text).toBe("Monitoring hand-over call held");
    expect(listTransition(db, dev, project.id)).toHaveLength(8);
  });
});

describe("days off and capacity", () => {
  it("suggests a capacity from the mean velocity and the team's days off inside the sprint", async () => {
    const { sm, dev, outsider, project } = await setup();
    const { addDayOff, capacitySuggestion, removeDayOff } = await import("~/delivery/days-off.server");
    const [s1] = generateSprints(db, sm, project.id, { count: 1 });
    addDayOff(db, dev, s1.id, { date: "2026-02-03" });
    expect(refusal(() => addDayOff(db, dev, s1.id, { date: "2026-02-07" })).fields).toEqual({ date: "Choose a working day of sprint 1: 2026-02-07 is not a working day (a weekend or a holiday)." });
    expect(refusal(() => addDayOff(db, dev, s1.id, { date: "2026-03-30" })).fields?.date).toMatch(/outside sprint 1 \(2026-02-02 → 2026-02-22\)/);
    expect(refusal(() => addDayOff(db, outsider, s1.id, { date: "2026-02-04" })).code).toBe("not_found");
    const suggestion = capacitySuggestion(db, project.id, s1, new Set(), 15);
    expect(suggestion.workingDays).toBe(15);
    expect(suggestion.members.map((m) => m.daysOff)).toEqual([["2026-02-03"]]);
    expect(suggestion.suggested).toBe(14);

    addDayOff(db, dev, s1.id, { date: "2026-02-04" });
    removeDayOff(db, dev, s1.id, { date: "2026-02-03" });
    expect(refusal(() => removeDayOff(db, dev, s1.id, { date: "2026-02-03" })).code).toBe("not_found");
    // Another sprint's day off is not taken back through this one.
    const [s2] = generateSprints(db, sm, project.id, { count: 1 });
    addDayOff(db, dev, s2.id, { date: s2.start });
    expect(refusal(() => removeDayOff(db, dev, s1.id, { date: s2.start })).code).toBe("not_found");
    expect(capacitySuggestion(db, project.id, s1, new Set(), 15).members.map((m) => m.daysOff)).toEqual([["2026-02-04"]]);
  });
});

describe("drag and drop ranking", () => {
  it("places a story after another, or at the top, in the one ranked list", async () => {
    const { po, dev, project } = await setup();
    const { placeStory } = await import("~/delivery/stories.server");
    const [a, b, c] = ["A", "B", "C"].map((t) => createStory(db, po, project.id, { title: `Story ${t}` }));
    placeStory(db, po, a.id, c.id);
    expect(listBacklog(db, po, project.id).map((s) => s.title)).toEqual(["Story B", "Story C", "Story A"]);
    placeStory(db, po, a.id, null);
    expect(listBacklog(db, po, project.id).map((s) => s.title)).toEqual(["Story A", "Story B", "Story C"]);
    placeStory(db, po, c.id, a.id);
    expect(listBacklog(db, po, project.id).map((s) => s.title)).toEqual(["Story A", "Story C", "Story B"]);
    expect(refusal(() => placeStory(db, dev, b.id, null)).code).toBe("forbidden");
    expect(refusal(() => placeStory(db, po, b.id, 999999)).code).toBe("invalid");
  });
});

describe("holiday calendars", () => {
  it("a project on a named calendar counts its holidays, not the default ones", async () => {
    const { sm, project } = await setup();
    const admin = await makeUser(db, "admin");
    const { createCalendar, holidaysFor } = await import("~/calendar/calendars.server");
    const { addCalendarHoliday, addHoliday } = await import("~/delivery/holidays.server");
    const { updateProject } = await import("~/delivery/baseline.server");
    const { projectHolidays } = await import("~/delivery/sprints.server");
    const { sprintWorkingDays } = await import("~/delivery/sprints");
    addHoliday(db, admin, { date: "2026-02-16", name: "Default-calendar holiday" });
    const us = createCalendar(db, admin, { name: "United States" });
    addCalendarHoliday(db, admin, us.id, { date: "2026-02-02", name: "Project kickoff day off" });
    expect(refusal(() => addCalendarHoliday(db, admin, us.id, { date: "2026-02-02", name: "Again" })).code).toBe("conflict");
    expect(refusal(() => updateProject(db, sm, project.id, { calendarId: 99999 })).fields?.calendarId).toBeDefined();
    const [s1] = generateSprints(db, sm, project.id, { count: 1 });
    expect(sprintWorkingDays(s1, projectHolidays(db, getProject(db, sm, project.id).project))).toHaveLength(14);
    updateProject(db, sm, project.id, { calendarId: us.id });
    const moved = db.select().from(sprints).where(eq(sprints.id, s1.id)).get()!;
    // Sprint 1 starts on the first working day after kickoff in the project's calendar: Tue 2026-02-03.
    expect(moved.start).toBe("2026-02-03");
    expect(holidaysFor(db, us.id)).toEqual(new Set(["2026-02-02"]));
    expect(sprintWorkingDays(moved, projectHolidays(db, getProject(db, sm, project.id).project))).toHaveLength(15);
  });
});

describe("demo decisions", () => {
  it("accepts, accepts with a follow-up, rejects with unmet criteria, supersedes, and records on behalf", async () => {
    const { sm, po, dev, copo, viewer, project } = await setup({ sowSignedOn: fromToday(-31), staffedOn: fromToday(-31) });
    const { decideAtDemo, demoList } = await import("~/delivery/demo.server");
    const { notifications, demoDecisions } = await import("../../db/schema");
    const [s1] = generateSprints(db, sm, project.id, { count: 2 });
    const ids = ["Callback offer", "Callback SMS", "Wait-time message", "VIP routing"].map(
      (title, i) => createStory(db, po, project.id, { title, points: [5, 3, 2, 8][i], acceptanceCriteria: ["first criterion", "second criterion"] }).id,
    );
    for (const id of ids) updateStory(db, po, id, { sprintId: s1.id });
    startSprint(db, sm, s1.id);
    for (const id of ids.slice(0, 3)) updateStory(db, dev, id, { status: "done" });

    expect(refusal(() => decideAtDemo(db, dev, s1.id, { storyId: ids[0], decision: "accept" })).code).toBe("forbidden");
    expect(refusal(() => decideAtDemo(db, viewer, s1.id, { storyId: ids[0], decision: "accept" })).code).toBe("forbidden");
    expect(refusal(() => decideAtDemo(db, sm, s1.id, { storyId: ids[0], decision: "accept" })).code).toBe("forbidden");
    expect(refusal(() => decideAtDemo(db, copo, s1.id, { storyId: ids[3], decision: "accept" })).message).toMatch(/Only a done story/);

    expect(decideAtDemo(db, copo, s1.id, { storyId: ids[0], decision: "accept", comment: "Works on the test tenant" }).status).toBe("accepted");
    // What the customer accepted keeps its points and its sprint; its words may still be corrected.
    const [, s2] = listSprints(db, project.id);
    expect(refusal(() => updateStory(db, po, ids[0], { points: 8 }))).toMatchObject({ code: "conflict", fields: { points: "Accepted: the points stay as accepted." } });
    expect(refusal(() => updateStory(db, po, ids[0], { sprintId: s2.id })).code).toBe("conflict");
    expect(refusal(() => updateStory(db, po, ids[0], { sprintId: null })).code).toBe("conflict");
    expect(updateStory(db, po, ids[0], { description: "Offer after 300 s in the queue.", points: 5, sprintId: s1.id })).toMatchObject({ description: "Offer after 300 s in the queue.", points: 5, sprintId: s1.id, status: "accepted" });
    decideAtDemo(db, copo, s1.id, { storyId: ids[1], decision: "accept_with_follow_up", followUp: { title: "Send the SMS in Spanish too" } });
    const followUp = listBacklog(db, po, project.id).at(-1)!;
    expect(followUp).toMatchObject({ title: "Send the SMS in Spanish too", sprintId: null, status: "todo" });

    expect(refusal(() => decideAtDemo(db, copo, s1.id, { storyId: ids[2], decision: "reject" })).fields).toEqual({ unmetCriteria: "Tick the criteria not met." });
    const rejected = decideAtDemo(db, sm, s1.id, { storyId: ids[2], decision: "reject", unmetCriteria: [1], then: "backlog", comment: "Message too long", onBehalfOf: copo.id });
    expect(rejected).toMatchObject({ status: "todo", sprintId: null });
    expect(listBacklog(db, po, project.id, { sprint: "none" })[0].id).toBe(ids[2]);
    expect(db.select().from(notifications).where(eq(notifications.userId, copo.id)).all().map((n) => n.text).join(" ")).toMatch(/recorded your demo decision/);

    // Superseding: the accepted story is rejected after all; both decisions are kept.
    decideAtDemo(db, copo, s1.id, { storyId: ids[0], decision: "reject", unmetCriteria: [0], comment: "Offer plays too early" });
    const rows = db.select().from(demoDecisions).where(eq(demoDecisions.storyId, ids[0])).all();
    expect(rows.map((r) => [r.decision, r.supersededById === null])).toEqual([
      ["accept", false],
      ["reject", true],
    ]);
    expect(getStoryStatus(ids[0])).toBe("in_progress");

    const list = demoList(db, copo, s1.id);
    // Decided stories stay on the demo list, wherever the decision sent them.
    expect(list.stories.map((s) => s.id).sort((a, b) => a - b)).toEqual(ids.slice(0, 3));
    expect(list.stories.find((s) => s.id === ids[2])?.decisions[0]).toMatchObject({ decision: "reject", unmetCriteria: [1], then: "backlog" });

    const { acceptanceRecord, acceptanceCsv } = await import("~/delivery/demo.server");
    const record = acceptanceRecord(db, viewer, s1.id);
    expect(record.final).toBe(false);
    expect(record.rows.map((r) => [r.title, r.decision, r.decidedBy, r.recordedBy])).toEqual([
      ["Callback SMS", "accept_with_follow_up", copo.name, copo.name],
      ["Wait-time message", "reject", copo.name, sm.name],
      ["Callback offer", "reject", copo.name, copo.name],
    ]);
    const csv = acceptanceCsv(record);
    expect(csv.split("\r\n")[0]).toBe("\uFEFFstory,title,feature,sprint,points,acceptance criteria,decision,criteria not met,decided by,recorded by,at,comment");
    expect(csv).toContain("Message too long");
    expect(csv).toContain('"first criterion\nsecond criterion"');
    const stranger = await makeUser(db, "customer");
    expect(() => acceptanceRecord(db, stranger, s1.id)).toThrow(/No such project/);

    // The report counts what was accepted at close: only "Callback SMS" (3 points) still is.
    const closed = closeSprint(db, sm, s1.id, { unfinished: "backlog" });
    expect(closed.report?.completed).toBe(3);
    expect(refusal(() => decideAtDemo(db, copo, s1.id, { storyId: ids[1], decision: "reject", unmetCriteria: [0] })).message).toMatch(/while the sprint is active/);
  });
});

function getStoryStatus(id: number) {
  return db.select().from(stories).where(eq(stories.id, id)).get()!.status;
}

describe("blockers", () => {
  it("are raised by the team, owned by a member, listed customer-side first, and resolved by whom and when", async () => {
    const { sm, dev, copo, viewer, outsider, project } = await setup();
    const { raiseBlocker, resolveBlocker, listBlockers } = await import("~/delivery/blockers.server");
    const { notifications } = await import("../../db/schema");
    const story = createStory(db, dev, project.id, { title: "VIP routing" });
    const ours = raiseBlocker(db, dev, project.id, { title: "Test tenant down", side: "delivery" });
    const theirs = raiseBlocker(db, dev, project.id, { title: "VIP list export from Acme", side: "customer", ownerId: copo.id, storyId: story.id });
    expect(listBlockers(db, viewer, project.id).map((b) => b.id)).toEqual([theirs.id, ours.id]);
    expect(db.select().from(notifications).where(eq(notifications.userId, copo.id)).all()[0].text).toBe("Blocker assigned to you: VIP list export from Acme");
    expect(refusal(() => raiseBlocker(db, viewer, project.id, { title: "Viewer's blocker", side: "delivery" })).code).toBe("forbidden");
    expect(refusal(() => raiseBlocker(db, dev, project.id, { title: "Owner outside", side: "delivery", ownerId: outsider.id })).fields?.ownerId).toBeDefined();
    resolveBlocker(db, sm, theirs.id, { resolution: "Export received" });
    expect(refusal(() => resolveBlocker(db, sm, theirs.id, {})).code).toBe("conflict");
    expect(listBlockers(db, viewer, project.id).map((b) => [b.id, b.resolvedBy])).toEqual([
      [ours.id, null],
      [theirs.id, sm.name],
    ]);
  });
});

describe("retrospectives", () => {
  it("keep three columns; actions need an owner and carry over to later sprints until closed", async () => {
    const { sm, po, dev, viewer, project } = await setup();
    const { addRetroItem, closeAction, openActions, retrospective } = await import("~/delivery/retro.server");
    const [s1, s2, s3] = generateSprints(db, sm, project.id, { count: 3 });
    addRetroItem(db, dev, s1.id, { column: "went_well", text: "Pairing on the IVR flows" });
    expect(refusal(() => addRetroItem(db, dev, s1.id, { column: "action", text: "Split big stories" })).fields?.ownerId).toBe("An action needs an owner.");
    const action = addRetroItem(db, dev, s1.id, { column: "action", text: "Split big stories", ownerId: po.id, dueSprintId: s2.id });
    expect(refusal(() => addRetroItem(db, viewer, s1.id, { column: "to_improve", text: "Viewer's item" })).code).toBe("forbidden");
    expect(retrospective(db, viewer, s1.id).items.map((i) => i.column)).toEqual(["went_well", "action"]);
    expect(retrospective(db, viewer, s2.id).carried.map((a) => a.text)).toEqual(["Split big stories"]);
    expect(retrospective(db, viewer, s1.id).carried).toEqual([]);
    expect(openActions(db, viewer, project.id).map((a) => [a.text, a.owner])).toEqual([["Split big stories", po.name]]);
    closeAction(db, dev, action.id);
    expect(retrospective(db, viewer, s3.id).carried).toEqual([]);
    expect(openActions(db, viewer, project.id)).toEqual([]);
    expect(refusal(() => closeAction(db, dev, action.id)).code).toBe("conflict");
  });
});
