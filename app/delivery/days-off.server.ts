import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.server";
import { daysOff, projectMembers, users } from "../../db/schema";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, parseInput } from "../lib/validation";
import { z } from "zod";
import { getProject } from "./projects.server";
import { suggestCapacity } from "./planning";
import { sprintWorkingDays } from "./sprints";

/** A member records a day off of their own. */
export function addDayOff(db: Db, actor: User, projectId: number, input: unknown) {
  const { role } = getProject(db, actor, projectId);
  if (!role) throw new DomainError("forbidden", "Only members of the project record days off.");
  const { date } = parseInput(z.object({ date: IsoDateSchema }), input);
  db.insert(daysOff).values({ projectId, userId: actor.id, date }).onConflictDoNothing().run();
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
