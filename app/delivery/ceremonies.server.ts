import { randomBytes, timingSafeEqual } from "node:crypto";
import { absoluteUrl } from "../lib/app-url";
import { and, asc, eq, gte, inArray, isNull, lte, notExists, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { ceremonies, goLives, projects, sprints } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { todayIn } from "../lib/app-time";
import { buildCalendar, type FeedEvent } from "../calendar/ics";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, parseInput } from "../lib/validation";
import {
  CEREMONY_KINDS,
  CEREMONY_NAMES,
  TIME_PATTERN,
  ceremonyDefaults,
  ceremonySchedule,
  relayPlan,
  todayAndNext,
  type CeremonyKind,
} from "./ceremonies";
import { addedLines, notifyMentions } from "./mentions.server";
import { getProject, requireProject, type Project } from "./projects.server";
import { projectHolidays, type Sprint } from "./sprints.server";

export type Ceremony = typeof ceremonies.$inferSelect;

const nowIso = () => new Date().toISOString();

/**
 * Lay (or re-lay) one sprint's ceremonies from the project's defaults and calendar. A closed
 * sprint's ceremonies are history: laid once if missing, never changed.
 */
export function layCeremonies(tx: DbOrTx, project: Project, sprint: Sprint, holidays = projectHolidays(tx, project)): void {
  const stored = tx.select().from(ceremonies).where(eq(ceremonies.sprintId, sprint.id)).all();
  if (sprint.state === "closed" && stored.length) return;
  const schedule = ceremonySchedule(sprint, holidays, ceremonyDefaults(project.ceremonyDefaults));
  const plan = relayPlan(
    stored.map((c) => ({ ...c, cancelled: c.cancelledAt !== null })),
    schedule,
    sprint,
  );
  const at = nowIso();
  for (const c of plan.insert) {
    tx.insert(ceremonies).values({ projectId: project.id, sprintId: sprint.id, kind: c.kind, plannedOn: c.plannedOn, date: c.plannedOn, time: c.time, minutes: c.minutes, updatedAt: at }).run();
  }
  const bump = (id: number) => (stored.find((c) => c.id === id)?.sequence ?? 0) + 1;
  for (const u of plan.update) {
    tx.update(ceremonies)
      .set({ plannedOn: u.plannedOn, date: u.date, time: u.time, minutes: u.minutes, ...(u.unmoved ? { moved: false, moveReason: null } : {}), sequence: bump(u.id), updatedAt: at })
      .where(eq(ceremonies.id, u.id))
      .run();
  }
  for (const r of plan.replan) tx.update(ceremonies).set({ plannedOn: r.plannedOn }).where(eq(ceremonies.id, r.id)).run();
  if (plan.remove.length) tx.delete(ceremonies).where(inArray(ceremonies.id, plan.remove)).run();
  for (const id of plan.orphan) {
    tx.update(ceremonies)
      .set({ cancelledAt: at, cancelReason: "No longer a working day of the sprint after it was re-laid.", sequence: bump(id), updatedAt: at })
      .where(eq(ceremonies.id, id))
      .run();
  }
}

/** Every sprint of a project follows its dates, calendar and default times. */
export function relayCeremonies(tx: DbOrTx, project: Project): void {
  const holidays = projectHolidays(tx, project);
  for (const sprint of tx.select().from(sprints).where(eq(sprints.projectId, project.id)).all()) layCeremonies(tx, project, sprint, holidays);
}

/** After a holiday is added or removed: every project on that calendar (null = the default one). */
export function relayCeremoniesForCalendar(tx: DbOrTx, calendarId: number | null): void {
  const affected = tx
    .select()
    .from(projects)
    .where(calendarId === null ? isNull(projects.calendarId) : eq(projects.calendarId, calendarId))
    .all();
  for (const project of affected) relayCeremonies(tx, project);
}

/** Sprints without any ceremony (a database from before the calendar): lay theirs. Returns how many. */
export function layMissingCeremonies(db: Db): number {
  return db.transaction((tx) => {
    const bare = tx
      .select({ sprint: sprints, project: projects })
      .from(sprints)
      .innerJoin(projects, eq(projects.id, sprints.projectId))
      // Qualified by hand: drizzle writes a one-table subquery's columns unqualified.
      .where(notExists(tx.select({ one: ceremonies.id }).from(ceremonies).where(sql`"ceremonies"."sprint_id" = "sprints"."id"`)))
      .all();
    for (const { sprint, project } of bare) layCeremonies(tx, project, sprint);
    return bare.length;
  });
}

function findCeremony(db: DbOrTx, id: number): Ceremony {
  const c = db.select().from(ceremonies).where(eq(ceremonies.id, id)).get();
  if (!c) throw new DomainError("not_found", "No such ceremony.");
  return c;
}

export type CeremonyView = Ceremony & { name: string; sprintNumber: number; cancelled: boolean };

function view(c: Ceremony, sprintNumber: number): CeremonyView {
  return { ...c, name: CEREMONY_NAMES[c.kind], sprintNumber, cancelled: c.cancelledAt !== null };
}

/** A project's occurrences, in date and time order; optionally one sprint's, or a date range. */
export function listCeremonies(db: Db, viewer: User, projectId: number, filter: { sprintId?: number; from?: string; to?: string; kinds?: CeremonyKind[] } = {}): CeremonyView[] {
  getProject(db, viewer, projectId);
  const conditions = [eq(ceremonies.projectId, projectId)];
  if (filter.sprintId) conditions.push(eq(ceremonies.sprintId, filter.sprintId));
  if (filter.from) conditions.push(gte(ceremonies.date, filter.from));
  if (filter.to) conditions.push(lte(ceremonies.date, filter.to));
  if (filter.kinds?.length) conditions.push(inArray(ceremonies.kind, filter.kinds));
  return db
    .select({ c: ceremonies, number: sprints.number })
    .from(ceremonies)
    .innerJoin(sprints, eq(sprints.id, ceremonies.sprintId))
    .where(and(...conditions))
    .orderBy(asc(ceremonies.date), asc(ceremonies.time))
    .all()
    .map((r) => view(r.c, r.number));
}

export function getCeremony(db: Db, viewer: User, id: number) {
  const c = findCeremony(db, id);
  const { project, role } = getProject(db, viewer, c.projectId);
  const sprint = db.select().from(sprints).where(eq(sprints.id, c.sprintId)).get()!;
  return {
    ceremony: view(c, sprint.number),
    project,
    sprint,
    can: {
      manage: projectCan(viewer.role, role, "ceremonies.manage"),
      notes: projectCan(viewer.role, role, "ceremonies.manage") || projectCan(viewer.role, role, "standups.post"),
    },
  };
}

/** The project's wall clock now, `YYYY-MM-DDTHH:MM`. */
export function projectNow(project: Pick<Project, "timeZone">, now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: project.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(now);
  return `${todayIn(project.timeZone, now)}T${parts}`;
}

/** What the sprint page shows: today's ceremonies and the next one of the sprint. */
export function ceremonyGlance(db: Db, viewer: User, project: Project, sprintId: number, now = new Date()) {
  return todayAndNext(listCeremonies(db, viewer, project.id, { sprintId }), projectNow(project, now));
}

export const MoveSchema = z.object({
  date: IsoDateSchema,
  time: z.string({ error: "Give a time like 09:30." }).regex(TIME_PATTERN, "Give a time like 09:30."),
  minutes: z.coerce.number({ error: "Give the length in minutes." }).int("Whole minutes.").min(5, "At least 5 minutes.").max(480, "At most 8 hours."),
  reason: z.string({ error: "Say why it moves." }).trim().min(3, "Say why it moves.").max(500),
});

/** The scrum master moves one occurrence (date, time, length) and says why. */
export function moveCeremony(db: Db, actor: User, id: number, input: unknown): Ceremony {
  const c = findCeremony(db, id);
  requireProject(db, actor, c.projectId, "ceremonies.manage");
  const data = parseInput(MoveSchema, input);
  return db.transaction((tx) => {
    const sprint = tx.select().from(sprints).where(eq(sprints.id, c.sprintId)).get()!;
    if (sprint.state === "closed") throw new DomainError("conflict", `Sprint ${sprint.number} is closed; its ceremonies are history.`);
    if (data.date < sprint.start || data.date > sprint.end) {
      throw new DomainError("invalid", `A ceremony of sprint ${sprint.number} stays within its dates.`, { fields: { date: `Choose a day from ${sprint.start} to ${sprint.end}: the sprint it belongs to.` } });
    }
    return tx
      .update(ceremonies)
      .set({ date: data.date, time: data.time, minutes: data.minutes, moved: true, moveReason: data.reason, sequence: c.sequence + 1, updatedAt: nowIso() })
      .where(eq(ceremonies.id, id))
      .returning()
      .get();
  });
}

export const CancelSchema = z.object({ reason: z.string({ error: "Say why it is cancelled." }).trim().min(3, "Say why it is cancelled.").max(500) });

export function cancelCeremony(db: Db, actor: User, id: number, input: unknown): Ceremony {
  const c = findCeremony(db, id);
  requireProject(db, actor, c.projectId, "ceremonies.manage");
  const { reason } = parseInput(CancelSchema, input);
  if (c.cancelledAt) throw new DomainError("conflict", "This occurrence is already cancelled.");
  return db.update(ceremonies).set({ cancelledAt: nowIso(), cancelReason: reason, sequence: c.sequence + 1, updatedAt: nowIso() }).where(eq(ceremonies.id, id)).returning().get();
}

/** Undo a cancellation: the occurrence is back on everyone's calendar. */
export function restoreCeremony(db: Db, actor: User, id: number): Ceremony {
  const c = findCeremony(db, id);
  requireProject(db, actor, c.projectId, "ceremonies.manage");
  if (!c.cancelledAt) throw new DomainError("conflict", "This occurrence is not cancelled.");
  return db.update(ceremonies).set({ cancelledAt: null, cancelReason: null, sequence: c.sequence + 1, updatedAt: nowIso() }).where(eq(ceremonies.id, id)).returning().get();
}

export const NotesSchema = z.object({ notes: z.string({ error: "Write the notes." }).max(20_000, "Keep notes under 20,000 characters.") });

/** Notes of an occurrence, kept by its members; newly @mentioned members are told. */
export function saveCeremonyNotes(db: Db, actor: User, id: number, input: unknown): Ceremony {
  const c = findCeremony(db, id);
  const { role } = getProject(db, actor, c.projectId);
  if (!projectCan(actor.role, role, "ceremonies.manage") && !projectCan(actor.role, role, "standups.post")) {
    throw new DomainError("forbidden", "Your role in this project does not keep ceremony notes.");
  }
  const { notes } = parseInput(NotesSchema, input);
  return db.transaction((tx) => {
    const saved = tx.update(ceremonies).set({ notes, updatedAt: nowIso() }).where(eq(ceremonies.id, id)).returning().get();
    const sprint = tx.select({ number: sprints.number }).from(sprints).where(eq(sprints.id, c.sprintId)).get()!;
    const added = addedLines(c.notes, notes);
    if (added) notifyMentions(tx, c.projectId, added, { authorName: actor.name, where: `the ${CEREMONY_NAMES[c.kind]} notes of Sprint ${sprint.number}`, link: `/ceremonies/${id}` }, actor.id);
    return saved;
  });
}


const Slot = z.object({
  time: z.string().regex(TIME_PATTERN, "Give a time like 09:30."),
  minutes: z.coerce.number({ error: "Give the length in minutes." }).int("Whole minutes.").min(5, "At least 5 minutes.").max(480, "At most 8 hours."),
});
export const DefaultsSchema = z.object(Object.fromEntries(CEREMONY_KINDS.map((k) => [k, Slot])) as Record<CeremonyKind, typeof Slot>);

/** A form's flat fields (`planning.time`, `planning.minutes`, …) as the nested defaults. */
export function defaultsFromForm(values: Record<string, unknown>) {
  return Object.fromEntries(CEREMONY_KINDS.map((k) => [k, { time: values[`${k}.time`], minutes: values[`${k}.minutes`] }]));
}

/** The scrum master sets the project's default time and length per ceremony; sprints follow. */
export function setCeremonyDefaults(db: Db, actor: User, projectId: number, input: unknown): Project {
  requireProject(db, actor, projectId, "ceremonies.manage");
  const data = parseInput(DefaultsSchema, input);
  return db.transaction((tx) => {
    const project = tx.update(projects).set({ ceremonyDefaults: data }).where(eq(projects.id, projectId)).returning().get();
    relayCeremonies(tx, project);
    return project;
  });
}

export function newCalendarToken(): string {
  return randomBytes(24).toString("hex");
}

/** The subscribe URL of a project's feed, for its members (null for others). */
export function calendarPath(project: Project, role: string | null): string | null {
  if (!role || !project.calendarToken) return null;
  return `/api/v1/projects/${project.id}/calendar.ics?token=${project.calendarToken}`;
}

/** Revoke the subscribe URL: the old one stops working at once; members get the new one. */
export function revokeCalendarToken(db: Db, actor: User, projectId: number): Project {
  requireProject(db, actor, projectId, "ceremonies.manage");
  return db.update(projects).set({ calendarToken: newCalendarToken() }).where(eq(projects.id, projectId)).returning().get();
}

function sameSecret(given: string, stored: string | null): boolean {
  if (!stored || given.length !== stored.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(stored));
}

function ceremonyEvent(c: Ceremony, sprintNumber: number): FeedEvent {
  const description = [
    c.cancelledAt ? `Cancelled: ${c.cancelReason}` : null,
    c.moved ? `Moved from ${c.plannedOn}: ${c.moveReason}` : null,
    c.notes.trim() ? c.notes : null,
    absoluteUrl(`/ceremonies/${c.id}`),
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    uid: `ceremony-${c.id}@sprintlab`,
    summary: `${CEREMONY_NAMES[c.kind]} — Sprint ${sprintNumber}`,
    description,
    url: absoluteUrl(`/ceremonies/${c.id}`),
    date: c.date,
    time: c.time,
    minutes: c.minutes,
    cancelled: c.cancelledAt !== null,
    sequence: c.sequence,
    stamp: new Date(c.updatedAt),
  };
}

/**
 * The project's ICS feed (SPEC A5, API.md): every ceremony occurrence of every sprint, past and
 * future, each sprint start, and each go-live cutover. Reached with the secret token only; a wrong
 * or revoked token is the same 404 as a project that does not exist.
 */
export function projectCalendar(db: Db, projectId: number, token: string): { text: string; lastModified: Date } {
  const project = db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!project || !sameSecret(token, project.calendarToken)) throw new DomainError("not_found", "No such calendar.");
  const sprintRows = db.select().from(sprints).where(eq(sprints.projectId, projectId)).orderBy(asc(sprints.number)).all();
  const numberOf = new Map(sprintRows.map((s) => [s.id, s.number]));
  const occurrences = db.select().from(ceremonies).where(eq(ceremonies.projectId, projectId)).orderBy(asc(ceremonies.date), asc(ceremonies.time)).all();
  const lives = db.select().from(goLives).where(eq(goLives.projectId, projectId)).all();
  const events: FeedEvent[] = [
    ...occurrences.map((c) => ceremonyEvent(c, numberOf.get(c.sprintId) ?? 0)),
    ...sprintRows.map((s) => ({
      uid: `sprint-${s.id}-start@sprintlab`,
      summary: `Sprint ${s.number} starts — ${project.name}`,
      description: s.goal ? `Goal: ${s.goal}` : undefined,
      url: absoluteUrl(`/sprints/${s.id}`),
      date: s.start,
      sequence: s.calendarSequence,
      stamp: latest(project.createdAt, s.calendarChangedAt, s.startedAt),
    })),
    ...lives.map((g) => ({
      uid: `go-live-${g.id}-cutover@sprintlab`,
      summary: `Go-live cutover: ${g.name} — ${project.name}`,
      description: [g.decision ? `Go / no-go: ${g.decision === "go" ? "Go" : "No go"}` : "Go / no-go not decided yet", g.releaseNoteUrl ? `Release note: ${g.releaseNoteUrl}` : null].filter(Boolean).join("\n"),
      url: absoluteUrl(`/projects/${project.id}/release`),
      date: g.cutoverOn,
      sequence: g.calendarSequence,
      stamp: latest(project.createdAt, g.calendarChangedAt, g.decidedAt, g.doneAt),
    })),
  ];
  const text = buildCalendar({ name: `${project.name} — Sprintlab`, timeZone: project.timeZone, events });
  return { text, lastModified: new Date(Math.max(...events.map((e) => e.stamp.getTime()), Date.parse(project.createdAt))) };
}

/** The latest of some ISO instants: when a calendar entry last changed. */
function latest(...instants: (string | null)[]): Date {
  return new Date(Math.max(...instants.filter((i): i is string => i !== null).map((i) => Date.parse(i))));
}

/** One occurrence as an .ics download, for any project member. */
export function ceremonyCalendar(db: Db, viewer: User, id: number): { filename: string; text: string } {
  const { ceremony, project } = getCeremony(db, viewer, id);
  const text = buildCalendar({ name: `${ceremony.name} — Sprint ${ceremony.sprintNumber}`, timeZone: project.timeZone, events: [ceremonyEvent(ceremony, ceremony.sprintNumber)] });
  return { filename: `${ceremony.kind}-sprint-${ceremony.sprintNumber}-${ceremony.date}.ics`, text };
}

/** The next demo of each project whose sprint is active, for the reminder. */
export function upcomingDemos(db: DbOrTx, fromDate: string, toDate: string) {
  return db
    .select({ c: ceremonies, sprintNumber: sprints.number, projectName: projects.name, timeZone: projects.timeZone })
    .from(ceremonies)
    .innerJoin(sprints, eq(sprints.id, ceremonies.sprintId))
    .innerJoin(projects, eq(projects.id, ceremonies.projectId))
    .where(and(eq(ceremonies.kind, "demo"), isNull(ceremonies.cancelledAt), gte(ceremonies.date, fromDate), lte(ceremonies.date, toDate), or(eq(sprints.state, "active"), eq(sprints.state, "planned"))))
    .all();
}
