import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { ceremonies, projectMembers, standupEntries, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, parseInput } from "../lib/validation";
import { listBlockers } from "./blockers.server";
import { addedLines, notifyMentions } from "./mentions.server";
import { getProject, projectToday, requireProject } from "./projects.server";
import { findSprint, projectHolidays } from "./sprints.server";
import { sprintWorkingDays } from "./sprints";

export const StandupSchema = z
  .object({
    date: IsoDateSchema,
    yesterday: z.string().trim().max(2000, "Keep it under 2,000 characters.").default(""),
    today: z.string().trim().max(2000, "Keep it under 2,000 characters.").default(""),
  })
  .refine((v) => v.yesterday || v.today, { message: "Write what you did or what you will do.", path: ["today"] });

/**
 * The team's view of one standup day (SPEC A5): each member's entry (optional — the standup is
 * usually a call), the open blockers, and that day's standup occurrence. The day defaults to today
 * in the project's zone, or the sprint's nearest working day.
 */
export function standupDay(db: Db, viewer: User, sprintId: number, date?: string | null) {
  const sprint = findSprint(db, sprintId);
  const { project, role } = getProject(db, viewer, sprint.projectId);
  const days = sprintWorkingDays(sprint, projectHolidays(db, project));
  const today = projectToday(project);
  const day =
    date && IsoDateSchema.safeParse(date).success ? date : days.includes(today) ? today : today < sprint.start ? days[0] ?? sprint.start : days[days.length - 1] ?? sprint.end;
  if (day < sprint.start || day > sprint.end) throw new DomainError("invalid", "Choose a day of this sprint.");
  const members = db
    .select({ userId: users.id, name: users.name, role: projectMembers.role, side: projectMembers.side })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, project.id), ne(projectMembers.role, "viewer")))
    .orderBy(asc(users.name))
    .all();
  const entries = db.select().from(standupEntries).where(and(eq(standupEntries.sprintId, sprintId), eq(standupEntries.date, day))).all();
  const occurrence = db
    .select({ id: ceremonies.id, time: ceremonies.time, cancelledAt: ceremonies.cancelledAt })
    .from(ceremonies)
    .where(and(eq(ceremonies.sprintId, sprintId), eq(ceremonies.kind, "standup"), eq(ceremonies.date, day)))
    .get();
  const index = days.indexOf(day);
  return {
    project,
    sprint,
    day,
    today,
    previousDay: index > 0 ? days[index - 1] : null,
    nextDay: index >= 0 && index < days.length - 1 ? days[index + 1] : null,
    occurrence: occurrence ?? null,
    team: members.map((m) => ({ ...m, entry: entries.find((e) => e.userId === m.userId) ?? null })),
    blockers: listBlockers(db, viewer, project.id).filter((b) => !b.resolvedAt),
    role,
    canPost: projectCan(viewer.role, role, "standups.post"),
  };
}

/** A member's own entry for a day of the sprint; saving again replaces it. */
export function saveStandupEntry(db: Db, actor: User, sprintId: number, input: unknown) {
  const sprint = findSprint(db, sprintId);
  requireProject(db, actor, sprint.projectId, "standups.post");
  const data = parseInput(StandupSchema, input);
  if (data.date < sprint.start || data.date > sprint.end) throw new DomainError("invalid", "Choose a day of this sprint.", { fields: { date: `Between ${sprint.start} and ${sprint.end}.` } });
  if (sprint.state === "closed") throw new DomainError("conflict", `Sprint ${sprint.number} is closed.`);
  return db.transaction((tx) => {
    const previous = tx
      .select({ yesterday: standupEntries.yesterday, today: standupEntries.today })
      .from(standupEntries)
      .where(and(eq(standupEntries.sprintId, sprintId), eq(standupEntries.date, data.date), eq(standupEntries.userId, actor.id)))
      .get();
    const entry = tx
      .insert(standupEntries)
      .values({ sprintId, userId: actor.id, date: data.date, yesterday: data.yesterday, today: data.today })
      .onConflictDoUpdate({ target: [standupEntries.sprintId, standupEntries.date, standupEntries.userId], set: { yesterday: data.yesterday, today: data.today, at: new Date().toISOString() } })
      .returning()
      .get();
    const added = addedLines(previous ? `${previous.yesterday}\n${previous.today}` : "", `${data.yesterday}\n${data.today}`);
    notifyMentions(tx, sprint.projectId, added, { authorName: actor.name, where: `the standup of ${data.date}`, link: `/sprints/${sprintId}/standup?date=${data.date}` }, actor.id);
    return entry;
  });
}
