import { and, asc, eq, sql } from "drizzle-orm";
import { absoluteUrl } from "../lib/app-url";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { PROJECT_KINDS, PROJECT_ROLES, goLives, holidayCalendars, projectMembers, projects, sprints, users } from "../../db/schema";
import { globalCan, projectCan, type ProjectAction, type ProjectRole } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { isValidTimeZone } from "../calendar/business-days";
import { todayIn } from "../lib/app-time";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, idSchema, parseInput, oneLine } from "../lib/validation";
import { kickoffPhase, type Kickoff } from "./kickoff";
import { copyTemplate } from "./transition.server";
import { calendarPath, newCalendarToken } from "./ceremonies.server";
import { PROJECT_KEY, PROJECT_KEY_MESSAGE } from "./keys";
import { projectKeyFor } from "./story-keys.server";
import { lastScrumMasterRefusal } from "./edit-rules";

export type Project = typeof projects.$inferSelect;

/** A project key as typed: capitals asked for, small letters taken as capitals; blank means "derive one". */
export const ProjectKeySchema = z
  .string({ error: PROJECT_KEY_MESSAGE })
  .trim()
  .toUpperCase()
  .refine((k) => PROJECT_KEY.test(k), PROJECT_KEY_MESSAGE);

export const ProjectSchema = z.object({
  name: z.string({ error: "Name the project." }).overwrite(oneLine).trim().min(3, "Name the project.").max(120, "Keep the name under 120 characters."),
  customer: z.string({ error: "Name the customer." }).trim().min(2, "Name the customer.").max(120),
  kind: z.enum(PROJECT_KINDS, { error: "Choose customer engagement or product release." }).default("customer_engagement"),
  sowSignedOn: IsoDateSchema,
  staffedOn: IsoDateSchema,
  kickoffStart: IsoDateSchema.nullable().optional(),
  kickoffWeeks: z.number({ error: "Kickoff lasts 3 or 4 weeks." }).default(3),
  timeZone: z
    .string()
    .trim()
    .default("UTC")
    .refine((tz) => isValidTimeZone(tz), "Use a time zone like Europe/London or America/Chicago."),
  calendarId: idSchema("Choose one of the holiday calendars.").nullable().optional(),
  key: ProjectKeySchema.optional(),
});

function kickoffOf(p: Pick<Project, "sowSignedOn" | "staffedOn" | "kickoffStart" | "kickoffWeeks">): Kickoff {
  const result = kickoffPhase({ sowSignedOn: p.sowSignedOn, staffedOn: p.staffedOn, chosenStart: p.kickoffStart, weeks: p.kickoffWeeks });
  if (!result.ok) throw new DomainError("invalid", Object.values(result.fields)[0], { fields: result.fields });
  return result.kickoff;
}

export { kickoffOf };

/** Admins and staff create projects; the creator joins as scrum master unless they are an admin. */
export function createProject(db: Db, actor: User, input: unknown): Project {
  if (!globalCan(actor.role, "projects.create")) throw new DomainError("forbidden", "Only staff and admins create projects.");
  const data = parseInput(ProjectSchema, input);
  kickoffOf({ ...data, kickoffStart: data.kickoffStart ?? null });
  return db.transaction((tx) => {
    checkCalendar(tx, data.calendarId);
    const project = tx
      .insert(projects)
      .values({ ...data, key: projectKeyFor(tx, data.name, data.key), kickoffStart: data.kickoffStart ?? null, calendarToken: newCalendarToken() })
      .returning()
      .get();
    if (actor.role !== "admin") tx.insert(projectMembers).values({ projectId: project.id, userId: actor.id, role: "scrum_master", side: "delivery" }).run();
    copyTemplate(tx, project.id);
    return project;
  });
}

export function membershipOf(db: DbOrTx, projectId: number, userId: number): ProjectRole | null {
  return db.select({ role: projectMembers.role }).from(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))).get()?.role ?? null;
}

/**
 * The project, if this user may see it (members, staff, admins); otherwise not found — a project
 * one may not see does not exist for them.
 */
export function getProject(db: DbOrTx, viewer: User, projectId: number): { project: Project; role: ProjectRole | null; kickoff: Kickoff } {
  const project = db.select().from(projects).where(eq(projects.id, projectId)).get();
  const role = project ? membershipOf(db, projectId, viewer.id) : null;
  if (!project || !projectCan(viewer.role, role, "project.read")) throw new DomainError("not_found", "No such project.");
  return { project, role, kickoff: kickoffOf(project) };
}

/** Load the project and check one permission of SPEC's role table. */
export function requireProject(db: DbOrTx, viewer: User, projectId: number, action: ProjectAction) {
  const found = getProject(db, viewer, projectId);
  if (!projectCan(viewer.role, found.role, action)) throw new DomainError("forbidden", "Your role in this project does not allow this.");
  return found;
}

export function projectToday(project: Pick<Project, "timeZone">, now = new Date()): string {
  return todayIn(project.timeZone, now);
}

/** The phase a project is in today: kickoff, sprint N, between sprints, or not started. */
export function listProjects(db: Db, viewer: User) {
  const seesAll = viewer.role === "admin" || viewer.role === "staff";
  const rows = seesAll
    ? db.select().from(projects).orderBy(asc(projects.name)).all()
    : db
        .select({ project: projects })
        .from(projectMembers)
        .innerJoin(projects, eq(projects.id, projectMembers.projectId))
        .where(eq(projectMembers.userId, viewer.id))
        .orderBy(asc(projects.name))
        .all()
        .map((r) => r.project);
  return rows;
}

export function hasProjects(db: Db, userId: number): boolean {
  return Boolean(db.select({ n: sql`1` }).from(projectMembers).where(eq(projectMembers.userId, userId)).limit(1).get());
}

export const MemberSchema = z.object({
  userId: idSchema("Choose a user."),
  role: z.enum(PROJECT_ROLES, { error: "Choose a project role." }),
  side: z.enum(["delivery", "customer"]).optional(),
});

export function addMember(db: Db, actor: User, projectId: number, input: unknown) {
  const { project } = requireProject(db, actor, projectId, "members.manage");
  const data = parseInput(MemberSchema, input);
  db.transaction((tx) => {
    const user = tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, data.userId)).get();
    if (!user) throw new DomainError("invalid", "No such user.", { fields: { userId: "No such user." } });
    const customerUser = user.role === "customer" || user.role === "partner";
    const side = data.side ?? (customerUser ? "customer" : "delivery");
    if (data.role === "co_product_owner") checkCoProductOwner(project, user.role, side);
    // Adding someone already in the project changes their role: the last scrum master stays one.
    const standing = tx.select({ role: projectMembers.role, name: users.name }).from(projectMembers).innerJoin(users, eq(users.id, projectMembers.userId)).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, user.id))).get();
    if (standing) {
      const scrumMasters = tx.select({ userId: projectMembers.userId }).from(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "scrum_master"))).all().length;
      const refusal = lastScrumMasterRefusal(standing, scrumMasters, { role: data.role });
      if (refusal) throw new DomainError("conflict", refusal, { fields: { role: refusal } });
    }
    tx.insert(projectMembers)
      .values({ projectId, userId: data.userId, role: data.role, side })
      .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role: data.role, side } })
      .run();
  });
}

/**
 * Customer acceptance cannot be forged (SPEC's role table): a co-product owner speaks for the
 * customer, so is a customer-side member — and in a customer engagement a customer or partner user.
 */
export function checkCoProductOwner(project: Pick<Project, "kind">, globalRole: string, side: string) {
  if (side !== "customer") throw new DomainError("invalid", "A co-product owner is a customer-side member.", { fields: { side: "A co-product owner is on the customer side." } });
  if (project.kind === "customer_engagement" && globalRole !== "customer" && globalRole !== "partner") {
    throw new DomainError("invalid", "In a customer engagement the co-product owner is a customer or partner user.", { fields: { role: "Choose a customer or partner user as co-product owner." } });
  }
}

export function listMembers(db: DbOrTx, projectId: number) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: projectMembers.role, side: projectMembers.side })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(users.name))
    .all();
}

/** The API's Project: kickoff, members, go-lives and the current phase. */
export function projectJson(db: Db, viewer: User, projectId: number) {
  const { project, kickoff, role } = getProject(db, viewer, projectId);
  const lives = goLivesOf(db, projectId);
  const calendar = role ? calendarPath(project, role) : null;
  return {
    id: project.id,
    key: project.key,
    name: project.name,
    customer: project.customer,
    kind: project.kind,
    sowSignedOn: project.sowSignedOn,
    staffedOn: project.staffedOn,
    timeZone: project.timeZone,
    kickoff: { start: kickoff.start, end: kickoff.end },
    phase: projectPhase(db, project),
    myRole: role,
    members: listMembers(db, projectId),
    goLives: lives,
    ...(calendar ? { calendarUrl: absoluteUrl(calendar) } : {}),
  };
}

/** A project's go-lives in cutover order: name, cutover and when it was done. */
export function goLivesOf(db: DbOrTx, projectId: number) {
  return db.select({ id: goLives.id, name: goLives.name, cutoverOn: goLives.cutoverOn, doneAt: goLives.doneAt }).from(goLives).where(eq(goLives.projectId, projectId)).orderBy(asc(goLives.cutoverOn)).all();
}

/** Kickoff, Sprint N, Between sprints or Not started, as of today in the project's time zone. */
export function projectPhase(db: DbOrTx, project: Project): string {
  const active = db.select({ number: sprints.number }).from(sprints).where(and(eq(sprints.projectId, project.id), eq(sprints.state, "active"))).get();
  return phaseOf(project, active?.number ?? null);
}

/** The phase from the project and the number of its active sprint, if any. */
export function phaseOf(project: Project, activeSprint: number | null): string {
  const today = projectToday(project);
  const kickoff = kickoffOf(project);
  if (today < kickoff.start) return "Not started";
  if (today <= kickoff.end && !project.kickoffEndedAt) return "Kickoff";
  if (activeSprint !== null) return `Sprint ${activeSprint}`;
  return "Between sprints";
}

/** A project's holiday calendar must exist; null is the installation's default. */
export function checkCalendar(db: DbOrTx, calendarId: number | null | undefined) {
  if (!calendarId) return;
  if (!db.select({ id: holidayCalendars.id }).from(holidayCalendars).where(eq(holidayCalendars.id, calendarId)).get()) {
    throw new DomainError("invalid", "Choose a holiday calendar.", { fields: { calendarId: "Choose one of the holiday calendars." } });
  }
}
