import { and, asc, eq, min, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.server";
import { projectMembers, stories } from "../../db/schema";
import type { User } from "../auth/users.server";
import { notify } from "../notifications/notify.server";
import { DomainError } from "../lib/errors";
import { rankBetween } from "./backlog";
import { TEST_LABELS, testRefusal, type TestStatus } from "./customer-test";
import type { Story } from "./stories.server";
import { nextStoryKey } from "./story-keys.server";
import { recordEvent } from "./stories.server";
import { threadNote } from "./threads.server";
import { storyMention } from "./keys";

/** Accepted stories that have not passed customer testing yet, in backlog order (SPEC A6, A10). */
export function acceptedNotPassed(db: DbOrTx, projectId: number) {
  return db
    .select({ id: stories.id, title: stories.title, testStatus: stories.testStatus })
    .from(stories)
    .where(and(eq(stories.projectId, projectId), eq(stories.status, "accepted"), sql`coalesce(${stories.testStatus}, '') <> 'passed'`))
    .orderBy(asc(stories.rank))
    .all();
}

/** Defects raised against a story that are not accepted yet. */
export function openDefects(db: DbOrTx, storyId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(stories).where(and(eq(stories.defectOf, storyId), ne(stories.status, "accepted"))).get()?.n ?? 0;
}

/**
 * Record a customer test (SPEC A6), inside the story change's transaction: the status and note
 * with who and when, a line in the story's thread, and on `failed` a linked defect at the top of
 * the backlog (the scrum masters and product owners are told).
 */
export function applyCustomerTest(tx: DbOrTx, actor: User, story: Story, project: { id: number; timeZone: string }, to: TestStatus, note: string, now: Date): Story | null {
  const refusal = testRefusal({ storyStatus: story.status, to, note, openDefects: openDefects(tx, story.id) });
  if (refusal) throw new DomainError(refusal.field ? "invalid" : "conflict", refusal.message, refusal.field ? { fields: { [refusal.field]: refusal.message } } : undefined);
  tx.update(stories).set({ testStatus: to, testNote: note.trim() || null, testById: actor.id, testAt: now.toISOString() }).where(eq(stories.id, story.id)).run();
  threadNote(tx, story.id, actor.id, "test", `Customer test: **${TEST_LABELS[to]}**${note.trim() ? ` — ${note.trim()}` : ""}`, now);
  if (to !== "failed") return null;
  const top = tx.select({ r: min(stories.rank) }).from(stories).where(eq(stories.projectId, project.id)).get()?.r ?? null;
  const title = `Defect: ${story.title}`.slice(0, 200);
  const defect = tx
    .insert(stories)
    .values({ projectId: project.id, key: nextStoryKey(tx, project.id), featureId: story.featureId, type: "defect", title, description: note.trim(), acceptanceCriteria: story.acceptanceCriteria, points: null, rank: rankBetween(null, top), defectOf: story.id, docKinds: story.docKinds })
    .returning()
    .get();
  recordEvent(tx, defect, project.timeZone, actor.id, "created", null, { status: defect.status, points: null, sprintId: null }, now);
  threadNote(tx, story.id, actor.id, "test", `Defect raised at the top of the backlog: [${title}](/stories/${defect.id})`, now);
  const owners = tx
    .select({ id: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, project.id), sql`${projectMembers.role} IN ('scrum_master', 'product_owner')`))
    .all()
    .map((r) => r.id);
  notify(tx, owners, { text: `Customer test failed on ${storyMention(story)}: a defect is at the top of the backlog.`, link: `/stories/${defect.id}`, projectId: project.id }, actor.id);
  return defect;
}
