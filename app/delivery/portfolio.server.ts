import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { blockers, releaseBaselines, sprints, statusReports, stories } from "../../db/schema";
import { ageInDays } from "./blockers";
import type { User } from "../auth/users.server";
import { parseInput } from "../lib/validation";
import { listProjects, phaseOf, projectToday, requireProject } from "./projects.server";
import { featureScopes, goLivesOf, planFrom } from "./release.server";
import { velocityOf } from "./sprints.server";
import { lastThree } from "./velocity";
import { sprintEndOn } from "./portfolio";

/**
 * One row per project the viewer may see (SPEC A10). Each kind of row is read for every project
 * in one query and grouped here: the page costs the same dozen queries for 5 projects or 500.
 */
export function portfolio(db: Db, viewer: User) {
  const list = listProjects(db, viewer);
  if (!list.length) return [];
  const ids = list.map((p) => p.id);
  const group = <T extends { projectId: number }>(rows: T[]) => {
    const byProject = new Map<number, T[]>(ids.map((id) => [id, []]));
    for (const row of rows) byProject.get(row.projectId)!.push(row);
    return byProject;
  };
  const sprintsOf = group(db.select().from(sprints).where(inArray(sprints.projectId, ids)).orderBy(asc(sprints.number)).all());
  const goLivesOfProject = group(goLivesOf(db, ids));
  const scopesOf = group(featureScopes(db, ids));
  const figures = new Map(
    db
      .select({
        projectId: stories.projectId,
        doneNotAccepted: sql<number>`coalesce(sum(case when ${stories.status} = 'done' then ${stories.points} else 0 end), 0)`,
        acceptedNotPassed: sql<number>`sum(case when ${stories.status} = 'accepted' and coalesce(${stories.testStatus}, '') <> 'passed' then 1 else 0 end)`,
        scope: sql<number>`coalesce(sum(${stories.points}), 0)`,
      })
      .from(stories)
      .where(inArray(stories.projectId, ids))
      .groupBy(stories.projectId)
      .all()
      .map((f) => [f.projectId, f]),
  );
  const blockersOf = group(db.select({ projectId: blockers.projectId, raisedAt: blockers.raisedAt }).from(blockers).where(and(inArray(blockers.projectId, ids), isNull(blockers.resolvedAt))).all());
  const baselines = new Map(db.select().from(releaseBaselines).where(inArray(releaseBaselines.projectId, ids)).all().map((b) => [b.projectId, b]));
  const latest = db
    .select({ projectId: statusReports.projectId, latestAt: sql<string>`max(${statusReports.at})`.as("latest_at") })
    .from(statusReports)
    .where(inArray(statusReports.projectId, ids))
    .groupBy(statusReports.projectId)
    .as("latest");
  // Two reports of the same moment: the one written last (highest id) stands.
  const statuses = new Map(
    db
      .select({ projectId: statusReports.projectId, rag: statusReports.rag, note: statusReports.note, at: statusReports.at })
      .from(statusReports)
      .innerJoin(latest, and(eq(latest.projectId, statusReports.projectId), eq(latest.latestAt, statusReports.at)))
      .orderBy(asc(statusReports.id))
      .all()
      .map(({ projectId, ...status }) => [projectId, status]),
  );
  return list.map((project) => {
    const projectSprints = sprintsOf.get(project.id)!;
    const active = projectSprints.find((s) => s.state === "active");
    const v = lastThree(velocityOf(projectSprints).closed);
    const plan = planFrom(project, projectSprints, goLivesOfProject.get(project.id)!, scopesOf.get(project.id)!);
    // A go-live with nothing in its scope ships nothing: the next one is the next with scope.
    const next = plan.goLives.find((g) => !g.doneAt && !g.noScope);
    const figure = figures.get(project.id);
    const openBlockers = blockersOf.get(project.id)!;
    const today = projectToday(project);
    const baseline = baselines.get(project.id);
    const scope = figure?.scope ?? 0;
    return {
      id: project.id,
      name: project.name,
      customer: project.customer,
      kind: project.kind,
      phase: phaseOf(project, active?.number ?? null),
      activeSprint: active ? { id: active.id, number: active.number, end: active.end } : null,
      velocity: v ? Math.round(v.mean * 10) / 10 : null,
      // Planned: the cutover date; forecast: the end of the sprint the forecast finishes it in.
      nextGoLive: next
        ? { name: next.name, sprint: next.sprint, forecastSprint: next.forecastSprint, atRisk: next.atRisk, cutoverOn: next.cutoverOn, forecastOn: next.forecastSprint === null ? null : sprintEndOn(projectSprints, next.forecastSprint) }
        : null,
      doneNotAccepted: figure?.doneNotAccepted ?? 0,
      acceptedNotPassed: figure?.acceptedNotPassed ?? 0,
      blockers: { open: openBlockers.length, oldestDays: openBlockers.length ? Math.max(...openBlockers.map((b) => ageInDays(b.raisedAt, today))) : null },
      scopeGrowth: baseline ? { points: scope - baseline.totalPoints, baseline: baseline.totalPoints } : null,
      status: statuses.get(project.id) ?? null,
    };
  });
}

export const StatusReportSchema = z.object({
  rag: z.enum(["red", "amber", "green"], { error: "Choose red, amber or green." }),
  note: z.string({ error: "Add a note." }).trim().min(3, "Add a short note.").max(2000),
});

/** The scrum master's weekly red / amber / green status with a note. */
export function reportStatus(db: Db, actor: User, projectId: number, input: unknown) {
  requireProject(db, actor, projectId, "project.manage");
  const data = parseInput(StatusReportSchema, input);
  db.insert(statusReports).values({ projectId, byId: actor.id, rag: data.rag, note: data.note }).run();
}

