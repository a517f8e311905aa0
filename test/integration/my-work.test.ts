import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { addMember } from "~/delivery/projects.server";
import { raiseBlocker, resolveBlocker } from "~/delivery/blockers.server";
import { decideAtDemo } from "~/delivery/demo.server";
import { myWork } from "~/delivery/my-work.server";
import { createGoLive, decideGoLive } from "~/delivery/release.server";
import { addRetroItem, closeAction } from "~/delivery/retro.server";
import { generateSprints, startSprint } from "~/delivery/sprints.server";
import { createFeature, createStory, updateStory } from "~/delivery/stories.server";
import { freshDb } from "../support/db";
import { makeDeliveryTeam, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

// Kickoff 2026-01-12 → 2026-02-01, so sprint 1 runs 2026-02-02 → 2026-02-22 (15 working days) and
// sprint 2 2026-02-23 → 2026-03-15. "Now" is Tuesday 10 February, 10:00 in London.
const PLANNED = new Date("2026-02-02T08:00:00Z");
const MONDAY = new Date("2026-02-09T15:00:00Z");
const NOW = new Date("2026-02-10T10:00:00Z");

/** The Acme team with two sprints, sprint 1 started with three stories: two of them the developer's, one done. */
async function runningSprint() {
  const team = await makeDeliveryTeam(db);
  const { sm, po, dev, project } = team;
  const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
  const criteria = ["offer plays after 300 s in queue", "callback number confirmed by keypad"];
  const callback = createStory(db, po, project.id, { title: "Offer a callback when the wait exceeds 5 minutes", points: 5, acceptanceCriteria: criteria }, PLANNED);
  const survey = createStory(db, po, project.id, { title: "Post-call survey by SMS", points: 3, acceptanceCriteria: ["survey sent within 1 minute"] }, PLANNED);
  const greeting = createStory(db, po, project.id, { title: "Agent greeting per queue", points: 2, acceptanceCriteria: ["greeting per queue"] }, PLANNED);
  for (const s of [callback, survey, greeting]) updateStory(db, po, s.id, { sprintId: s1.id }, PLANNED);
  for (const s of [callback, survey]) updateStory(db, sm, s.id, { assigneeId: dev.id }, PLANNED);
  startSprint(db, sm, s1.id, PLANNED);
  updateStory(db, dev, callback.id, { status: "in_progress" }, MONDAY);
  updateStory(db, dev, survey.id, { status: "done" }, MONDAY);
  return { ...team, s1, s2, callback, survey, greeting };
}

describe("my work", () => {
  it("lists the developer's stories of the running sprint, in progress first, and drops one once accepted", async () => {
    const { dev, copo, s1, callback, survey } = await runningSprint();
    const mine = myWork(db, dev, NOW);
    expect(mine.projectCount).toBe(1);
    expect(mine.assigned.map((s) => [s.id, s.status])).toEqual([
      [callback.id, "in_progress"],
      [survey.id, "done"],
    ]);
    expect(mine.assigned[0]).toMatchObject({ key: callback.key, projectName: "Acme Health — cloud contact center migration", sprintId: s1.id, sprintNumber: 1 });
    expect(mine.roles).toEqual({ coProductOwner: false, scrumMaster: false });
    // Only co-product owners have decisions, only scrum masters the sprint glance.
    expect(mine.demoDecisions).toEqual([]);
    expect(mine.sprints).toEqual([]);

    decideAtDemo(db, copo, s1.id, { storyId: survey.id, decision: "accept" }, NOW);
    expect(myWork(db, dev, NOW).assigned.map((s) => s.id)).toEqual([callback.id]);
  });

  it("shows the co-product owner the done story awaiting her decision until she decides it", async () => {
    const { copo, s1, survey } = await runningSprint();
    const before = myWork(db, copo, NOW);
    expect(before.roles.coProductOwner).toBe(true);
    expect(before.demoDecisions).toEqual([expect.objectContaining({ id: survey.id, sprintId: s1.id, sprintNumber: 1, carriedOver: false, points: 3 })]);

    decideAtDemo(db, copo, s1.id, { storyId: survey.id, decision: "accept" }, NOW);
    expect(myWork(db, copo, NOW).demoDecisions).toEqual([]);
  });

  it("asks for a go / no-go once the go-live's sprint runs or its cutover is two weeks away, until it is decided", async () => {
    const { po, copo, project, s1, s2 } = await runningSprint();
    const [first, second] = [createFeature(db, po, project.id, { name: "Web callback" }), createFeature(db, po, project.id, { name: "Post-call survey" })];
    const now = createGoLive(db, po, project.id, { name: "Go-live 1: callbacks", sprintId: s1.id, featureIds: [first.id] });
    const later = createGoLive(db, po, project.id, { name: "Go-live 2: surveys", sprintId: s2.id, featureIds: [second.id] });
    expect(myWork(db, copo, NOW).goNoGo.map((g) => g.id)).toEqual([now.id]);
    // Two weeks before the second one's cutover (the last working day of sprint 2, 2026-03-13).
    expect(myWork(db, copo, new Date("2026-02-27T12:00:00Z")).goNoGo.map((g) => g.id)).toEqual([now.id, later.id]);

    decideGoLive(db, copo, now.id, { decision: "go" }, NOW);
    expect(myWork(db, copo, NOW).goNoGo).toEqual([]);
  });

  it("lists the blockers and retrospective actions a member owns until they are resolved and closed", async () => {
    const { sm, dev, copo, project, s1, callback } = await runningSprint();
    const blocker = raiseBlocker(db, dev, project.id, { title: "Callback trunk not provisioned by the carrier", side: "customer", ownerId: copo.id, storyId: callback.id, dueOn: "2026-02-09" });
    raiseBlocker(db, dev, project.id, { title: "Test numbers for the survey", side: "delivery", ownerId: sm.id });
    const action = addRetroItem(db, sm, s1.id, { column: "action", text: "Book the carrier call before planning", ownerId: dev.id });
    addRetroItem(db, sm, s1.id, { column: "went_well", text: "Demo prepared a day early" });

    const copoWork = myWork(db, copo, NOW);
    expect(copoWork.blockers).toEqual([expect.objectContaining({ id: blocker.id, side: "customer", storyId: callback.id, overdue: true })]);
    expect(copoWork.retroActions).toEqual([]);
    expect(myWork(db, dev, NOW).retroActions).toEqual([expect.objectContaining({ id: action.id, sprintId: s1.id, sprintNumber: 1, text: "Book the carrier call before planning" })]);
    expect(myWork(db, dev, NOW).blockers).toEqual([]);

    resolveBlocker(db, copo, blocker.id, { resolution: "Carrier turned it up" });
    closeAction(db, dev, action.id);
    expect(myWork(db, copo, NOW).blockers).toEqual([]);
    expect(myWork(db, dev, NOW).retroActions).toEqual([]);
  });

  it("gives today's ceremonies with where they stand, then the next one, in the project's time", async () => {
    const { dev, viewer } = await runningSprint();
    const { ceremonies } = myWork(db, dev, NOW);
    expect(ceremonies[0]).toMatchObject({ name: "Daily Standup", date: "2026-02-10", time: "09:00", today: true, phase: "over" });
    expect(ceremonies.filter((c) => c.today)).toHaveLength(1);
    expect(ceremonies[1]).toMatchObject({ name: "Daily Standup", date: "2026-02-11", today: false, phase: null });
    expect(ceremonies).toHaveLength(2);
    // Under way a few minutes later; viewers read the project but hold no ceremonies.
    expect(myWork(db, dev, new Date("2026-02-10T09:05:00Z")).ceremonies[0].phase).toBe("now");
    expect(myWork(db, viewer, NOW).ceremonies).toEqual([]);
  });

  it("shows the scrum master the running sprint at a glance: working days left, points and the burndown", async () => {
    const { sm, copo, s1, survey } = await runningSprint();
    const [glance] = myWork(db, sm, NOW).sprints;
    expect(glance.sprint).toMatchObject({ id: s1.id, number: 1, end: "2026-02-22" });
    // 10–13 and 16–20 February.
    expect(glance.workingDaysLeft).toBe(9);
    expect(glance.points).toEqual({ total: 10, done: 3, accepted: 0, doneNotAccepted: 3 });
    expect(glance.burndown.committed).toBe(10);
    expect(glance.burndown.days).toHaveLength(15);
    expect(glance.burndown.remainingToday).toBe(7);
    expect(glance.burndown.days.find((d) => d.date === "2026-02-11")?.remaining).toBeNull();

    decideAtDemo(db, copo, s1.id, { storyId: survey.id, decision: "accept" }, NOW);
    expect(myWork(db, sm, NOW).sprints[0].points).toEqual({ total: 10, done: 3, accepted: 3, doneNotAccepted: 0 });
  });

  it("shows nothing to someone on no project, even staff and admins who may read every project", async () => {
    const { outsider } = await runningSprint();
    const staff = await makeUser(db, "staff");
    const admin = await makeUser(db, "admin");
    for (const who of [outsider, staff, admin]) {
      expect(myWork(db, who, NOW)).toEqual({ projectCount: 0, roles: { coProductOwner: false, scrumMaster: false }, assigned: [], demoDecisions: [], goNoGo: [], blockers: [], retroActions: [], ceremonies: [], sprints: [] });
    }
  });

  it("keeps one project's work out of another's members' page", async () => {
    const acme = await runningSprint();
    const other = await makeDeliveryTeam(db);
    addMember(db, other.sm, other.project.id, { userId: acme.dev.id, role: "viewer" });
    const mine = myWork(db, other.copo, NOW);
    expect(mine.projectCount).toBe(1);
    expect(mine.demoDecisions).toEqual([]);
    expect(myWork(db, acme.dev, NOW).projectCount).toBe(2);
    expect(myWork(db, acme.dev, NOW).assigned).toHaveLength(2);
  });
});
