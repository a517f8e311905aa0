import { and, asc, eq, inArray, isNotNull, isNull, max, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { STORY_STATUSES, STORY_TYPES, features, projectMembers, sprints, stories, storyEvents, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { todayIn } from "../lib/app-time";
import { DomainError } from "../lib/errors";
import { fieldErrors, idSchema, parseInput, oneLine } from "../lib/validation";
import { parseStoriesCsv, storiesToCsv } from "./csv";
import type { StoryEventKind } from "./burndown";
import { notifyAwaitingDecision } from "./reminders.server";
import { applyCustomerTest } from "./customer-test.server";
import { TEST_STATUSES } from "./customer-test";
import { POINTS, isReady, rankBetween, rankForMove } from "./backlog";
import { requireProject } from "./projects.server";
import { nextStoryKey } from "./story-keys.server";

export type Story = typeof stories.$inferSelect;

/** The API's Story; `names` resolves the assignee and who closed it as won't do. */
function storyAnswer(s: Story, names: Map<number, string>) {
  return {
    id: s.id,
    key: s.key,
    type: s.type,
    title: s.title,
    description: s.description,
    acceptanceCriteria: s.acceptanceCriteria,
    points: s.points,
    status: s.status,
    rank: s.rank,
    sprintId: s.sprintId,
    featureId: s.featureId,
    assignee: s.assigneeId ? { id: s.assigneeId, name: names.get(s.assigneeId) ?? "" } : null,
    wontDo: s.wontDoAt ? { reason: s.wontDoReason ?? "", by: s.wontDoById ? names.get(s.wontDoById) ?? null : null, at: s.wontDoAt } : null,
    testStatus: s.testStatus,
    defectOf: s.defectOf,
    ready: isReady(s),
  };
}

/** Stories as the API answers them, the names they mention read in one query. */
export function storiesJson(db: DbOrTx, list: Story[]) {
  const ids = [...new Set(list.flatMap((s) => [s.assigneeId, s.wontDoById]).filter((id): id is number => id !== null))];
  const names = new Map(ids.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all().map((u) => [u.id, u.name] as const) : []);
  return list.map((s) => storyAnswer(s, names));
}

export function storyJson(db: DbOrTx, s: Story) {
  return storiesJson(db, [s])[0];
}

const POINTS_MESSAGE = `Points are one of ${POINTS.join(", ")}, or null for unestimated.`;

const Points = z
  .number({ error: POINTS_MESSAGE })
  .nullable()
  .refine((n) => n === null || (POINTS as readonly number[]).includes(n), POINTS_MESSAGE);

/** A list of criteria; a form's text area is split into one first (see parseCriteria). */
const Criteria = z
  .array(z.string({ error: "Each criterion is text." }).max(500, "Keep each criterion under 500 characters."), { error: "Acceptance criteria are a list of texts." })
  .max(100, "At most 100 criteria.")
  .transform((v) => v.map((c) => c.trim()).filter(Boolean));

export const NewStorySchema = z.object({
  title: z.string({ error: "Give the story a title." }).overwrite(oneLine).trim().min(3, "Give the story a title.").max(200, "Keep the title under 200 characters."),
  type: z.enum(STORY_TYPES, { error: "Choose story, defect or spike." }).default("story"),
  description: z.string().max(10_000).optional().default(""),
  acceptanceCriteria: Criteria.optional().default([]),
  points: Points.optional().default(null),
  featureId: idSchema("Choose a feature.").nullable().optional(),
});

/** Write one story event; `date` is the project's calendar date, for the day-by-day charts. */
export function recordEvent(
  tx: DbOrTx,
  story: { id: number; projectId: number },
  timeZone: string,
  byId: number | null,
  kind: StoryEventKind,
  from: unknown,
  to: unknown,
  at = new Date(),
) {
  tx.insert(storyEvents)
    .values({
      storyId: story.id,
      projectId: story.projectId,
      byId,
      kind,
      fromValue: from === null || from === undefined ? null : typeof from === "string" ? from : JSON.stringify(from),
      toValue: to === null || to === undefined ? null : typeof to === "string" ? to : JSON.stringify(to),
      at: at.toISOString(),
      date: todayIn(timeZone, at),
    })
    .run();
}

function checkFeature(tx: DbOrTx, projectId: number, featureId: number | null | undefined) {
  if (!featureId) return;
  const f = tx.select({ projectId: features.projectId }).from(features).where(eq(features.id, featureId)).get();
  if (!f || f.projectId !== projectId) throw new DomainError("invalid", "No such feature in this project.", { fields: { featureId: "Choose a feature of this project." } });
}

/** Team members and owners add stories at the bottom of the backlog (SPEC A2). */
export function createStory(db: Db, actor: User, projectId: number, input: unknown, now = new Date()): Story {
  const { project, role } = requireProject(db, actor, projectId, "stories.create");
  const data = parseInput(NewStorySchema, input);
  if (data.featureId && !projectCan(actor.role, role, "stories.manage")) {
    throw new DomainError("forbidden", "Only the scrum master and product owners place stories in features.");
  }
  return db.transaction((tx) => {
    checkFeature(tx, projectId, data.featureId);
    return insertAtBottom(tx, project, actor, data, now);
  });
}

/** A new story at the bottom of the backlog, with its `created` event. */
export function insertAtBottom(tx: DbOrTx, project: { id: number; timeZone: string }, actor: User, data: z.infer<typeof NewStorySchema>, now: Date): Story {
  const bottom = tx.select({ r: max(stories.rank) }).from(stories).where(eq(stories.projectId, project.id)).get()?.r ?? null;
  const story = tx
    .insert(stories)
    .values({ projectId: project.id, key: nextStoryKey(tx, project.id), title: data.title, type: data.type, description: data.description, acceptanceCriteria: data.acceptanceCriteria, points: data.points, featureId: data.featureId ?? null, rank: rankBetween(bottom, null) })
    .returning()
    .get();
  recordEvent(tx, story, project.timeZone, actor.id, "created", null, { status: story.status, points: story.points, sprintId: null }, now);
  return story;
}

/** A CSV cell of points: empty or "?" is unestimated; other text stays text for the schema's message. */
function csvPoints(cell: string): number | string | null {
  if (cell === "" || cell === "?") return null;
  return Number.isFinite(Number(cell)) ? Number(cell) : cell;
}

/** A previewed row: what the file said (type and points as written, so a refused value shows), and what is wrong with it. */
export type ImportRow = { line: number; title: string; type: string; points: string; feature: string | null; errors: Record<string, string> };

/**
 * Import stories from CSV (scrum master and owners). Every row is checked first; the preview
 * lists each row with its errors, and nothing is written unless every row is valid — then all
 * rows are added at the bottom of the backlog in one transaction.
 */
export function importStories(
  db: Db,
  actor: User,
  projectId: number,
  text: string,
  options: { write: boolean },
): { rows: ImportRow[]; message: string | null; created: number; ignored: string[] } {
  const { project } = requireProject(db, actor, projectId, "stories.manage");
  const parsed = parseStoriesCsv(text);
  if (!parsed.ok) return { rows: [], message: parsed.message, created: 0, ignored: [] };
  const { ignored } = parsed;
  const featureByName = new Map(listFeatures(db, projectId).map((f) => [f.name.trim().toLowerCase(), f.id]));
  const checked = parsed.rows.map((row) => {
    const errors: Record<string, string> = {};
    const featureId = row.feature ? featureByName.get(row.feature.toLowerCase()) : undefined;
    if (row.feature && !featureId) errors.feature = `No feature “${row.feature}” in this project.`;
    const result = NewStorySchema.safeParse({ title: row.title, type: row.type, description: row.description, acceptanceCriteria: row.acceptanceCriteria, points: csvPoints(row.points), featureId: featureId ?? null });
    if (!result.success) Object.assign(errors, fieldErrors(result.error));
    return { row, data: result.success ? result.data : null, errors };
  });
  const rows = checked.map((c) => ({ line: c.row.line, title: c.row.title, type: c.row.type, points: c.row.points, feature: c.row.feature || null, errors: c.errors }));
  const invalid = checked.filter((c) => Object.keys(c.errors).length).length;
  if (invalid) return { rows, message: `${invalid} of ${rows.length} rows need fixing; nothing was imported.`, created: 0, ignored };
  if (!options.write) return { rows, message: null, created: 0, ignored };
  const now = new Date();
  db.transaction((tx) => {
    for (const c of checked) insertAtBottom(tx, project, actor, c.data!, now);
  });
  return { rows, message: null, created: rows.length, ignored };
}

/** The backlog as CSV (every story, rank order). */
export function exportBacklogCsv(db: Db, viewer: User, projectId: number): string {
  const list = listBacklog(db, viewer, projectId);
  const featureNames = new Map(listFeatures(db, projectId).map((f) => [f.id, f.name]));
  const sprintNumbers = new Map(db.select({ id: sprints.id, number: sprints.number }).from(sprints).where(eq(sprints.projectId, projectId)).all().map((s) => [s.id, s.number]));
  return storiesToCsv(
    list.map((s, i) => ({
      rank: i + 1,
      id: s.id,
      type: s.type,
      title: s.title,
      description: s.description,
      "acceptance criteria": s.acceptanceCriteria.join("\n"),
      points: s.points ?? "",
      status: s.status,
      feature: s.featureId ? featureNames.get(s.featureId) ?? "" : "",
      sprint: s.sprintId ? `Sprint ${sprintNumbers.get(s.sprintId)}` : "",
      ready: isReady(s) ? "yes" : "no",
    })),
  );
}

export const StoryChangeSchema = z.object({
  title: z.string().overwrite(oneLine).trim().min(3, "Give the story a title.").max(200).optional(),
  type: z.enum(STORY_TYPES, { error: "Choose story, defect or spike." }).optional(),
  assigneeId: idSchema("Choose a member of the project.").nullable().optional(),
  description: z.string().max(10_000).optional(),
  acceptanceCriteria: Criteria.optional(),
  points: Points.optional(),
  status: z.enum(STORY_STATUSES, { error: "Status is todo, in_progress, done or accepted." }).optional(),
  sprintId: idSchema("Choose a sprint.").nullable().optional(),
  featureId: idSchema("Choose a feature.").nullable().optional(),
  // Ranks are fractional (a move lands between two), but stay far inside a double's exact range.
  rank: z.number({ error: "Rank is a number." }).min(-1e12, "Rank is between -1e12 and 1e12.").max(1e12, "Rank is between -1e12 and 1e12.").optional(),
  testStatus: z.enum(TEST_STATUSES, { error: "Test status is not_started, testing, passed or failed." }).optional(),
  testNote: z.string().max(2000, "Keep the note under 2,000 characters.").optional(),
});

/**
 * Edit a story. Each part checks its own permission: content (team and owners), status moves
 * (team; only a demo decision accepts), and rank, feature and sprint (scrum master and owners).
 * Estimate, status and sprint changes are events, written in the same transaction.
 */
export function updateStory(db: DbOrTx, actor: User, storyId: number, input: unknown, now = new Date()): Story {
  const change = parseInput(StoryChangeSchema, input);
  const current = db.select().from(stories).where(eq(stories.id, storyId)).get();
  if (!current) throw new DomainError("not_found", "No such story.");
  const { project, role } = requireProject(db, actor, current.projectId, "project.read");
  const may = (action: Parameters<typeof projectCan>[2]) => projectCan(actor.role, role, action);
  if ((change.title !== undefined || change.type !== undefined || change.description !== undefined || change.acceptanceCriteria !== undefined || change.points !== undefined || change.assigneeId !== undefined) && !may("stories.editContent")) {
    throw new DomainError("forbidden", "Your role in this project does not edit stories.");
  }
  if (change.status !== undefined && !may("stories.moveStatus")) throw new DomainError("forbidden", "Your role in this project does not move stories.");
  if ((change.testStatus !== undefined || change.testNote !== undefined) && !may("customerTest.record")) throw new DomainError("forbidden", "Your role in this project does not record customer tests.");
  if ((change.rank !== undefined || change.featureId !== undefined || change.sprintId !== undefined) && !may("backlog.order")) {
    throw new DomainError("forbidden", "Only the scrum master and product owners rank stories and plan them into sprints.");
  }
  if (change.status === "accepted" && current.status !== "accepted") {
    throw new DomainError("conflict", "Only a demo decision by the co-product owner accepts a story.");
  }
  if (current.status === "accepted" && change.status && change.status !== "accepted") {
    throw new DomainError("conflict", "An accepted story changes only through a demo decision.");
  }
  return db.transaction((tx) => {
    // What the customer accepted stays as accepted (SPEC A4): read inside the transaction, so a
    // decision taken a moment ago counts.
    const standing = tx.select({ status: stories.status, points: stories.points, sprintId: stories.sprintId }).from(stories).where(eq(stories.id, storyId)).get()!;
    if (standing.status === "accepted") {
      if (change.points !== undefined && change.points !== standing.points) throw new DomainError("conflict", "An accepted story keeps the points it was accepted with.", { fields: { points: "Accepted: the points stay as accepted." } });
      if (change.sprintId !== undefined && change.sprintId !== standing.sprintId) throw new DomainError("conflict", "An accepted story stays in the sprint it was accepted in.", { fields: { sprintId: "Accepted: the sprint stays as accepted." } });
    }
    checkFeature(tx, current.projectId, change.featureId);
    if (change.assigneeId) checkMember(tx, current.projectId, change.assigneeId);
    if (change.sprintId) {
      const sprint = tx.select().from(sprints).where(eq(sprints.id, change.sprintId)).get();
      if (!sprint || sprint.projectId !== current.projectId) throw new DomainError("invalid", "No such sprint in this project.", { fields: { sprintId: "Choose a sprint of this project." } });
      if (sprint.state === "closed") throw new DomainError("conflict", `Sprint ${sprint.number} is closed.`);
    }
    const set: Partial<Story> = {};
    const at = now;
    // Each edit of the content is an event too, so the story's history says who changed what.
    const edit = <K extends keyof Story>(field: K, kind: StoryEventKind, to: Story[K] | undefined) => {
      if (to === undefined || JSON.stringify(to) === JSON.stringify(current[field])) return;
      set[field] = to;
      recordEvent(tx, current, project.timeZone, actor.id, kind, current[field], to, at);
    };
    edit("title", "title", change.title);
    edit("type", "type", change.type);
    edit("description", "description", change.description);
    edit("acceptanceCriteria", "criteria", change.acceptanceCriteria);
    edit("featureId", "feature", change.featureId);
    edit("assigneeId", "assignee", change.assigneeId);
    if (change.rank !== undefined) set.rank = change.rank;
    if (change.points !== undefined && change.points !== current.points) {
      set.points = change.points;
      recordEvent(tx, current, project.timeZone, actor.id, "estimate", current.points, change.points, at);
    }
    if (change.status !== undefined && change.status !== current.status) {
      set.status = change.status;
      recordEvent(tx, current, project.timeZone, actor.id, "status", current.status, change.status, at);
      if (change.status === "done") notifyAwaitingDecision(tx, { ...current, sprintId: change.sprintId !== undefined ? change.sprintId : current.sprintId }, actor.id, now);
    }
    if (change.sprintId !== undefined && change.sprintId !== current.sprintId) {
      set.sprintId = change.sprintId;
      recordEvent(tx, current, project.timeZone, actor.id, "sprint", current.sprintId, change.sprintId, at);
    }
    if (Object.keys(set).length) tx.update(stories).set(set).where(eq(stories.id, storyId)).run();
    if (change.testStatus !== undefined || change.testNote !== undefined) {
      const to = change.testStatus ?? current.testStatus ?? "testing";
      applyCustomerTest(tx, actor, tx.select().from(stories).where(eq(stories.id, storyId)).get()!, project, to, change.testNote ?? "", now);
    }
    return tx.select().from(stories).where(eq(stories.id, storyId)).get()!;
  });
}

function checkMember(tx: DbOrTx, projectId: number, userId: number) {
  const member = tx.select({ userId: projectMembers.userId }).from(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))).get();
  if (!member) throw new DomainError("invalid", "Assign the story to a member of the project.", { fields: { assigneeId: "Choose a member of this project." } });
}

function rankedList(tx: DbOrTx, projectId: number) {
  return tx.select({ id: stories.id, rank: stories.rank }).from(stories).where(eq(stories.projectId, projectId)).orderBy(asc(stories.rank), asc(stories.id)).all();
}

/** Where a story stands in its project's backlog, from 1 at the top. */
export function backlogPosition(db: DbOrTx, story: Pick<Story, "id" | "projectId">): number {
  return rankedList(db, story.projectId).findIndex((s) => s.id === story.id) + 1;
}

function orderable(db: Db, actor: User, storyId: number): Story {
  const current = db.select().from(stories).where(eq(stories.id, storyId)).get();
  if (!current) throw new DomainError("not_found", "No such story.");
  requireProject(db, actor, current.projectId, "backlog.order");
  return current;
}

/**
 * Keyboard re-ordering of the one ranked list: up, down or to the top. `withinSection`: among the
 * stories of the same sprint (or of no sprint) that are still in the backlog, as the planning view
 * shows them; the rank still lands between two neighbours of the one list.
 */
export function moveStory(db: Db, actor: User, storyId: number, move: "up" | "down" | "top", options: { withinSection?: boolean } = {}): Story {
  const current = orderable(db, actor, storyId);
  return db.transaction((tx) => {
    const list = options.withinSection ? sectionList(tx, current) : rankedList(tx, current.projectId);
    const rank = rankForMove(list.map((s) => s.rank), list.findIndex((s) => s.id === storyId), move);
    if (rank !== null) tx.update(stories).set({ rank }).where(eq(stories.id, storyId)).run();
    return tx.select().from(stories).where(eq(stories.id, storyId)).get()!;
  });
}

/** The stories of a story's section of the planning view (same sprint or none, not won't do), in rank order. */
function sectionList(tx: DbOrTx, story: Pick<Story, "projectId" | "sprintId">) {
  return tx
    .select({ id: stories.id, rank: stories.rank })
    .from(stories)
    .where(and(eq(stories.projectId, story.projectId), story.sprintId === null ? isNull(stories.sprintId) : eq(stories.sprintId, story.sprintId), isNull(stories.wontDoAt)))
    .orderBy(asc(stories.rank), asc(stories.id))
    .all();
}

/** Where a story stands in its section of the planning view (its sprint, or the backlog), from 1. */
export function sectionPosition(db: DbOrTx, story: Pick<Story, "id" | "projectId" | "sprintId">): number {
  return sectionList(db, story).findIndex((s) => s.id === story.id) + 1;
}

/**
 * Drag and drop: place a story right after another one (`afterId` null: at the top). With
 * `sprintId` (null: the backlog) it is planned there too, in the same transaction, through
 * updateStory's rules (a closed sprint, an accepted story that keeps its sprint).
 */
export function placeStory(db: Db, actor: User, storyId: number, afterId: number | null, sprintId?: number | null): Story {
  const current = orderable(db, actor, storyId);
  return db.transaction((tx) => {
    if (sprintId !== undefined) updateStory(tx, actor, storyId, { sprintId });
    const list = rankedList(tx, current.projectId).filter((s) => s.id !== storyId);
    const index = afterId === null ? -1 : list.findIndex((s) => s.id === afterId);
    if (afterId !== null && index < 0) throw new DomainError("invalid", "Drop the story next to a story of the same project.");
    const rank = rankBetween(index >= 0 ? list[index].rank : null, list[index + 1]?.rank ?? null);
    tx.update(stories).set({ rank }).where(eq(stories.id, storyId)).run();
    return tx.select().from(stories).where(eq(stories.id, storyId)).get()!;
  });
}

export const BacklogFilterSchema = z.object({
  sprint: z.enum(["none"]).optional(),
  feature: z.coerce.number().int().positive().optional(),
  type: z.enum(STORY_TYPES).optional(),
  ready: z.enum(["yes", "no"]).optional(),
  unestimated: z.enum(["yes"]).optional(),
  wontDo: z.enum(["yes"], { error: "wontDo is yes, or left out." }).optional(),
  q: z.string({ error: "q is text." }).trim().max(200, "Keep the search under 200 characters.").optional(),
});

/** Every story of the project in rank order (sprint-planned ones included unless `sprint=none`). */
export function listBacklog(db: Db, viewer: User, projectId: number, input: unknown = {}): Story[] {
  requireProject(db, viewer, projectId, "project.read");
  // An empty choice in the filter form means "any".
  const given = Object.entries((input ?? {}) as Record<string, unknown>).filter(([, v]) => v !== "" && v !== undefined);
  const f = parseInput(BacklogFilterSchema, Object.fromEntries(given));
  const conditions: SQL[] = [eq(stories.projectId, projectId)];
  if (f.sprint === "none") conditions.push(isNull(stories.sprintId));
  if (f.feature) conditions.push(eq(stories.featureId, f.feature));
  if (f.type) conditions.push(eq(stories.type, f.type));
  if (f.unestimated) conditions.push(isNull(stories.points));
  // Text search by key or title; one project's stories, so a LIKE is quick enough.
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${stories.title} like ${pattern} escape '\\'`, sql`${stories.key} like ${pattern} escape '\\'`)!);
  }
  // Won't-do stories have left the backlog (SPEC A2); `wontDo=yes` lists them instead.
  conditions.push(f.wontDo ? isNotNull(stories.wontDoAt) : isNull(stories.wontDoAt));
  const rows = db.select().from(stories).where(and(...conditions)).orderBy(asc(stories.rank), asc(stories.id)).all();
  return f.ready ? rows.filter((s) => isReady(s) === (f.ready === "yes")) : rows;
}

export function getStory(db: Db, viewer: User, storyId: number): Story {
  const story = db.select().from(stories).where(eq(stories.id, storyId)).get();
  if (!story) throw new DomainError("not_found", "No such story.");
  requireProject(db, viewer, story.projectId, "project.read");
  return story;
}

export const FeatureSchema = z.object({
  name: z.string({ error: "Name the feature." }).overwrite(oneLine).trim().min(2, "Name the feature.").max(120),
  description: z.string().max(5000).optional().default(""),
});

export function createFeature(db: Db, actor: User, projectId: number, input: unknown) {
  requireProject(db, actor, projectId, "features.manage");
  const data = parseInput(FeatureSchema, input);
  return db.insert(features).values({ projectId, name: data.name, description: data.description }).returning().get();
}

export function listFeatures(db: DbOrTx, projectId: number) {
  return db.select().from(features).where(eq(features.projectId, projectId)).orderBy(asc(features.id)).all();
}

export const BulkChangeSchema = z.object({
  storyIds: z.array(idSchema("Choose stories.")).min(1, "Tick at least one story.").max(500, "At most 500 stories at once."),
  change: z.union([
    z.object({ sprintId: idSchema("Choose a sprint.").nullable() }).strict(),
    z.object({ featureId: idSchema("Choose a feature.").nullable() }).strict(),
    z.object({ points: Points }).strict(),
  ]),
});

/**
 * Bulk edit from the backlog: plan the chosen stories into a sprint (or back to the backlog), set
 * their feature or their points, each through updateStory's permissions and rules, all in one
 * transaction: one refusal (an accepted story keeps its sprint and points) changes nothing, and
 * names the story.
 */
export function bulkUpdateStories(db: Db, actor: User, projectId: number, input: unknown, now = new Date()): Story[] {
  requireProject(db, actor, projectId, "project.read");
  const { storyIds, change } = parseInput(BulkChangeSchema, input);
  return db.transaction((tx) => {
    const found = tx.select().from(stories).where(and(eq(stories.projectId, projectId), inArray(stories.id, storyIds))).orderBy(asc(stories.rank), asc(stories.id)).all();
    if (found.length !== new Set(storyIds).size) throw new DomainError("invalid", "Some of the chosen stories are not in this project.", { fields: { storyIds: "Choose stories of this project." } });
    return found.map((s) => {
      try {
        return updateStory(tx, actor, s.id, change, now);
      } catch (error) {
        if (error instanceof DomainError && error.code !== "forbidden" && error.code !== "not_found") {
          throw new DomainError(error.code, `${s.key}: ${error.message} Nothing was changed.`, { fields: error.fields });
        }
        throw error;
      }
    });
  });
}
