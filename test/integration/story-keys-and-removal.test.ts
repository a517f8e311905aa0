import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { projects, sprints, stories, storyEvents } from "../../db/schema";
import { updateProject, projectBurnup } from "~/delivery/baseline.server";
import { createProject } from "~/delivery/projects.server";
import { closeSprint, generateSprints, sprintBoard, sprintBurndown, startSprint } from "~/delivery/sprints.server";
import { createStory, getStory, listBacklog, storyJson, updateStory } from "~/delivery/stories.server";
import { backfillKeys, storyIdByKey } from "~/delivery/story-keys.server";
import { closeAsWontDo, deleteStory, restoreStory } from "~/delivery/story-removal.server";
import { initials } from "~/delivery/assignees";
import { raiseBlocker, resolveBlocker } from "~/delivery/blockers.server";
import { storyPage } from "~/delivery/story-page.server";
import { addStoryComment, setStoryDocKinds } from "~/delivery/threads.server";
import { freshDb } from "../support/db";
import { refusal } from "../support/refusal";
import { makeDeliveryTeam } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

const story = (team: Awaited<ReturnType<typeof makeDeliveryTeam>>, title: string, points = 3) =>
  createStory(db, team.po, team.project.id, { title, points, acceptanceCriteria: ["It works"] });

describe("story keys", () => {
  it("count per project from 1 and are never given out again, a deleted story's number included", async () => {
    const team = await makeDeliveryTeam(db);
    expect(team.project.key).toMatch(/^[A-Z]{2,10}$/);
    const a = story(team, "Offer a callback after four minutes");
    const b = story(team, "Play the expected wait time");
    expect([a.key, b.key]).toEqual([`${team.project.key}-1`, `${team.project.key}-2`]);
    deleteStory(db, team.po, b.id);
    expect(story(team, "Greet callers per queue").key).toBe(`${team.project.key}-3`);
    expect(storyIdByKey(db, `${team.project.key!.toLowerCase()}-1`)).toBe(a.id);
    expect(storyIdByKey(db, `${team.project.key}-2`)).toBeNull();
  });

  it("takes the key asked for at creation, refuses one another project has, and keeps it once a story exists", async () => {
    const team = await makeDeliveryTeam(db);
    const fields = { customer: "Contoso", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12" };
    const northwind = createProject(db, team.sm, { ...fields, name: "Northwind callbacks", key: "nwcb" });
    expect(northwind.key).toBe("NWCB");
    const taken = refusal(() => createProject(db, team.sm, { ...fields, name: "Another", key: "NWCB" }));
    expect(taken.fields?.key).toBe("Another project uses NWCB; choose another key.");
    expect(refusal(() => createProject(db, team.sm, { ...fields, name: "Bad key", key: "N1" })).fields?.key).toBe("A project key is 2 to 10 capital letters, like ACME.");
    expect(updateProject(db, team.sm, team.project.id, { key: "ACMEHC" }).key).toBe("ACMEHC");
    story(team, "Offer a callback after four minutes");
    expect(refusal(() => updateProject(db, team.sm, team.project.id, { key: "ACMEX" })).code).toBe("conflict");
  });

  it("are given at start-up to projects and stories made before keys existed, in the order they were made", async () => {
    const team = await makeDeliveryTeam(db);
    const [a, b] = [story(team, "First story"), story(team, "Second story")];
    db.update(stories).set({ key: null }).run();
    db.update(projects).set({ key: null, lastStoryNumber: 0 }).run();
    expect(backfillKeys(db)).toBe(2);
    const key = db.select({ key: projects.key }).from(projects).where(eq(projects.id, team.project.id)).get()!.key;
    expect(key).toBe("ACME");
    expect([getStory(db, team.po, a.id).key, getStory(db, team.po, b.id).key]).toEqual(["ACME-1", "ACME-2"]);
    expect(backfillKeys(db)).toBe(0);
    expect(story(team, "Third story").key).toBe("ACME-3");
  });
});

describe("assignees", () => {
  it("are one member of the project, and each change is an event of the story", async () => {
    const team = await makeDeliveryTeam(db);
    const s = story(team, "Offer a callback after four minutes");
    const assigned = updateStory(db, team.dev, s.id, { assigneeId: team.dev.id });
    expect(storyJson(db, assigned).assignee).toEqual({ id: team.dev.id, name: team.dev.name });
    expect(refusal(() => updateStory(db, team.dev, s.id, { assigneeId: team.outsider.id })).fields?.assigneeId).toBe("Choose a member of this project.");
    updateStory(db, team.dev, s.id, { assigneeId: null });
    const kinds = db.select({ kind: storyEvents.kind, to: storyEvents.toValue }).from(storyEvents).where(eq(storyEvents.storyId, s.id)).all();
    expect(kinds.filter((e) => e.kind === "assignee").map((e) => e.to)).toEqual([String(team.dev.id), null]);
    expect(refusal(() => updateStory(db, team.viewer, s.id, { assigneeId: team.dev.id })).code).toBe("forbidden");
  });
});

describe("removing what was made by mistake", () => {
  it("deletes a story never in a started sprint, and refuses one that was, whose closed sprint's report stays", async () => {
    const team = await makeDeliveryTeam(db);
    const [first, second] = generateSprints(db, team.sm, team.project.id, { count: 2 });
    const inSprint = story(team, "Offer a callback after four minutes", 5);
    const movedOut = story(team, "Play the expected wait time", 3);
    updateStory(db, team.po, inSprint.id, { sprintId: first.id });
    updateStory(db, team.po, movedOut.id, { sprintId: first.id });
    updateStory(db, team.po, movedOut.id, { sprintId: null });
    startSprint(db, team.sm, first.id, new Date(`${first.start}T09:00:00Z`));
    closeSprint(db, team.sm, first.id, { unfinished: "backlog" }, new Date(`${first.end}T17:00:00Z`));
    const report = db.select({ report: sprints.report }).from(sprints).where(eq(sprints.id, first.id)).get()!.report;

    expect(refusal(() => deleteStory(db, team.po, inSprint.id)).message).toMatch(/was in a started sprint/);
    expect(refusal(() => deleteStory(db, team.dev, movedOut.id)).code).toBe("forbidden");
    updateStory(db, team.po, movedOut.id, { sprintId: second.id });
    deleteStory(db, team.po, movedOut.id);
    expect(db.select().from(stories).where(eq(stories.id, movedOut.id)).get()).toBeUndefined();
    expect(db.select().from(storyEvents).where(eq(storyEvents.storyId, movedOut.id)).all()).toEqual([]);

    closeAsWontDo(db, team.po, inSprint.id, { reason: "The customer dropped callbacks." });
    expect(db.select({ report: sprints.report }).from(sprints).where(eq(sprints.id, first.id)).get()!.report).toEqual(report);
    expect(sprintBurndown(db, team.po, first.id).committed).toBe(5);
  });

  it("closes a story as won't do with a reason: out of the backlog and the burnup's scope, restorable", async () => {
    const team = await makeDeliveryTeam(db);
    const [first] = generateSprints(db, team.sm, team.project.id, { count: 2 });
    const running = story(team, "Offer a callback after four minutes", 5);
    const spare = story(team, "Fax the daily report", 8);
    updateStory(db, team.po, running.id, { sprintId: first.id });
    startSprint(db, team.sm, first.id, new Date(`${first.start}T09:00:00Z`));
    const scope = () => projectBurnup(db, team.po, team.project.id).find((p) => p.sprint === 1)!.scope;
    expect(scope()).toBe(13);

    expect(refusal(() => closeAsWontDo(db, team.po, running.id, { reason: "Not needed" })).message).toMatch(/running sprint/);
    expect(refusal(() => closeAsWontDo(db, team.po, spare.id, { reason: "" })).fields?.reason).toBe("Say why the story will not be done.");
    const closed = closeAsWontDo(db, team.po, spare.id, { reason: "Nobody reads faxes any more." });
    expect(storyJson(db, closed).wontDo).toMatchObject({ reason: "Nobody reads faxes any more.", by: team.po.name });
    expect(listBacklog(db, team.po, team.project.id).map((s) => s.id)).not.toContain(spare.id);
    expect(listBacklog(db, team.po, team.project.id, { wontDo: "yes" }).map((s) => s.id)).toEqual([spare.id]);
    expect(scope()).toBe(5);
    expect(refusal(() => closeAsWontDo(db, team.po, spare.id, { reason: "Again" })).code).toBe("conflict");

    restoreStory(db, team.po, spare.id);
    expect(listBacklog(db, team.po, team.project.id).map((s) => s.id)).toContain(spare.id);
    expect(scope()).toBe(13);
    expect(refusal(() => restoreStory(db, team.po, spare.id)).code).toBe("conflict");
  });
});

describe("the story page", () => {
  it("a page delete asks first with the story's own numbers; the API's delete does not", async () => {
    const team = await makeDeliveryTeam(db);
    const a = story(team, "Offer a callback after four minutes");
    addStoryComment(db, team.po, a.id, { body: "Is four minutes the right wait?" });
    const asked = refusal(() => deleteStory(db, team.po, a.id, { confirmation: { given: null } }));
    expect(asked.consequence).toBe(`${a.key} is deleted with its 1 comment and 0 attachments; its number is not given out again.`);
    expect(getStory(db, team.po, a.id).id).toBe(a.id);
    deleteStory(db, team.po, a.id, { confirmation: { given: asked.consequence } });
    expect(storyIdByKey(db, a.key!)).toBeNull();
  });

  it("shows the story's place, people and open blockers, and a history of who changed what from what to what", async () => {
    const team = await makeDeliveryTeam(db);
    const [first] = generateSprints(db, team.sm, team.project.id, { count: 1 });
    const a = story(team, "Offer a callback after four minutes");
    updateStory(db, team.po, a.id, { title: "Offer a callback after five minutes", assigneeId: team.dev.id, sprintId: first.id });
    setStoryDocKinds(db, team.po, a.id, { docKinds: ["design"] });
    setStoryDocKinds(db, team.po, a.id, { docKinds: ["design"] });
    raiseBlocker(db, team.sm, team.project.id, { title: "Waiting for the SIP trunk", side: "customer", storyId: a.id });

    const page = storyPage(db, team.dev, a.id);
    expect(page.sprint).toMatchObject({ id: first.id, number: 1, state: "planned" });
    expect(page.assignee).toEqual({ id: team.dev.id, name: team.dev.name });
    expect(page.blockers.map((b) => b.title)).toEqual(["Waiting for the SIP trunk"]);
    expect(page.can).toMatchObject({ edit: true, manage: false });
    // Newest first; saving the same documents twice is one change.
    expect(page.history.map((h) => [h.by, h.what, h.from, h.to])).toEqual([
      [team.po.name, "changed the As-Delivered documents", null, "design"],
      [team.po.name, "changed the sprint", null, "Sprint 1"],
      [team.po.name, "changed the assignee", null, team.dev.name],
      [team.po.name, "changed the title", "Offer a callback after four minutes", "Offer a callback after five minutes"],
      [team.po.name, "created the story", null, null],
    ]);
  });
});

describe("the board", () => {
  it("gives each card its assignee's name and initials and flags the ones an open blocker names", async () => {
    const team = await makeDeliveryTeam(db);
    const [first] = generateSprints(db, team.sm, team.project.id, { count: 1 });
    const a = story(team, "Offer a callback after four minutes");
    const b = story(team, "Play the expected wait time");
    for (const s of [a, b]) updateStory(db, team.po, s.id, { sprintId: first.id });
    updateStory(db, team.dev, a.id, { assigneeId: team.dev.id });
    const blocker = raiseBlocker(db, team.sm, team.project.id, { title: "Waiting for the SIP trunk", side: "customer", storyId: b.id });
    const board = sprintBoard(db, team.copo, first.id);
    expect(board.stories.map((s) => [s.key, s.assignee?.name ?? null, s.blocked])).toEqual([
      [a.key, team.dev.name, false],
      [b.key, null, true],
    ]);
    expect(board.members.find((m) => m.id === team.dev.id)?.initials).toBe(initials(team.dev.name));
    resolveBlocker(db, team.sm, blocker.id, { resolution: "Trunk is live" });
    expect(sprintBoard(db, team.copo, first.id).stories.every((s) => !s.blocked)).toBe(true);
  });
});
