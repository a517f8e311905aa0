import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { decideAtDemo, demoList } from "~/delivery/demo.server";
import { closeSprint, freezeClosedSprintDays, generateSprints, listSprints, projectVelocity, sprintBurndown, startSprint, updateSprint } from "~/delivery/sprints.server";
import { sprintWorkingDays } from "~/delivery/sprints";
import { addHoliday, removeHoliday } from "~/delivery/holidays.server";
import { sprints } from "../../db/schema";
import { createFeature, createStory, getStory, updateStory } from "~/delivery/stories.server";
import { changeCutover, createGoLive, moveFeatureToGoLive, releasePlan, releasePlanJson } from "~/delivery/release.server";
import { portfolio } from "~/delivery/portfolio.server";
import { listCeremonies, moveCeremony } from "~/delivery/ceremonies.server";
import { goLives } from "../../db/schema";
import * as sprintRoute from "~/routes/api+/v1+/sprints.$id";
import { callRoute, freshApiDb, tokenOf } from "../support/api-routes";
import { freshDb } from "../support/db";
import { refusal } from "../support/refusal";
import { fromToday, makeDeliveryTeam, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

/** A project whose sprint 1 runs now, with two more planned, and done stories in sprint 1. */
async function runningSprint() {
  const team = await makeDeliveryTeam(db, { sowSignedOn: fromToday(-31), staffedOn: fromToday(-31) });
  const [s1, s2] = generateSprints(db, team.sm, team.project.id, { count: 3 });
  const story = (title: string, points: number) => {
    const s = createStory(db, team.po, team.project.id, { title, points, acceptanceCriteria: ["Offer plays after 300 s", "Caller keeps the place in the queue"] });
    updateStory(db, team.po, s.id, { sprintId: s1.id });
    return s.id;
  };
  const callback = story("Callback offer in the queue", 5);
  const sms = story("Callback confirmation by SMS", 3);
  startSprint(db, team.sm, s1.id);
  updateStory(db, team.dev, callback, { status: "done" });
  updateStory(db, team.dev, sms, { status: "done" });
  return { ...team, s1, s2, callback, sms };
}

describe("closing a sprint to the top of the backlog (SPEC A3)", () => {
  it("keeps done stories done and lists them in the next sprint's demo, where they can be accepted", async () => {
    const { sm, copo, s1, s2, callback, sms } = await runningSprint();
    decideAtDemo(db, copo, s1.id, { storyId: sms, decision: "accept" });
    closeSprint(db, sm, s1.id, { unfinished: "backlog" });
    expect(getStory(db, copo, callback)).toMatchObject({ status: "done", sprintId: null });

    // The next sprint's demo lists it before that sprint starts and while it runs.
    expect(demoList(db, copo, s2.id).stories.find((s) => s.id === callback)).toMatchObject({ carriedOver: true, allowed: [] });
    startSprint(db, sm, s2.id);
    const listed = demoList(db, copo, s2.id).stories.find((s) => s.id === callback);
    expect(listed).toMatchObject({ carriedOver: true, allowed: ["accept", "accept_with_follow_up", "reject"] });
    expect(demoList(db, copo, s1.id).stories.map((s) => s.id)).toEqual([sms]);

    expect(decideAtDemo(db, copo, s2.id, { storyId: callback, decision: "accept" })).toMatchObject({ status: "accepted", sprintId: s2.id });
    const closed = closeSprint(db, sm, s2.id, { unfinished: "backlog" });
    // Accepted in sprint 2: it counts there, as scope added after the start.
    expect(closed.report).toMatchObject({ committed: 0, added: 5, completed: 5, notCompleted: 0 });
    expect(listSprints(db, s1.projectId)[0].report).toMatchObject({ committed: 8, completed: 3, notCompleted: 5 });
  });
});

describe("demo decisions accept only what is done now (SPEC A4)", () => {
  it("refuses to accept a rejected story until it is done again, and offers only the allowed decisions", async () => {
    const { copo, dev, s1, callback, sms } = await runningSprint();
    decideAtDemo(db, copo, s1.id, { storyId: callback, decision: "reject", unmetCriteria: [0], comment: "Plays after 200 s" });
    expect(getStory(db, copo, callback).status).toBe("in_progress");
    const refused = refusal(() => decideAtDemo(db, copo, s1.id, { storyId: callback, decision: "accept" }));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toMatch(/goes back through the workflow/);
    expect(refusal(() => decideAtDemo(db, copo, s1.id, { storyId: callback, decision: "accept_with_follow_up", followUp: { title: "Spanish prompt" } })).code).toBe("conflict");
    expect(getStory(db, copo, callback).status).toBe("in_progress");

    const offered = () => Object.fromEntries(demoList(db, copo, s1.id).stories.map((s) => [s.id, s.allowed]));
    expect(offered()).toEqual({ [callback]: [], [sms]: ["accept", "accept_with_follow_up", "reject"] });

    updateStory(db, dev, callback, { status: "done" });
    expect(decideAtDemo(db, copo, s1.id, { storyId: callback, decision: "accept" }).status).toBe("accepted");
    expect(offered()[callback]).toEqual(["accept_with_follow_up", "reject"]);
    expect(refusal(() => decideAtDemo(db, copo, s1.id, { storyId: callback, decision: "accept" })).message).toMatch(/already accepted/);
  });
});

describe("a go-live ships a scope, after its sprint starts (SPEC A8)", () => {
  it("needs a feature, refuses a cutover before its sprint, and is never on track or next with nothing in scope", async () => {
    const { sm, po, project } = await makeDeliveryTeam(db);
    const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
    updateSprint(db, sm, s1.id, { capacity: 20 });
    const voice = createFeature(db, po, project.id, { name: "Inbound voice routing" });
    const callback = createFeature(db, po, project.id, { name: "Web callback" });
    createStory(db, po, project.id, { title: "Route by caller language", points: 3, featureId: voice.id });
    createStory(db, po, project.id, { title: "Offer a callback after 300 s", points: 5, featureId: callback.id });

    expect(refusal(() => createGoLive(db, po, project.id, { name: "Go-live 1", sprintId: s1.id, featureIds: [] })).fields).toEqual({ featureIds: "Choose at least one feature for its scope." });
    const early = refusal(() => createGoLive(db, po, project.id, { name: "Go-live 1", sprintId: s2.id, featureIds: [voice.id], cutoverOn: s1.end }));
    expect(early.fields?.cutoverOn).toBe(`Choose ${s2.start} or later: sprint 2 starts then.`);
    expect(releasePlan(db, po, project.id).goLives).toEqual([]);

    const first = createGoLive(db, po, project.id, { name: "Go-live 1: voice", sprintId: s1.id, featureIds: [voice.id] });
    const second = createGoLive(db, po, project.id, { name: "Go-live 2: callback", sprintId: s2.id, featureIds: [callback.id] });
    expect(refusal(() => changeCutover(db, po, second.id, { cutoverOn: s1.start, reason: "Earlier after all" })).fields?.cutoverOn).toMatch(/or later/);
    expect(changeCutover(db, po, second.id, { cutoverOn: s2.start, reason: "Carrier ready on day one" }).cutoverOn).toBe(s2.start);

    // The first go-live's only feature moves to the second: nothing ships with the first now.
    moveFeatureToGoLive(db, po, second.id, { featureId: voice.id, reason: "Voice waits for the carrier" });
    const plan = releasePlan(db, po, project.id);
    expect(plan.goLives.map((g) => [g.name, g.noScope, g.atRisk])).toEqual([
      ["Go-live 1: voice", true, true],
      ["Go-live 2: callback", false, false],
    ]);
    expect(releasePlanJson(plan).goLives[0]).toMatchObject({ noScope: true, atRisk: true });
    expect(portfolio(db, sm).find((p) => p.id === project.id)?.nextGoLive?.name).toBe("Go-live 2: callback");
    expect(first.id).not.toBe(second.id);
  });
});

describe("a planned sprint's later start (SPEC A3), by page and API", () => {
  it("leaves a gap and re-lays later planned sprints, back to end to end but never earlier, and never for a started sprint", async () => {
    const { sm, dev, project } = await makeDeliveryTeam(db);
    const [s1, s2, s3] = generateSprints(db, sm, project.id, { count: 3 });
    const laid = () => listSprints(db, project.id).map((s) => [s.number, s.start, s.end]);
    expect(updateSprint(db, sm, s2.id, { startOn: "2026-03-09" })).toMatchObject({ start: "2026-03-09", end: "2026-03-29" });
    expect(laid()).toEqual([
      [1, "2026-02-02", "2026-02-22"],
      [2, "2026-03-09", "2026-03-29"],
      [3, "2026-03-30", "2026-04-19"],
    ]);
    const overlap = refusal(() => updateSprint(db, sm, s2.id, { startOn: "2026-02-20" }));
    expect(overlap).toMatchObject({ code: "invalid", fields: { startOn: "Choose 2026-02-23 or later: an earlier start would overlap what comes before it." } });
    expect(refusal(() => updateSprint(db, dev, s2.id, { startOn: "2026-03-16" })).code).toBe("forbidden");
    // Back to end to end: the gap closes and sprint 3 follows.
    updateSprint(db, sm, s2.id, { startOn: null });
    expect(laid()).toEqual([
      [1, "2026-02-02", "2026-02-22"],
      [2, "2026-02-23", "2026-03-15"],
      [3, "2026-03-16", "2026-04-05"],
    ]);
    startSprint(db, sm, s1.id);
    expect(refusal(() => updateSprint(db, sm, s1.id, { startOn: "2026-02-09" })).code).toBe("conflict");
    expect(updateSprint(db, sm, s1.id, { goal: "Inbound voice live on the test tenant", capacity: 21 })).toMatchObject({ goal: "Inbound voice live on the test tenant", capacity: 21, start: "2026-02-02" });
    expect(s3.number).toBe(3);
  });

  it("refuses a later start that would leave a go-live's cutover before its sprint, and keeps moved ceremonies inside the sprint", async () => {
    const { sm, po, project } = await makeDeliveryTeam(db);
    const [, s2, s3] = generateSprints(db, sm, project.id, { count: 3 });
    const feature = createFeature(db, po, project.id, { name: "Inbound voice routing" });
    createGoLive(db, po, project.id, { name: "Go-live 1: voice", sprintId: s3.id, featureIds: [feature.id], cutoverOn: s3.start });
    const refused = refusal(() => updateSprint(db, sm, s2.id, { startOn: "2026-03-02" }));
    expect(refused).toMatchObject({ code: "conflict", fields: { startOn: `Go-live 1: voice cuts over on ${s3.start}: move its cutover first.` } });
    expect(listSprints(db, project.id).map((s) => s.start)).toEqual(["2026-02-02", "2026-02-23", "2026-03-16"]);

    const demo = listCeremonies(db, sm, project.id, { sprintId: s2.id, kinds: ["demo"] })[0];
    moveCeremony(db, sm, demo.id, { date: "2026-03-09", time: "15:00", minutes: 60, reason: "Customer travels on Friday" });
    changeCutover(db, po, db.select().from(goLives).get()!.id, { cutoverOn: "2026-04-24", reason: "Carrier port-in later" });
    updateSprint(db, sm, s2.id, { startOn: "2026-03-16" });
    const after = listCeremonies(db, sm, project.id, { sprintId: s2.id, kinds: ["demo"] })[0];
    expect(after.date >= "2026-03-16" && after.date <= "2026-04-05").toBe(true);
  });

  it("PATCH /api/v1/sprints/:id moves a planned sprint and answers 4xx with the envelope for bad input", async () => {
    const apiDb = freshApiDb();
    const team = await makeDeliveryTeam(apiDb);
    const [, s2] = generateSprints(apiDb, team.sm, team.project.id, { count: 2 });
    const token = tokenOf(apiDb, team.sm);
    const patch = (body: unknown) => callRoute(sprintRoute, "PATCH", `/sprints/${s2.id}`, { token, params: { id: String(s2.id) }, body });
    const moved = await patch({ startOn: "2026-03-02", capacity: 18 });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ id: s2.id, start: "2026-03-02", end: "2026-03-22", capacity: 18, state: "planned" });
    const early = await patch({ startOn: "2026-02-01" });
    expect(early.status).toBe(422);
    expect((await early.json()).error).toMatchObject({ code: "invalid", fields: { startOn: expect.stringMatching(/2026-02-23 or later/) } });
    const coerced = await patch({ capacity: "18" });
    expect(coerced.status).toBe(422);
    const other = await callRoute(sprintRoute, "PATCH", `/sprints/${s2.id}`, { token: tokenOf(apiDb, team.dev), params: { id: String(s2.id) }, body: { goal: "Mine" } });
    expect(other.status).toBe(403);
    expect(listSprints(apiDb, team.project.id)[1]).toMatchObject({ start: "2026-03-02", goal: "" });
  });
});

describe("a closed sprint's charts never change afterwards (SPEC A9)", () => {
  it("keeps burndown, report and velocity when stories move or are re-estimated, and when holidays come and go", async () => {
    const { sm, po, dev, copo, project, s1, s2, callback, sms } = await runningSprint();
    const admin = await makeUser(db, "admin");
    updateStory(db, po, sms, { points: 5 });
    decideAtDemo(db, copo, s1.id, { storyId: callback, decision: "accept" });
    const closed = closeSprint(db, sm, s1.id, { unfinished: "next" });
    // 8 committed, 3 → 5 re-estimated: 8 + 0 − 0 + 2 = 5 accepted + 5 not completed.
    expect(closed.report).toEqual({ committed: 8, added: 0, removed: 0, reestimated: 2, completed: 5, notCompleted: 5 });
    const before = { burndown: sprintBurndown(db, sm, s1.id), velocity: projectVelocity(db, project.id), report: listSprints(db, project.id)[0].report };

    updateStory(db, po, sms, { points: 13 });
    updateStory(db, dev, sms, { status: "in_progress" });
    startSprint(db, sm, s2.id);
    updateStory(db, po, sms, { sprintId: null });
    const inside = sprintWorkingDays(s1, new Set())[4];
    addHoliday(db, admin, { date: inside, name: "Company day" });
    const after = { burndown: sprintBurndown(db, sm, s1.id), velocity: projectVelocity(db, project.id), report: listSprints(db, project.id)[0].report };
    expect(after).toEqual(before);
    expect(after.burndown.days.map((d) => d.date)).toContain(inside);
    // The running sprint does follow the calendar.
    const s2Holiday = sprintWorkingDays(s2, new Set())[3];
    addHoliday(db, admin, { date: s2Holiday, name: "Regional holiday" });
    expect(sprintBurndown(db, sm, s2.id).days.map((d) => d.date)).not.toContain(s2Holiday);
    removeHoliday(db, admin, inside);
    expect(sprintBurndown(db, sm, s1.id)).toEqual(before.burndown);
  });

  it("freezes at start-up the working days of sprints closed before they were kept", async () => {
    const { sm, project, s1 } = await runningSprint();
    closeSprint(db, sm, s1.id, { unfinished: "backlog" });
    db.update(sprints).set({ workingDays: null }).run();
    expect(freezeClosedSprintDays(db)).toBe(1);
    expect(listSprints(db, project.id)[0].workingDays).toEqual(sprintWorkingDays(s1, new Set()));
    expect(freezeClosedSprintDays(db)).toBe(0);
  });
});
