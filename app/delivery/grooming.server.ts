import { alias } from "drizzle-orm/sqlite-core";
import { and, asc, desc, eq, gte, isNull, ne } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.server";
import { ceremonies, groomingChanges, stories, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { isReady } from "./backlog";
import { getProject, projectToday, requireProject } from "./projects.server";
import { updateStory } from "./stories.server";

/** How far down the backlog a grooming session walks. */
export const GROOMING_DEPTH = 12;

/** The grooming occurrence a change belongs to: that day's, if the calendar has one. */
function sessionCeremony(db: DbOrTx, projectId: number, date: string): number | null {
  return (
    db
      .select({ id: ceremonies.id })
      .from(ceremonies)
      .where(and(eq(ceremonies.projectId, projectId), eq(ceremonies.kind, "grooming"), eq(ceremonies.date, date), isNull(ceremonies.cancelledAt)))
      .get()?.id ?? null
  );
}

/**
 * The grooming page (SPEC A5): the top of the backlog not yet planned into a sprint, in rank
 * order, and what each session changed, newest session first.
 */
export function groomingView(db: Db, viewer: User, projectId: number) {
  const { project, role } = getProject(db, viewer, projectId);
  const today = projectToday(project);
  const top = db
    .select()
    .from(stories)
    .where(and(eq(stories.projectId, projectId), isNull(stories.sprintId), ne(stories.status, "accepted")))
    .orderBy(asc(stories.rank), asc(stories.id))
    .limit(GROOMING_DEPTH)
    .all();
  const by = alias(users, "by");
  const log = db
    .select({ id: groomingChanges.id, sessionDate: groomingChanges.sessionDate, ceremonyId: groomingChanges.ceremonyId, field: groomingChanges.field, fromValue: groomingChanges.fromValue, toValue: groomingChanges.toValue, at: groomingChanges.at, by: by.name, storyId: stories.id, story: stories.title })
    .from(groomingChanges)
    .innerJoin(by, eq(by.id, groomingChanges.byId))
    .innerJoin(stories, eq(stories.id, groomingChanges.storyId))
    .where(eq(groomingChanges.projectId, projectId))
    .orderBy(desc(groomingChanges.sessionDate), desc(groomingChanges.id))
    .limit(300)
    .all();
  const sessions: { date: string; ceremonyId: number | null; changes: typeof log }[] = [];
  for (const row of log) {
    const last = sessions[sessions.length - 1];
    if (last?.date === row.sessionDate) last.changes.push(row);
    else sessions.push({ date: row.sessionDate, ceremonyId: row.ceremonyId, changes: [row] });
  }
  const next = db
    .select({ id: ceremonies.id, date: ceremonies.date, time: ceremonies.time })
    .from(ceremonies)
    .where(and(eq(ceremonies.projectId, projectId), eq(ceremonies.kind, "grooming"), isNull(ceremonies.cancelledAt), gte(ceremonies.date, today)))
    .orderBy(asc(ceremonies.date))
    .limit(1)
    .get();
  return {
    project,
    today,
    stories: top.map((s) => ({ ...s, ready: isReady(s) })),
    sessions,
    nextGrooming: next ?? null,
    canGroom: projectCan(viewer.role, role, "stories.editContent"),
  };
}

const show = (v: unknown): string | null => (v === null || v === undefined ? null : Array.isArray(v) ? v.join("\n") || null : String(v));

/**
 * Groom one story: title, points and acceptance criteria in one save (the story's own rules and
 * events apply), and each field that changed is written to the session's log in the same
 * transaction, with "Ready" when the story became (or stopped being) ready.
 */
export function groomStory(db: Db, actor: User, storyId: number, input: { title?: unknown; points?: unknown; acceptanceCriteria?: unknown }, now = new Date()) {
  const before = db.select().from(stories).where(eq(stories.id, storyId)).get();
  if (!before) throw new DomainError("not_found", "No such story.");
  const { project } = requireProject(db, actor, before.projectId, "stories.editContent");
  return db.transaction((tx) => {
    const after = updateStory(tx, actor, storyId, input, now);
    const sessionDate = projectToday(project, now);
    const ceremonyId = sessionCeremony(tx, project.id, sessionDate);
    const log = (field: "title" | "points" | "criteria" | "ready", from: unknown, to: unknown) =>
      tx.insert(groomingChanges).values({ projectId: project.id, storyId, byId: actor.id, sessionDate, ceremonyId, field, fromValue: show(from), toValue: show(to), at: now.toISOString() }).run();
    if (after.title !== before.title) log("title", before.title, after.title);
    if (after.points !== before.points) log("points", before.points, after.points);
    if (JSON.stringify(after.acceptanceCriteria) !== JSON.stringify(before.acceptanceCriteria)) log("criteria", before.acceptanceCriteria, after.acceptanceCriteria);
    if (isReady(after) !== isReady(before)) log("ready", isReady(before) ? "Ready" : "Not ready", isReady(after) ? "Ready" : "Not ready");
    return after;
  });
}
