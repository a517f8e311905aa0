import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { blockers, sprints, statusReports, stories } from "../../db/schema";
import { ageInDays } from "./blockers";
import type { User } from "../auth/users.server";
import { parseInput } from "../lib/validation";
import { listProjects, projectPhase, projectToday, requireProject } from "./projects.server";
import { releasePlan } from "./release.server";
import { getBaseline } from "./baseline.server";
import { projectVelocity } from "./sprints.server";
import { lastThree } from "./velocity";
import { acceptedNotPassedCount } from "./customer-test.server";

/** One row per project the viewer may see (SPEC A10). */
export function portfolio(db: Db, viewer: User) {
  return listProjects(db, viewer).map((project) => {
    const active = db.select({ id: sprints.id, number: sprints.number, end: sprints.end }).from(sprints).where(and(eq(sprints.projectId, project.id), eq(sprints.state, "active"))).get();
    const v = lastThree(projectVelocity(db, project.id).closed);
    const plan = releasePlan(db, viewer, project.id);
    // A go-live with nothing in its scope ships nothing: the next one is the next with scope.
    const next = plan.goLives.find((g) => !g.doneAt && !g.noScope);
    const notAccepted = db
      .select({ n: sql<number>`coalesce(sum(${stories.points}), 0)` })
      .from(stories)
      .where(and(eq(stories.projectId, project.id), eq(stories.status, "done")))
      .get()!.n;
    const untested = acceptedNotPassedCount(db, project.id);
    const openBlockers = db.select({ raisedAt: blockers.raisedAt }).from(blockers).where(and(eq(blockers.projectId, project.id), isNull(blockers.resolvedAt))).all();
    const today = projectToday(project);
    const scope = db.select({ n: sql<number>`coalesce(sum(${stories.points}), 0)` }).from(stories).where(eq(stories.projectId, project.id)).get()!.n;
    const baseline = getBaseline(db, project.id);
    const status = db.select({ rag: statusReports.rag, note: statusReports.note, at: statusReports.at }).from(statusReports).where(eq(statusReports.projectId, project.id)).orderBy(desc(statusReports.at)).limit(1).get() ?? null;
    return {
      id: project.id,
      name: project.name,
      customer: project.customer,
      kind: project.kind,
      phase: projectPhase(db, project),
      activeSprint: active ?? null,
      velocity: v ? Math.round(v.mean * 10) / 10 : null,
      nextGoLive: next ? { name: next.name, sprint: next.sprint, forecastSprint: next.forecastSprint, atRisk: next.atRisk, cutoverOn: next.cutoverOn } : null,
      doneNotAccepted: notAccepted,
      acceptedNotPassed: untested,
      blockers: { open: openBlockers.length, oldestDays: openBlockers.length ? Math.max(...openBlockers.map((b) => ageInDays(b.raisedAt, today))) : null },
      scopeGrowth: baseline ? { points: scope - baseline.totalPoints, baseline: baseline.totalPoints } : null,
      status,
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

