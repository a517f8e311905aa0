import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { stories, storyEvents } from "../../db/schema";
import { generateSprints, startSprint } from "~/delivery/sprints.server";
import { bulkUpdateStories, createFeature, createStory, listBacklog, moveStory, placeStory, sectionPosition, updateStory } from "~/delivery/stories.server";
import { decideAtDemo } from "~/delivery/demo.server";
import { freshDb } from "../support/db";
import { refusal } from "../support/refusal";
import { fromToday, makeDeliveryTeam } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

describe("the backlog as a planning view", () => {
  it("searches by key or title, with LIKE's wildcards taken literally", async () => {
    const { po, viewer, project } = await makeDeliveryTeam(db);
    const a = createStory(db, po, project.id, { title: "Offer a callback after 5 minutes" });
    createStory(db, po, project.id, { title: "Post-call survey by SMS" });
    const c = createStory(db, po, project.id, { title: "Show 100% of the queue" });
    expect(listBacklog(db, viewer, project.id, { q: "callback" }).map((s) => s.id)).toEqual([a.id]);
    expect(listBacklog(db, viewer, project.id, { q: a.key! }).map((s) => s.id)).toContain(a.id);
    expect(listBacklog(db, viewer, project.id, { q: "%" }).map((s) => s.id)).toEqual([c.id]);
    expect(listBacklog(db, viewer, project.id, { q: "" })).toHaveLength(3);
  });

  it("moves up and down among the stories of the same sprint, and places a dropped story into another sprint in one transaction", async () => {
    const { sm, po, dev, project } = await makeDeliveryTeam(db);
    const [s1] = generateSprints(db, sm, project.id, { count: 1 });
    const [a, b, c, d] = ["Route VIP callers", "Play the wait time", "Agent greeting per queue", "Whisper the queue name"].map((title) => createStory(db, po, project.id, { title, points: 3 }));
    updateStory(db, po, a.id, { sprintId: s1.id });
    updateStory(db, po, c.id, { sprintId: s1.id });
    // c is second in Sprint 1 (b sits between them in the one list, in the backlog): up makes it first there.
    const moved = moveStory(db, po, c.id, "up", { withinSection: true });
    expect(sectionPosition(db, moved)).toBe(1);
    expect(sectionPosition(db, { id: a.id, projectId: project.id, sprintId: s1.id })).toBe(2);
    expect(listBacklog(db, po, project.id, { sprint: "none" }).map((s) => s.id)).toEqual([b.id, d.id]);

    // Dropped into Sprint 1 after a: planned and placed together.
    const dropped = placeStory(db, po, d.id, a.id, s1.id);
    expect(dropped.sprintId).toBe(s1.id);
    expect(listBacklog(db, po, project.id).filter((s) => s.sprintId === s1.id).map((s) => s.id)).toEqual([c.id, a.id, d.id]);
    expect(db.select().from(storyEvents).where(eq(storyEvents.storyId, d.id)).all().map((e) => e.kind)).toEqual(["created", "sprint"]);
    expect(refusal(() => placeStory(db, dev, b.id, null, s1.id)).code).toBe("forbidden");
    // A refused drop changes nothing: not the rank either.
    const rankBefore = db.select().from(stories).where(eq(stories.id, b.id)).get()!.rank;
    expect(refusal(() => placeStory(db, po, b.id, a.id, 999_999)).code).toBe("invalid");
    expect(db.select().from(stories).where(eq(stories.id, b.id)).get()!).toMatchObject({ rank: rankBefore, sprintId: null });
  });

  it("bulk plans, sets a feature or points through the story rules, all or nothing, naming the refused story", async () => {
    const { sm, po, dev, copo, project } = await makeDeliveryTeam(db, { sowSignedOn: fromToday(-31), staffedOn: fromToday(-31) });
    const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
    const [a, b, c] = ["Route VIP callers", "Play the wait time", "Agent greeting per queue"].map((title) => createStory(db, po, project.id, { title, points: 3, acceptanceCriteria: ["works"] }));
    const planned = bulkUpdateStories(db, po, project.id, { storyIds: [b.id, a.id], change: { sprintId: s1.id } });
    expect(planned.map((s) => s.id)).toEqual([a.id, b.id]);
    expect(listBacklog(db, po, project.id).filter((s) => s.sprintId === s1.id)).toHaveLength(2);

    const feature = createFeature(db, po, project.id, { name: "Web callback" });
    bulkUpdateStories(db, po, project.id, { storyIds: [a.id, c.id], change: { featureId: feature.id } });
    expect(listBacklog(db, po, project.id, { feature: String(feature.id) }).map((s) => s.id)).toEqual([a.id, c.id]);
    // The team estimates in bulk, but does not plan.
    bulkUpdateStories(db, dev, project.id, { storyIds: [b.id, c.id], change: { points: 5 } });
    expect(listBacklog(db, po, project.id).map((s) => s.points)).toEqual([3, 5, 5]);
    expect(refusal(() => bulkUpdateStories(db, dev, project.id, { storyIds: [c.id], change: { sprintId: s1.id } })).code).toBe("forbidden");
    expect(refusal(() => bulkUpdateStories(db, po, project.id, { storyIds: [], change: { sprintId: s1.id } })).fields?.storyIds).toBe("Tick at least one story.");

    // An accepted story keeps its sprint: the whole bulk move is refused, nothing moves.
    startSprint(db, sm, s1.id);
    updateStory(db, dev, a.id, { status: "in_progress" });
    updateStory(db, dev, a.id, { status: "done" });
    decideAtDemo(db, copo, s1.id, { storyId: a.id, decision: "accept" });
    const refused = refusal(() => bulkUpdateStories(db, po, project.id, { storyIds: [b.id, a.id], change: { sprintId: s2.id } }));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toBe(`${a.key}: An accepted story stays in the sprint it was accepted in. Nothing was changed.`);
    expect(listBacklog(db, po, project.id).filter((s) => s.sprintId === s1.id).map((s) => s.id)).toEqual([a.id, b.id]);

    // A story of another project is not touched.
    const other = await makeDeliveryTeam(db);
    const foreign = createStory(db, other.po, other.project.id, { title: "Another project's story" });
    expect(refusal(() => bulkUpdateStories(db, po, project.id, { storyIds: [c.id, foreign.id], change: { points: 8 } })).code).toBe("invalid");
    expect(db.select().from(stories).where(eq(stories.id, c.id)).get()!.points).toBe(5);
  });
});
