import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { addDays, format, parseISO } from "date-fns";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { features, goLiveChanges, goLives, projectMembers, sprints, stories, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { notify } from "../notifications/notify.server";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, idSchema, parseInput, oneLine } from "../lib/validation";
import { forecast } from "./forecast";
import { getProject, kickoffOf, requireProject, type Project } from "./projects.server";
import { listSprints, projectHolidays, sprintJson, velocityOf, type Sprint } from "./sprints.server";
import { sprintWorkingDays } from "./sprints";
import { hypercareAfterMove } from "./edit-rules";

export type GoLive = typeof goLives.$inferSelect;

export const HYPERCARE_DAYS = 14;

export const GoLiveSchema = z.object({
  name: z.string({ error: "Name the go-live." }).overwrite(oneLine).trim().min(2, "Name the go-live.").max(120),
  sprintId: idSchema("Choose the sprint it ships in."),
  featureIds: z.array(idSchema("Choose features by their ids."), { error: "Features are a list of ids." }).min(1, "Choose at least one feature for its scope.").max(200),
  cutoverOn: IsoDateSchema.optional(),
});

/**
 * A go-live owns a scope of features and ships with a sprint; its cutover defaults to the last
 * working day of that sprint and hypercare to two weeks after. Features moved in are logged.
 */
export function createGoLive(db: Db, actor: User, projectId: number, input: unknown): GoLive {
  const { project } = requireProject(db, actor, projectId, "goLives.manage");
  const data = parseInput(GoLiveSchema, input);
  return db.transaction((tx) => {
    const sprint = tx.select().from(sprints).where(eq(sprints.id, data.sprintId)).get();
    if (!sprint || sprint.projectId !== projectId) throw new DomainError("invalid", "Choose a sprint of this project.", { fields: { sprintId: "Choose a sprint of this project." } });
    const cutoverOn = data.cutoverOn ?? sprintWorkingDays(sprint, projectHolidays(tx, project)).at(-1) ?? sprint.end;
    refuseEarlyCutover(cutoverOn, sprint);
    const goLive = tx
      .insert(goLives)
      .values({ projectId, name: data.name, sprintId: sprint.id, cutoverOn, hypercareEnd: format(addDays(parseISO(cutoverOn), HYPERCARE_DAYS), "yyyy-MM-dd") })
      .returning()
      .get();
    moveFeatures(tx, actor, projectId, goLive.id, data.featureIds, "Scoped at creation");
    return goLive;
  });
}

/** A go-live ships with its sprint: its cutover cannot come before that sprint starts (SPEC A8). */
export function refuseEarlyCutover(cutoverOn: string, sprint: { number: number; start: string }) {
  if (cutoverOn < sprint.start) {
    throw new DomainError("invalid", `The cutover cannot fall before sprint ${sprint.number} starts on ${sprint.start}.`, { fields: { cutoverOn: `Choose ${sprint.start} or later: sprint ${sprint.number} starts then.` } });
  }
}

export function moveFeatures(tx: DbOrTx, actor: User, projectId: number, goLiveId: number, featureIds: number[], reason: string) {
  if (!featureIds.length) return;
  const found = tx.select().from(features).where(and(eq(features.projectId, projectId), inArray(features.id, featureIds))).all();
  if (found.length !== new Set(featureIds).size) throw new DomainError("invalid", "Some features are not in this project.", { fields: { featureIds: "Choose features of this project." } });
  for (const f of found) {
    if (f.goLiveId === goLiveId) continue;
    if (f.goLiveId) tx.insert(goLiveChanges).values({ goLiveId: f.goLiveId, byId: actor.id, kind: "feature_out", fromValue: f.name, toValue: String(goLiveId), reason }).run();
    tx.insert(goLiveChanges).values({ goLiveId, byId: actor.id, kind: "feature_in", fromValue: f.goLiveId ? String(f.goLiveId) : null, toValue: f.name, reason }).run();
    tx.update(features).set({ goLiveId }).where(eq(features.id, f.id)).run();
  }
}

/** The API's GoLive. */
export function goLiveJson(g: GoLive) {
  return { id: g.id, name: g.name, sprintId: g.sprintId, cutoverOn: g.cutoverOn, hypercareEnd: g.hypercareEnd, decision: g.decision, releaseNoteUrl: g.releaseNoteUrl, doneAt: g.doneAt };
}

/**
 * The release plan: kickoff, sprints, and each go-live (in cutover order) with its features, the
 * points still to accept, unestimated stories, and the cumulative forecast (SPEC A8).
 */
export function releasePlan(db: Db, viewer: User, projectId: number) {
  return planOf(db, getProject(db, viewer, projectId).project);
}

/** The release plan of a project the caller has already decided may be seen. */
export function planOf(db: Db, project: Project) {
  return planFrom(project, listSprints(db, project.id), goLivesOf(db, [project.id]), featureScopes(db, [project.id]));
}

/** The go-lives of some projects, in cutover order. */
export function goLivesOf(db: DbOrTx, projectIds: number[]): GoLive[] {
  if (!projectIds.length) return [];
  return db.select().from(goLives).where(inArray(goLives.projectId, projectIds)).orderBy(asc(goLives.cutoverOn), asc(goLives.id)).all();
}

export type FeatureScope = ReturnType<typeof featureScopes>[number];

/** Every feature of some projects with the points still to accept and its stories counted: one query. */
export function featureScopes(db: DbOrTx, projectIds: number[]) {
  if (!projectIds.length) return [];
  return db
    .select({
      projectId: features.projectId,
      goLiveId: features.goLiveId,
      featureId: features.id,
      name: features.name,
      remaining: sql<number>`coalesce(sum(case when ${stories.status} <> 'accepted' then ${stories.points} else 0 end), 0)`,
      unestimated: sql<number>`sum(case when ${stories.id} is not null and ${stories.points} is null and ${stories.status} <> 'accepted' then 1 else 0 end)`,
      total: sql<number>`count(${stories.id})`,
      accepted: sql<number>`sum(case when ${stories.status} = 'accepted' then 1 else 0 end)`,
      passed: sql<number>`sum(case when ${stories.status} = 'accepted' and ${stories.testStatus} = 'passed' then 1 else 0 end)`,
    })
    .from(features)
    .leftJoin(stories, eq(stories.featureId, features.id))
    .where(inArray(features.projectId, projectIds))
    .groupBy(features.id)
    .all();
}

/**
 * The release plan from a project's rows already read (its sprints in number order, go-lives in
 * cutover order, feature scopes): the portfolio reads them for every project at once.
 */
export function planFrom(project: Project, allSprints: Sprint[], lives: GoLive[], scope: FeatureScope[]) {
  const kickoff = kickoffOf(project);
  const { closed } = velocityOf(allSprints);
  const firstOpen = allSprints.find((s) => s.state !== "closed");
  const numberOf = new Map(allSprints.map((s) => [s.id, s.number]));
  const result = forecast({
    closed,
    plannedCapacity: firstOpen?.capacity ?? null,
    firstOpenSprint: firstOpen?.number ?? (allSprints.at(-1)?.number ?? 0) + 1,
    goLives: lives.map((g) => {
      const mine = scope.filter((f) => f.goLiveId === g.id);
      return {
        id: g.id,
        sprintNumber: numberOf.get(g.sprintId) ?? 0,
        remainingPoints: mine.reduce((n, f) => n + f.remaining, 0),
        unestimated: mine.reduce((n, f) => n + (f.unestimated ?? 0), 0),
        stories: mine.reduce((n, f) => n + f.total, 0),
      };
    }),
  });
  return {
    project,
    kickoff,
    sprints: allSprints,
    velocity: result.velocity,
    unscoped: scope.filter((f) => f.goLiveId === null),
    goLives: lives.map((g, i) => ({
      ...g,
      sprint: numberOf.get(g.sprintId) ?? null,
      features: scope.filter((f) => f.goLiveId === g.id),
      ...result.goLives[i],
    })),
  };
}

export function releasePlanJson(plan: ReturnType<typeof releasePlan>) {
  return {
    kickoff: plan.kickoff,
    sprints: plan.sprints.map(sprintJson),
    goLives: plan.goLives.map((g) => ({
      id: g.id,
      name: g.name,
      sprint: g.sprint,
      cutoverOn: g.cutoverOn,
      features: g.features.map((f) => ({ id: f.featureId, name: f.name })),
      forecastSprint: g.forecastSprint,
      optimisticSprint: g.optimisticSprint,
      pessimisticSprint: g.pessimisticSprint,
      unestimated: g.unestimated,
      noScope: g.noScope,
      atRisk: g.atRisk,
    })),
  };
}

export function findGoLive(db: DbOrTx, goLiveId: number): GoLive {
  const goLive = db.select().from(goLives).where(eq(goLives.id, goLiveId)).get();
  if (!goLive) throw new DomainError("not_found", "No such go-live.");
  return goLive;
}

/**
 * Go / no-go (SPEC A5, A8): a co-product owner decides, or the scrum master records the decision
 * on behalf of a named co-product owner of the project.
 */
export function decideGoLive(db: Db, actor: User, goLiveId: number, input: unknown, now = new Date()): GoLive {
  const goLive = findGoLive(db, goLiveId);
  const { role } = getProject(db, actor, goLive.projectId);
  const data = parseInput(
    z.object({
      decision: z.enum(["go", "no_go"], { error: "Decide go or no_go." }),
      onBehalfOf: z.coerce.number().int().positive().optional(),
      comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").optional().default(""),
    }),
    input,
  );
  let decidedBy = actor.id;
  if (data.onBehalfOf) {
    if (!projectCan(actor.role, role, "demo.decideOnBehalf")) throw new DomainError("forbidden", "Only the scrum master records a decision on someone's behalf.");
    const onBehalf = db.select({ role: projectMembers.role }).from(projectMembers).where(and(eq(projectMembers.projectId, goLive.projectId), eq(projectMembers.userId, data.onBehalfOf))).get();
    if (onBehalf?.role !== "co_product_owner") throw new DomainError("invalid", "Name a co-product owner of this project.", { fields: { onBehalfOf: "Choose a co-product owner." } });
    decidedBy = data.onBehalfOf;
  } else if (!projectCan(actor.role, role, "goLives.decide")) {
    throw new DomainError("forbidden", "Only a co-product owner decides go / no-go (or the scrum master on their behalf).");
  }
  if (goLive.doneAt) throw new DomainError("conflict", "This go-live is already done.");
  if (data.decision === "no_go" && !data.comment) throw new DomainError("invalid", "Say why it is a no-go.", { fields: { comment: "Say why it is a no-go." } });
  return db.transaction((tx) => {
    const saved = tx
      .update(goLives)
      .set({ decision: data.decision, decidedById: decidedBy, decisionRecordedById: actor.id, decidedAt: now.toISOString(), decisionComment: data.comment })
      .where(eq(goLives.id, goLiveId))
      .returning()
      .get();
    if (decidedBy !== actor.id) {
      notify(tx, [decidedBy], { text: `${actor.name} recorded your ${data.decision === "go" ? "go" : "no-go"} for ${goLive.name}`, link: `/go-lives/${goLiveId}/acceptance`, projectId: goLive.projectId }, actor.id);
    }
    return saved;
  });
}

/** Move a go-live's cutover (hypercare follows), logging who and why. */
export function changeCutover(db: Db, actor: User, goLiveId: number, input: unknown): GoLive {
  const goLive = findGoLive(db, goLiveId);
  requireProject(db, actor, goLive.projectId, "goLives.manage");
  const data = parseInput(z.object({ cutoverOn: IsoDateSchema, reason: z.string({ error: "Say why the date moves." }).trim().min(3, "Say why the date moves.").max(1000) }), input);
  return db.transaction((tx) => {
    refuseEarlyCutover(data.cutoverOn, tx.select().from(sprints).where(eq(sprints.id, goLive.sprintId)).get()!);
    tx.update(goLives)
      .set({
        cutoverOn: data.cutoverOn,
        hypercareEnd: hypercareAfterMove(goLive, data.cutoverOn),
        // A new version of the cutover's calendar entry: subscribed calendars take the new date.
        ...(data.cutoverOn !== goLive.cutoverOn ? { calendarSequence: goLive.calendarSequence + 1, calendarChangedAt: new Date().toISOString() } : {}),
      })
      .where(eq(goLives.id, goLiveId))
      .run();
    tx.insert(goLiveChanges).values({ goLiveId, byId: actor.id, kind: "date", fromValue: goLive.cutoverOn, toValue: data.cutoverOn, reason: data.reason }).run();
    return findGoLive(tx, goLiveId);
  });
}

/** Move a feature into a go-live's scope (out of another's), logging who and why. */
export function moveFeatureToGoLive(db: Db, actor: User, goLiveId: number, input: unknown): void {
  const goLive = findGoLive(db, goLiveId);
  requireProject(db, actor, goLive.projectId, "goLives.manage");
  const data = parseInput(z.object({ featureId: z.coerce.number().int().positive(), reason: z.string().trim().min(3, "Say why the feature moves.").max(1000) }), input);
  db.transaction((tx) => moveFeatures(tx, actor, goLive.projectId, goLiveId, [data.featureId], data.reason));
}

export function goLiveLog(db: DbOrTx, goLiveId: number) {
  return db
    .select({ kind: goLiveChanges.kind, from: goLiveChanges.fromValue, to: goLiveChanges.toValue, reason: goLiveChanges.reason, at: goLiveChanges.at, by: users.name })
    .from(goLiveChanges)
    .leftJoin(users, eq(users.id, goLiveChanges.byId))
    .where(eq(goLiveChanges.goLiveId, goLiveId))
    .orderBy(asc(goLiveChanges.id))
    .all();
}
