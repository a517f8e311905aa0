import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { blockers, features, ideaFeatureLinks, ideas, projectMembers, projects as projectsTable, sprints, statusReports, stories, users } from "../../db/schema";
import { seedDemo } from "../../db/seed";
import { getBaseline } from "~/delivery/baseline.server";
import { portfolio } from "~/delivery/portfolio.server";
import { listProjects, projectPhase } from "~/delivery/projects.server";
import { releasePlan } from "~/delivery/release.server";
import { projectVelocity } from "~/delivery/sprints.server";
import { lastThree } from "~/delivery/velocity";
import type { User } from "~/auth/users.server";
import { freshDb } from "../support/db";

let db: Db;
let staff: User;
beforeAll(async () => {
  db = freshDb();
  await seedDemo(db);
  staff = db.select().from(users).where(eq(users.email, "sm@example.com")).get() as User;
}, 120_000);

describe("the portfolio reads every project at once (SPEC A10)", () => {
  it("gives each project the same figures as reading that project alone", () => {
    const rows = portfolio(db, staff);
    const projects = listProjects(db, staff);
    expect(rows.map((r) => r.id)).toEqual(projects.map((p) => p.id));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const project of projects) {
      const row = rows.find((r) => r.id === project.id)!;
      const plan = releasePlan(db, staff, project.id);
      const next = plan.goLives.find((g) => !g.doneAt && !g.noScope);
      const v = lastThree(projectVelocity(db, project.id).closed);
      const sumOf = (where: ReturnType<typeof and>) => db.select({ n: sql<number>`coalesce(sum(${stories.points}), 0)` }).from(stories).where(where).get()!.n;
      const untested = db.select({ n: sql<number>`count(*)` }).from(stories).where(and(eq(stories.projectId, project.id), eq(stories.status, "accepted"), sql`coalesce(${stories.testStatus}, '') <> 'passed'`)).get()!.n;
      const open = db.select().from(blockers).where(and(eq(blockers.projectId, project.id), isNull(blockers.resolvedAt))).all();
      const status = db.select({ rag: statusReports.rag, note: statusReports.note, at: statusReports.at }).from(statusReports).where(eq(statusReports.projectId, project.id)).orderBy(desc(statusReports.at)).limit(1).get() ?? null;
      const baseline = getBaseline(db, project.id);
      expect(row, project.name).toMatchObject({
        phase: projectPhase(db, project),
        velocity: v ? Math.round(v.mean * 10) / 10 : null,
        nextGoLive: next ? { name: next.name, sprint: next.sprint, forecastSprint: next.forecastSprint, atRisk: next.atRisk, cutoverOn: next.cutoverOn } : null,
        doneNotAccepted: sumOf(and(eq(stories.projectId, project.id), eq(stories.status, "done"))),
        acceptedNotPassed: untested,
        blockers: { open: open.length },
        scopeGrowth: baseline ? { points: sumOf(eq(stories.projectId, project.id)) - baseline.totalPoints, baseline: baseline.totalPoints } : null,
        status,
      });
    }
    // The demo tells something in each column: a velocity, a go-live, a status and open blockers somewhere.
    expect(rows.some((r) => r.velocity !== null && r.nextGoLive !== null && r.status !== null)).toBe(true);
    expect(rows.some((r) => r.blockers.open > 0)).toBe(true);
  });
});

describe("the demo's projects tell one story (issue 13)", () => {
  it("has Acme as a customer engagement and a separate product release whose features the ideas link to, in step with its sprints", () => {
    const projects = db.select({ id: projectsTable.id, key: projectsTable.key, kind: projectsTable.kind, name: projectsTable.name }).from(projectsTable).all();
    expect(projects.find((p) => p.key === "ACME")?.kind).toBe("customer_engagement");
    const release = projects.find((p) => p.kind === "product_release")!;
    expect(release.name).toMatch(/PureEngage 9\.3/);
    const links = db
      .select({ idea: ideas.status, featureProject: features.projectId, featureId: features.id })
      .from(ideaFeatureLinks)
      .innerJoin(ideas, eq(ideas.id, ideaFeatureLinks.ideaId))
      .innerJoin(features, eq(features.id, ideaFeatureLinks.featureId))
      .all();
    expect(links.length).toBe(2);
    expect(links.every((l) => l.featureProject === release.id)).toBe(true);
    // An idea In Development has a story in the running sprint; an Accepted one does not yet.
    const inActiveSprint = (featureId: number) =>
      db.select({ n: sql<number>`count(*)` }).from(stories).innerJoin(sprints, eq(sprints.id, stories.sprintId)).where(and(eq(stories.featureId, featureId), eq(sprints.state, "active"))).get()!.n;
    for (const link of links) expect(inActiveSprint(link.featureId) > 0, link.idea).toBe(link.idea === "in_development");
    // The product manager holds the release's co-product owner seat; the release's PM agreed its baseline.
    const pm = db.select().from(users).where(eq(users.email, "pm@example.com")).get()!;
    expect(db.select({ role: projectMembers.role }).from(projectMembers).where(and(eq(projectMembers.projectId, release.id), eq(projectMembers.userId, pm.id))).get()?.role).toBe("co_product_owner");
    expect(getBaseline(db, release.id)).not.toBeNull();
  });
});
