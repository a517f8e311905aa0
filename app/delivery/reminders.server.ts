import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.server";
import { ceremonies, projectMembers, projects, sprints, stories, storyEvents } from "../../db/schema";
import { addBusinessDays } from "../calendar/business-days";
import { todayIn } from "../lib/app-time";
import { notify, settleNotifications } from "../notifications/notify.server";
import { formatDay } from "../lib/dates";
import { projectHolidays } from "./sprints.server";
import { storyMention } from "./keys";

function membersWithRole(db: DbOrTx, projectId: number, roles: string[]): number[] {
  return db
    .select({ id: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.role, roles as ("scrum_master" | "co_product_owner")[])))
    .all()
    .map((r) => r.id);
}

/** A story of an active sprint reached done: its co-product owners owe a decision at the demo. */
export function notifyAwaitingDecision(tx: DbOrTx, story: { id: number; projectId: number; title: string; key?: string | null; sprintId: number | null }, actorId: number, at?: Date): void {
  if (!story.sprintId) return;
  const sprint = tx.select({ id: sprints.id, number: sprints.number, state: sprints.state }).from(sprints).where(eq(sprints.id, story.sprintId)).get();
  if (sprint?.state !== "active") return;
  const when = at ?? new Date();
  notify(
    tx,
    membersWithRole(tx, story.projectId, ["co_product_owner"]),
    { text: `${storyMention(story)} is done and awaits your decision at the Sprint ${sprint.number} demo.`, link: `/sprints/${sprint.id}/demo#story-${story.id}`, projectId: story.projectId, at: when, dedupeKey: `${awaitingKey(story.id)}${when.toISOString()}` },
    actorId,
  );
}

/** The key prefix of a story's "awaits your decision" notifications (one per time it reached done). */
const awaitingKey = (storyId: number) => `awaits-decision:${storyId}:`;

/** A decision was made on the story: its "awaits your decision" notifications leave every co-product owner's unread list. */
export function settleAwaitingDecision(tx: DbOrTx, story: { id: number; projectId: number }, at?: Date): void {
  settleNotifications(tx, membersWithRole(tx, story.projectId, ["co_product_owner"]), awaitingKey(story.id), at);
}

/**
 * A rejection at the demo reaches who moved the story to done (the work is theirs) and the scrum
 * masters, with the unmet criteria.
 */
export function notifyRejection(tx: DbOrTx, story: { id: number; projectId: number; title: string; key?: string | null; acceptanceCriteria: string[] }, sprint: { id: number; number: number }, unmet: number[], comment: string, actorId: number, at?: Date): void {
  const doneBy = tx
    .select({ byId: storyEvents.byId })
    .from(storyEvents)
    .where(and(eq(storyEvents.storyId, story.id), eq(storyEvents.kind, "status"), eq(storyEvents.toValue, "done")))
    .orderBy(desc(storyEvents.id))
    .limit(1)
    .get()?.byId;
  const criteria = unmet.map((i) => story.acceptanceCriteria[i]).filter(Boolean);
  const why = [criteria.length ? `not met: ${criteria.join("; ")}` : null, comment.trim() || null].filter(Boolean).join(" — ");
  const to = [...membersWithRole(tx, story.projectId, ["scrum_master"]), ...(doneBy ? [doneBy] : [])];
  notify(tx, to, { text: `Rejected at the Sprint ${sprint.number} demo: ${storyMention(story)}${why ? ` (${why})` : ""}.`, link: `/sprints/${sprint.id}/demo#story-${story.id}`, projectId: story.projectId, at }, actorId);
}

/**
 * The next demo (SPEC A5): once a demo of an active sprint is today or on the next working day
 * (project time zone), every member is told once; co-product owners also hear how many done
 * stories wait for them. Idempotent: safe to run every minute.
 */
export function remindUpcomingDemos(db: Db, now = new Date()): number {
  return db.transaction((tx) => {
    const due = tx
      .select({ c: ceremonies, sprintNumber: sprints.number, project: projects })
      .from(ceremonies)
      .innerJoin(sprints, eq(sprints.id, ceremonies.sprintId))
      .innerJoin(projects, eq(projects.id, ceremonies.projectId))
      .where(and(eq(ceremonies.kind, "demo"), isNull(ceremonies.cancelledAt), isNull(ceremonies.remindedAt), eq(sprints.state, "active")))
      .all();
    let sent = 0;
    for (const { c, sprintNumber, project } of due) {
      const today = todayIn(project.timeZone, now);
      const horizon = addBusinessDays(today, 1, projectHolidays(tx, project));
      if (c.date < today || c.date > horizon) continue;
      const when = `${c.date === today ? "today" : formatDay(c.date)} at ${c.time}`;
      const link = `/sprints/${c.sprintId}/demo`;
      const everyone = tx.select({ id: projectMembers.userId, role: projectMembers.role }).from(projectMembers).where(and(eq(projectMembers.projectId, project.id), ne(projectMembers.role, "viewer"))).all();
      const waiting = tx.select({ id: stories.id }).from(stories).where(and(eq(stories.sprintId, c.sprintId), eq(stories.status, "done"))).all().length;
      const copos = everyone.filter((m) => m.role === "co_product_owner").map((m) => m.id);
      notify(tx, copos, { text: `Sprint ${sprintNumber} demo of ${project.name} ${when}: ${waiting} done ${waiting === 1 ? "story waits" : "stories wait"} for your decision.`, link, projectId: project.id, dedupeKey: `demo-reminder:${c.id}`, at: now });
      notify(tx, everyone.filter((m) => m.role !== "co_product_owner").map((m) => m.id), { text: `Sprint ${sprintNumber} demo of ${project.name} ${when}.`, link, projectId: project.id, dedupeKey: `demo-reminder:${c.id}`, at: now });
      tx.update(ceremonies).set({ remindedAt: now.toISOString() }).where(eq(ceremonies.id, c.id)).run();
      sent++;
    }
    return sent;
  });
}
