import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { features, goLives, projectMembers, projects, releaseBaselines, sprints, storyEvents, stories } from "../../db/schema";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, givenFields, parseInput, oneLine } from "../lib/validation";
import { stateAt } from "./burndown";
import { burnup } from "./burnup";
import { PROJECT_KINDS } from "../../db/schema/enums";
import { ProjectKeySchema, checkCalendar, getProject, kickoffOf, requireProject, type Project } from "./projects.server";
import { projectKeyFor } from "./story-keys.server";
import { listSprints, projectVelocity, relaySprints, toStoryEvent } from "./sprints.server";
import { lastThree } from "./velocity";
import { planOf } from "./release.server";
import { isValidTimeZone } from "../calendar/business-days";

export const ProjectChangeSchema = z.object({
  name: z.string().overwrite(oneLine).trim().min(3, "Name the project.").max(120).optional(),
  customer: z.string().trim().min(2, "Name the customer.").max(120).optional(),
  kind: z.enum(PROJECT_KINDS).optional(),
  sowSignedOn: IsoDateSchema.optional(),
  staffedOn: IsoDateSchema.optional(),
  kickoffStart: IsoDateSchema.nullable().optional(),
  kickoffWeeks: z.coerce.number().optional(),
  timeZone: z.string().trim().refine(isValidTimeZone, "Use a time zone like Europe/London.").optional(),
  calendarId: z.coerce.number().int().positive().nullable().optional(),
  key: ProjectKeySchema.optional(),
});

/**
 * Edit a project (scrum master). A change of its kickoff dates re-lays every planned sprint end
 * to end in the same transaction; active and closed sprints never move.
 */
export function updateProject(db: Db, actor: User, projectId: number, input: unknown): Project {
  requireProject(db, actor, projectId, "project.manage");
  const change = givenFields(parseInput(ProjectChangeSchema, input));
  return db.transaction((tx) => {
    const current = tx.select().from(projects).where(eq(projects.id, projectId)).get()!;
    checkCalendar(tx, change.calendarId);
    if (change.key !== undefined && change.key !== current.key) {
      // Story keys are made of it and never change: the key stays once the first story has one.
      if (current.lastStoryNumber > 0) throw new DomainError("conflict", `The key stays ${current.key}: stories already carry it.`, { fields: { key: `Stories already carry ${current.key}, so the key stays.` } });
      projectKeyFor(tx, current.name, change.key, projectId);
    }
    const next = { ...current, ...change };
    const [was, will] = [kickoffOf(current), kickoffOf(next)];
    if (was.start !== will.start || was.end !== will.end) {
      // Sprint 1 is laid from the kickoff: once a sprint has started, the kickoff is history (SPEC A3).
      const started = tx.select({ number: sprints.number }).from(sprints).where(and(eq(sprints.projectId, projectId), ne(sprints.state, "planned"))).orderBy(asc(sprints.number)).get();
      if (started) {
        throw new DomainError("conflict", `Kickoff dates cannot move: sprint ${started.number} has started. Give a planned sprint a later start instead.`, { fields: { kickoffStart: "Sprint work has started: the kickoff dates stay." } });
      }
    }
    if (Object.keys(change).length) tx.update(projects).set(change).where(eq(projects.id, projectId)).run();
    relaySprints(tx, next);
    return tx.select().from(projects).where(eq(projects.id, projectId)).get()!;
  });
}

/**
 * End kickoff: freeze the release baseline (points and cutover date per go-live), recorded as
 * agreed by a named co-product owner of the project. Once only.
 */
export function endKickoff(db: Db, actor: User, projectId: number, input: unknown) {
  requireProject(db, actor, projectId, "project.manage");
  const { agreedBy } = parseInput(z.object({ agreedBy: z.coerce.number({ error: "Name the co-product owner who agreed." }).int().positive("Name the co-product owner who agreed.") }), input);
  return db.transaction((tx) => {
    const project = tx.select().from(projects).where(eq(projects.id, projectId)).get()!;
    if (project.kickoffEndedAt) throw new DomainError("conflict", "Kickoff has already ended; the baseline is frozen.");
    const member = tx.select({ role: projectMembers.role }).from(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, agreedBy))).get();
    if (member?.role !== "co_product_owner") throw new DomainError("invalid", "The baseline is agreed by a co-product owner of this project.", { fields: { agreedBy: "Choose a co-product owner of this project." } });
    const lives = tx.select().from(goLives).where(eq(goLives.projectId, projectId)).orderBy(asc(goLives.cutoverOn)).all();
    const pointsOf = (goLiveId: number) =>
      tx
        .select({ points: stories.points })
        .from(stories)
        .innerJoin(features, eq(features.id, stories.featureId))
        .where(eq(features.goLiveId, goLiveId))
        .all()
        .reduce((n, s) => n + (s.points ?? 0), 0);
    const total = tx.select({ points: stories.points }).from(stories).where(eq(stories.projectId, projectId)).all().reduce((n, s) => n + (s.points ?? 0), 0);
    const baseline = tx
      .insert(releaseBaselines)
      .values({ projectId, agreedById: agreedBy, recordedById: actor.id, totalPoints: total, goLives: lives.map((g) => ({ id: g.id, name: g.name, points: pointsOf(g.id), cutoverOn: g.cutoverOn })) })
      .returning()
      .get();
    tx.update(projects).set({ kickoffEndedAt: new Date().toISOString() }).where(eq(projects.id, projectId)).run();
    return baseline;
  });
}

export function getBaseline(db: Db, projectId: number) {
  return db.select().from(releaseBaselines).where(eq(releaseBaselines.projectId, projectId)).get() ?? null;
}

/**
 * The release burnup, rebuilt from the events at each sprint's close (and now, for the active one),
 * running on to the sprint the release plan forecasts the last open go-live to finish in.
 */
export function projectBurnup(db: Db, viewer: User, projectId: number) {
  const { project } = getProject(db, viewer, projectId);
  const events = db
    .select({ seq: storyEvents.id, storyId: storyEvents.storyId, at: storyEvents.at, date: storyEvents.date, kind: storyEvents.kind, to: storyEvents.toValue })
    .from(storyEvents)
    .where(eq(storyEvents.projectId, project.id))
    .orderBy(asc(storyEvents.id))
    .all()
    .map(toStoryEvent);
  const measure = (seq: number) => {
    // A story closed as won't do leaves the scope from then on (and comes back if restored).
    const all = [...stateAt(events, seq).values()].filter((s) => !s.wontDo);
    return { scope: all.reduce((n, s) => n + s.points, 0), accepted: all.filter((s) => s.status === "accepted").reduce((n, s) => n + s.points, 0) };
  };
  const list = listSprints(db, project.id);
  const lives = db.select({ name: goLives.name, sprintId: goLives.sprintId }).from(goLives).where(eq(goLives.projectId, project.id)).all();
  const finishes = planOf(db, project).goLives.filter((g) => !g.doneAt).map((g) => g.forecastSprint ?? 0);
  const points = burnup({
    baseline: getBaseline(db, project.id)?.totalPoints ?? null,
    forecastFinish: finishes.length ? Math.max(...finishes) : null,
    velocity: lastThree(projectVelocity(db, project.id).closed),
    sprints: list.map((s) => ({
      number: s.number,
      closed: s.state === "closed",
      measured: s.state === "closed" && s.closeSeq !== null ? measure(s.closeSeq) : s.state === "active" ? measure(Number.MAX_SAFE_INTEGER) : null,
    })),
  });
  return points.map((p) => ({ ...p, goLives: lives.filter((g) => list.find((s) => s.id === g.sprintId)?.number === p.sprint).map((g) => g.name) }));
}

