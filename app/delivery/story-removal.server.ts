/** Removing what was made by mistake without rewriting history (SPEC A2): delete, won't do, restore. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { and, asc, eq, isNotNull, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { blockers, demoDecisions, groomingChanges, sprints, stories, storyAttachments, storyCommentRevisions, storyComments, storyEvents } from "../../db/schema";
import type { User } from "../auth/users.server";
import { type Confirmation, count, requireConfirmation } from "../lib/confirm";
import { DomainError } from "../lib/errors";
import { oneLine, parseInput } from "../lib/validation";
import { requireProject } from "./projects.server";
import { toStoryEvent } from "./sprints.server";
import { recordEvent, type Story } from "./stories.server";
import { wasInStartedSprint, wontDoRefusal } from "./story-rules";
import { attachmentsDir } from "./threads.server";

function managed(db: DbOrTx, actor: User, storyId: number) {
  const story = db.select().from(stories).where(eq(stories.id, storyId)).get();
  if (!story) throw new DomainError("not_found", "No such story.");
  const { project } = requireProject(db, actor, story.projectId, "stories.manage");
  return { story, project };
}

function everInStartedSprint(tx: DbOrTx, story: Story): boolean {
  const events = tx
    .select({ seq: storyEvents.id, storyId: storyEvents.storyId, at: storyEvents.at, date: storyEvents.date, kind: storyEvents.kind, to: storyEvents.toValue })
    .from(storyEvents)
    .where(eq(storyEvents.storyId, story.id))
    .orderBy(asc(storyEvents.id))
    .all()
    .map(toStoryEvent);
  const ids = new Set<number>([...(story.sprintId ? [story.sprintId] : []), ...events.filter((e) => e.kind === "sprint" && e.sprintId).map((e) => e.sprintId!)]);
  if (!ids.size) return false;
  const started = tx
    .select({ id: sprints.id, startSeq: sprints.startSeq })
    .from(sprints)
    .where(and(inArray(sprints.id, [...ids]), isNotNull(sprints.startedAt)))
    .all()
    .map((sp) => ({ id: sp.id, startSeq: sp.startSeq ?? Number.MAX_SAFE_INTEGER }));
  return wasInStartedSprint(events, story.id, started);
}

/**
 * Delete a story made by mistake (scrum master and owners): only one never in a started sprint,
 * so no chart or report counted it. Its events, thread, files and grooming lines go with it; a
 * blocker naming it keeps its text. Its number is not given out again.
 */
export function deleteStory(
  db: Db,
  actor: User,
  storyId: number,
  { dir = attachmentsDir(), confirmation }: { dir?: string; confirmation?: Confirmation } = {},
): { key: string | null; projectId: number } {
  const { story } = managed(db, actor, storyId);
  const files = db.transaction((tx) => {
    const name = story.key ?? "This story";
    if (everInStartedSprint(tx, story)) throw new DomainError("conflict", `${name} was in a started sprint, so it stays in the history: close it as won't do instead.`);
    if (tx.select({ id: stories.id }).from(stories).where(eq(stories.defectOf, story.id)).get()) throw new DomainError("conflict", `A defect was raised against ${name}: close it as won't do instead.`);
    if (tx.select({ id: demoDecisions.id }).from(demoDecisions).where(eq(demoDecisions.followUpStoryId, story.id)).get()) {
      throw new DomainError("conflict", `${name} was asked for at a demo, and the acceptance record names it: close it as won't do instead.`);
    }
    const stored = tx.select({ storedAs: storyAttachments.storedAs, removedAt: storyAttachments.removedAt }).from(storyAttachments).where(eq(storyAttachments.storyId, story.id)).all();
    const thread = tx.select({ id: storyComments.id, deletedAt: storyComments.deletedAt }).from(storyComments).where(eq(storyComments.storyId, story.id)).all();
    // What the person sees on the page: comments not deleted, attachments not removed.
    const comments = thread.filter((c) => !c.deletedAt).length;
    const attached = stored.filter((a) => !a.removedAt).length;
    requireConfirmation(
      confirmation,
      `Deleting ${name}`,
      `${name} is deleted with its ${count(comments, "comment")} and ${count(attached, "attachment")}; its number is not given out again.`,
    );
    tx.update(blockers).set({ storyId: null }).where(eq(blockers.storyId, story.id)).run();
    if (thread.length) tx.delete(storyCommentRevisions).where(inArray(storyCommentRevisions.commentId, thread.map((c) => c.id))).run();
    for (const table of [storyComments, storyAttachments, groomingChanges, storyEvents]) tx.delete(table).where(eq(table.storyId, story.id)).run();
    tx.delete(stories).where(eq(stories.id, story.id)).run();
    return stored.filter((f) => !f.removedAt).map((f) => f.storedAs).filter((f): f is string => Boolean(f));
  });
  // The rows are gone; the files follow (a file left behind by a crash here is only unreachable).
  for (const f of files) rmSync(join(dir, f), { force: true });
  return { key: story.key, projectId: story.projectId };
}

export const WontDoSchema = z.object({
  reason: z.string({ error: "Say why the story will not be done." }).overwrite(oneLine).trim().min(3, "Say why the story will not be done.").max(500, "Keep the reason under 500 characters."),
});

/**
 * Close a story as won't do (scrum master and owners): not accepted and not in the running sprint.
 * It leaves the backlog and the forecast (an event, so later burnup points leave it out), a
 * planned sprint drops it, and its page and history stay.
 */
export function closeAsWontDo(db: Db, actor: User, storyId: number, input: unknown, now = new Date()): Story {
  const { story, project } = managed(db, actor, storyId);
  const { reason } = parseInput(WontDoSchema, input);
  return db.transaction((tx) => {
    const current = tx.select().from(stories).where(eq(stories.id, story.id)).get()!;
    const sprintState = current.sprintId ? tx.select({ state: sprints.state }).from(sprints).where(eq(sprints.id, current.sprintId)).get()?.state ?? null : null;
    const refusal = wontDoRefusal({ key: current.key, status: current.status, wontDo: current.wontDoAt !== null, sprintState });
    if (refusal) throw new DomainError("conflict", refusal);
    if (current.sprintId) recordEvent(tx, current, project.timeZone, actor.id, "sprint", current.sprintId, null, now);
    recordEvent(tx, current, project.timeZone, actor.id, "wont_do", "false", "true", now);
    tx.update(stories).set({ sprintId: null, wontDoReason: reason, wontDoById: actor.id, wontDoAt: now.toISOString() }).where(eq(stories.id, story.id)).run();
    return tx.select().from(stories).where(eq(stories.id, story.id)).get()!;
  });
}

/** Bring a won't-do story back into the backlog, where it stood. */
export function restoreStory(db: Db, actor: User, storyId: number, now = new Date()): Story {
  const { story, project } = managed(db, actor, storyId);
  return db.transaction((tx) => {
    const current = tx.select().from(stories).where(eq(stories.id, story.id)).get()!;
    if (!current.wontDoAt) throw new DomainError("conflict", `${current.key ?? "The story"} is not closed as won't do.`);
    recordEvent(tx, current, project.timeZone, actor.id, "wont_do", "true", "false", now);
    tx.update(stories).set({ wontDoReason: null, wontDoById: null, wontDoAt: null }).where(eq(stories.id, story.id)).run();
    return tx.select().from(stories).where(eq(stories.id, story.id)).get()!;
  });
}
