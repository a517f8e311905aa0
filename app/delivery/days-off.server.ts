import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.server";
import { daysOff, projectMembers, sprints, users } from "../../db/schema";
import { holidaysFor } from "../calendar/calendars.server";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, idSchema, parseInput } from "../lib/validation";
import { z } from "zod";
import { getProject, requireProject } from "./projects.server";
import { suggestCapacity } from "./planning";
import { sprintWorkingDays } from "./sprints";

type Sprint = typeof sprints.$inferSelect;

/** The sprint being planned, for a member of its project: days off are recorded against it. */
function openSprintOf(db: Db, actor: User, sprintId: number) {
  const sprint = db.select().from(sprints).where(eq(sprints.id, sprintId)).get();
  if (!sprint) throw new DomainError("not_found", "No such sprint.");
  const { project, role } = getProject(db, actor, sprint.projectId);
  if (!role) throw new DomainError("forbidden", "Only members of the project record days off.");
  if (sprint.state === "closed") throw new DomainError("conflict", `Sprint ${sprint.number} is closed: its days off are history.`);
  return { sprint, project };
}

/**
 * A member records a day off of their own in a sprint being planned or run (SPEC A3): a working
 * day of that sprint, since only those change its capacity.
 */
export function addDayOff(db: Db, actor: User, sprintId: number, input: unknown) {
  const { sprint, project } = openSprintOf(db, actor, sprintId);
  const { date } = parseInput(z.object({ date: IsoDateSchema }), input);
  if (!sprintWorkingDays(sprint, holidaysFor(db, project.calendarId)).includes(date)) {
    const where = date < sprint.start || date > sprint.end ? `outside sprint ${sprint.number} (${sprint.start} → ${sprint.end})` : "not a working day (a weekend or a holiday)";
    throw new DomainError("invalid", `That day is ${where}.`, { fields: { date: `Choose a working day of sprint ${sprint.number}: ${date} is ${where}.` } });
  }
  db.insert(daysOff).values({ projectId: sprint.projectId, userId: actor.id, date }).onConflictDoNothing().run();
}

/** A member takes back a day off of their own. */
export function removeDayOff(db: Db, actor: User, sprintId: number, input: unknown) {
  const { sprint } = openSprintOf(db, actor, sprintId);
  const { date } = parseInput(z.object({ date: IsoDateSchema }), input);
  deleteDayOff(db, sprint, actor.id, date, "You have");
}

export const DayOffRemovalSchema = z.object({ date: IsoDateSchema, userId: idSchema("Choose a member.") });

/** The scrum master (or an admin) removes a day off a member recorded by mistake, e.g. of someone who left the team. */
export function removeMemberDayOff(db: Db, actor: User, sprintId: number, input: unknown) {
  const sprint = db.select().from(sprints).where(eq(sprints.id, sprintId)).get();
  if (!sprint) throw new DomainError("not_found", "No such sprint.");
  requireProject(db, actor, sprint.projectId, "sprints.manage");
  if (sprint.state === "closed") throw new DomainError("conflict", `Sprint ${sprint.number} is closed: its days off are history.`);
  const { date, userId } = parseInput(DayOffRemovalSchema, input);
  deleteDayOff(db, sprint, userId, date, userId === actor.id ? "You have" : "They have");
}

function deleteDayOff(db: Db, sprint: Sprint, userId: number, date: string, who: string) {
  // Only this sprint's days: a closed sprint's days off are history.
  if (date < sprint.start || date > sprint.end) throw new DomainError("not_found", `${who} no day off on ${date} in sprint ${sprint.number}.`);
  const removed = db.delete(daysOff).where(and(eq(daysOff.projectId, sprint.projectId), eq(daysOff.userId, userId), eq(daysOff.date, date))).returning().all();
  if (!removed.length) throw new DomainError("not_found", `${who} no day off on that date.`);
}

/** The days off a member recorded inside a sprint, for them to see and take back. */
export function myDaysOff(db: DbOrTx, userId: number, sprint: { projectId: number; start: string; end: string }): string[] {
  return db
    .select({ date: daysOff.date })
    .from(daysOff)
    .where(and(eq(daysOff.projectId, sprint.projectId), eq(daysOff.userId, userId), gte(daysOff.date, sprint.start), lte(daysOff.date, sprint.end)))
    .orderBy(asc(daysOff.date))
    .all()
    .map((d) => d.date);
}

/** Team members with their days off inside a sprint, and the capacity planning suggests from them. */
export function capacitySuggestion(db: DbOrTx, projectId: number, sprint: { start: string; end: string }, holidays: ReadonlySet<string>, meanVelocity: number | null) {
  const workingDays = new Set(sprintWorkingDays(sprint, holidays));
  const team = db
    .select({ userId: users.id, name: users.name })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "team")))
    .orderBy(asc(users.name))
    .all();
  const off = db
    .select({ userId: daysOff.userId, date: daysOff.date })
    .from(daysOff)
    .where(and(eq(daysOff.projectId, projectId), gte(daysOff.date, sprint.start), lte(daysOff.date, sprint.end)))
    .all()
    .filter((d) => workingDays.has(d.date));
  const members = team.map((m) => ({ ...m, daysOff: off.filter((d) => d.userId === m.userId).map((d) => d.date).sort() }));
  return {
    members,
    workingDays: workingDays.size,
    suggested: suggestCapacity({ meanVelocity, workingDays: workingDays.size, daysOffPerMember: members.map((m) => m.daysOff.length) }),
  };
}
