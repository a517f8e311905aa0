import { and, asc, eq, gte, inArray, isNull, lte, ne, or } from "drizzle-orm";
import { addDays, format, parseISO } from "date-fns";
import type { Db } from "../../db/client.server";
import { blockers, ceremonies, goLives, projectMembers, projects, retroItems, sprints, stories } from "../../db/schema";
import type { ProjectRole } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { ageInDays } from "./blockers";
import { CEREMONY_NAMES, todayAndNext } from "./ceremonies";
import { projectNow } from "./ceremonies.server";
import { awaitsGoNoGo, byWorkOrder, sprintPoints, workingDaysLeft } from "./my-work";
import { projectToday, type Project } from "./projects.server";
import { sprintBurndown } from "./sprints.server";

/** How far ahead the page looks for a project's next ceremony (a gap between sprints is shorter). */
const CEREMONY_HORIZON_DAYS = 60;

/**
 * "My work" (issue 13): what one person owes on the projects they are a member of, today in each
 * project's time zone — stories assigned to them in running sprints, the demo decisions and go /
 * no-go decisions awaiting them as co-product owner, the open blockers and retrospective actions
 * they own, today's and the next ceremonies, and for a scrum master each running sprint at a
 * glance. Membership only: staff and admins, who may read every project, see here only their own.
 */
export function myWork(db: Db, user: User, now = new Date()) {
  const memberships = db
    .select({ project: projects, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, user.id))
    .orderBy(asc(projects.name))
    .all();
  const ids = memberships.map((m) => m.project.id);
  const byId = new Map(memberships.map((m) => [m.project.id, m]));
  const withRole = (...roles: ProjectRole[]) => memberships.filter((m) => roles.includes(m.role)).map((m) => m.project.id);
  const name = (projectId: number) => byId.get(projectId)!.project.name;
  const todayOf = (projectId: number) => projectToday(byId.get(projectId)!.project, now);
  const roles = { coProductOwner: withRole("co_product_owner").length > 0, scrumMaster: withRole("scrum_master").length > 0 };
  if (!ids.length) return { projectCount: 0, roles, assigned: [], demoDecisions: [], goNoGo: [], blockers: [], retroActions: [], ceremonies: [], sprints: [] };

  const active = db.select().from(sprints).where(and(inArray(sprints.projectId, ids), eq(sprints.state, "active"))).all();
  const activeOf = new Map(active.map((s) => [s.projectId, s]));

  const assigned = byWorkOrder(
    db
      .select({ id: stories.id, key: stories.key, title: stories.title, status: stories.status, points: stories.points, rank: stories.rank, projectId: stories.projectId, sprintId: sprints.id, sprintNumber: sprints.number })
      .from(stories)
      .innerJoin(sprints, eq(sprints.id, stories.sprintId))
      .where(and(eq(stories.assigneeId, user.id), inArray(stories.projectId, ids), eq(sprints.state, "active"), ne(stories.status, "accepted")))
      .all()
      .map((s) => ({ ...s, projectName: name(s.projectId) })),
  );

  // A demo decision can be recorded only while a sprint is active: done stories of that sprint, and
  // done ones a closed sprint sent to the backlog, which that sprint's demo lists (SPEC A3, A4).
  const deciding = withRole("co_product_owner").filter((id) => activeOf.has(id));
  const demoDecisions = deciding.length
    ? db
        .select({ id: stories.id, key: stories.key, title: stories.title, points: stories.points, projectId: stories.projectId, sprintId: stories.sprintId })
        .from(stories)
        .where(
          and(
            inArray(stories.projectId, deciding),
            eq(stories.status, "done"),
            isNull(stories.wontDoAt),
            or(isNull(stories.sprintId), inArray(stories.sprintId, deciding.map((id) => activeOf.get(id)!.id))),
          ),
        )
        .orderBy(asc(stories.projectId), asc(stories.rank))
        .all()
        .map((s) => {
          const sprint = activeOf.get(s.projectId)!;
          return { id: s.id, key: s.key, title: s.title, points: s.points, projectId: s.projectId, projectName: name(s.projectId), sprintId: sprint.id, sprintNumber: sprint.number, carriedOver: s.sprintId === null };
        })
    : [];

  const copo = withRole("co_product_owner");
  const goNoGo = copo.length
    ? db
        .select({ id: goLives.id, name: goLives.name, projectId: goLives.projectId, cutoverOn: goLives.cutoverOn, decision: goLives.decision, doneAt: goLives.doneAt, sprintState: sprints.state, sprintNumber: sprints.number })
        .from(goLives)
        .innerJoin(sprints, eq(sprints.id, goLives.sprintId))
        .where(and(inArray(goLives.projectId, copo), isNull(goLives.decision), isNull(goLives.doneAt)))
        .orderBy(asc(goLives.cutoverOn))
        .all()
        .filter((g) => awaitsGoNoGo(g, g.sprintState, todayOf(g.projectId)))
        .map((g) => ({ id: g.id, name: g.name, projectId: g.projectId, projectName: name(g.projectId), cutoverOn: g.cutoverOn, sprintNumber: g.sprintNumber }))
    : [];

  const openBlockers = db
    .select({ id: blockers.id, title: blockers.title, side: blockers.side, projectId: blockers.projectId, raisedAt: blockers.raisedAt, dueOn: blockers.dueOn, storyId: blockers.storyId })
    .from(blockers)
    .where(and(eq(blockers.ownerId, user.id), inArray(blockers.projectId, ids), isNull(blockers.resolvedAt)))
    .orderBy(asc(blockers.raisedAt), asc(blockers.id))
    .all()
    .map((b) => {
      const today = todayOf(b.projectId);
      return { ...b, projectName: name(b.projectId), ageDays: ageInDays(b.raisedAt, today), overdue: b.dueOn !== null && b.dueOn < today };
    });

  const retroActions = db
    .select({ id: retroItems.id, text: retroItems.text, projectId: retroItems.projectId, sprintId: retroItems.sprintId, sprintNumber: sprints.number })
    .from(retroItems)
    .innerJoin(sprints, eq(sprints.id, retroItems.sprintId))
    .where(and(eq(retroItems.ownerId, user.id), eq(retroItems.column, "action"), inArray(retroItems.projectId, ids), isNull(retroItems.closedAt)))
    .orderBy(asc(retroItems.id))
    .all()
    .map((a) => ({ ...a, projectName: name(a.projectId) }));

  return {
    projectCount: ids.length,
    roles,
    assigned,
    demoDecisions,
    goNoGo,
    blockers: openBlockers,
    retroActions,
    ceremonies: ceremoniesAhead(db, memberships.filter((m) => m.role !== "viewer").map((m) => m.project), now),
    sprints: withRole("scrum_master")
      .filter((id) => activeOf.has(id))
      .map((id) => sprintGlance(db, user, byId.get(id)!.project, activeOf.get(id)!, now)),
  };
}

/**
 * Today's ceremonies of each project (with whether they are over, under way or later) and each
 * project's next one, in the project's wall-clock time: today's first, then the next ones by date.
 */
function ceremoniesAhead(db: Db, list: Project[], now: Date) {
  const out: { id: number; name: string; date: string; time: string; minutes: number; projectId: number; projectName: string; sprintNumber: number; today: boolean; phase: "over" | "now" | "later" | null }[] = [];
  for (const project of list) {
    const today = projectToday(project, now);
    const rows = db
      .select({ c: ceremonies, sprintNumber: sprints.number })
      .from(ceremonies)
      .innerJoin(sprints, eq(sprints.id, ceremonies.sprintId))
      .where(and(eq(ceremonies.projectId, project.id), isNull(ceremonies.cancelledAt), gte(ceremonies.date, today), lte(ceremonies.date, format(addDays(parseISO(today), CEREMONY_HORIZON_DAYS), "yyyy-MM-dd"))))
      .orderBy(asc(ceremonies.date), asc(ceremonies.time))
      .all()
      .map((r) => ({ ...r.c, sprintNumber: r.sprintNumber, cancelled: false }));
    const { today: todays, next } = todayAndNext(rows, projectNow(project, now));
    const item = (c: (typeof rows)[number], phase: "over" | "now" | "later" | null) => ({
      id: c.id,
      name: CEREMONY_NAMES[c.kind],
      date: c.date,
      time: c.time,
      minutes: c.minutes,
      projectId: project.id,
      projectName: project.name,
      sprintNumber: c.sprintNumber,
      today: c.date === today,
      phase,
    });
    for (const c of todays) out.push(item(c, c.phase));
    if (next && !todays.some((c) => c.id === next.id)) out.push(item(next, null));
  }
  return out.sort((a, b) => Number(b.today) - Number(a.today) || `${a.date}T${a.time}`.localeCompare(`${b.date}T${b.time}`) || a.projectName.localeCompare(b.projectName));
}

/** A running sprint at a glance for its scrum master: days left, points, and the burndown from the events. */
function sprintGlance(db: Db, user: User, project: Project, sprint: typeof sprints.$inferSelect, now: Date) {
  const today = projectToday(project, now);
  const chart = sprintBurndown(db, user, sprint.id, now);
  const inSprint = db.select({ status: stories.status, points: stories.points }).from(stories).where(eq(stories.sprintId, sprint.id)).all();
  const todayPoint = [...chart.days].reverse().find((d) => d.remaining !== null) ?? null;
  return {
    projectId: project.id,
    projectName: project.name,
    sprint: { id: sprint.id, number: sprint.number, end: sprint.end, goal: sprint.goal },
    workingDaysLeft: workingDaysLeft(chart.days.map((d) => d.date), today),
    points: sprintPoints(inSprint),
    burndown: { committed: chart.committed, days: chart.days.map((d) => ({ date: d.date, ideal: d.ideal, remaining: d.remaining })), remainingToday: todayPoint?.remaining ?? null },
  };
}

export type MyWork = ReturnType<typeof myWork>;
