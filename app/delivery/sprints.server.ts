import { and, asc, desc, eq, inArray, isNull, max, min, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { blockers, goLives, projects, sprints, stories, storyEvents } from "../../db/schema";
import { holidaysFor } from "../calendar/calendars.server";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, givenFields, oneLine, parseInput } from "../lib/validation";
import { rankBetween } from "./backlog";
import { burndown, sprintReport, type StoryEvent } from "./burndown";
import { getProject, kickoffOf, listMembers, projectToday, requireProject, type Project } from "./projects.server";
import { initials } from "./assignees";
import { closeConsequence, earliestStart, laySprints, nextSprints, sprintWorkingDays } from "./sprints";
import { requireConfirmation, type Confirmation } from "../lib/confirm";
import { recordEvent } from "./stories.server";
import { layCeremonies, relayCeremonies } from "./ceremonies.server";
import { velocity, type VelocityPoint } from "./velocity";

export type Sprint = typeof sprints.$inferSelect;

/** The API's Sprint. */
export function sprintJson(s: Sprint) {
  return { id: s.id, number: s.number, start: s.start, end: s.end, goal: s.goal, capacity: s.capacity, state: s.state };
}

/** The project's holidays: its named calendar, or the installation's default. */
export function projectHolidays(db: DbOrTx, project: Pick<Project, "calendarId">): Set<string> {
  return holidaysFor(db, project.calendarId);
}

export function listSprints(db: DbOrTx, projectId: number): Sprint[] {
  return db.select().from(sprints).where(eq(sprints.projectId, projectId)).orderBy(asc(sprints.number)).all();
}

export const GenerateSprintsSchema = z.object({
  count: z.number({ error: "How many sprints?" }).int("Generate a whole number of sprints.").min(1, "Generate at least 1 sprint.").max(12, "Generate at most 12 at a time."),
});

export const CloseSprintSchema = z.object({ unfinished: z.enum(["backlog", "next"], { error: "Choose backlog or next for unfinished stories." }) });

/** The scrum master generates the next N sprints, laid end to end after the last one. */
export function generateSprints(db: Db, actor: User, projectId: number, input: unknown): Sprint[] {
  const { project, kickoff } = requireProject(db, actor, projectId, "sprints.manage");
  const { count } = parseInput(GenerateSprintsSchema, input);
  return db.transaction((tx) => {
    const existing = listSprints(tx, projectId).map((s) => ({ number: s.number, start: s.start, end: s.end, state: s.state, chosenStart: s.chosenStart }));
    const holidays = projectHolidays(tx, project);
    const fresh = nextSprints(existing, count, kickoff.end, holidays);
    return fresh.map((s) => {
      const sprint = tx.insert(sprints).values({ projectId, number: s.number, start: s.start, end: s.end, state: "planned" }).returning().get();
      layCeremonies(tx, project, sprint, holidays);
      return sprint;
    });
  });
}

/**
 * Re-lay every planned sprint after a kickoff or planned-start change (active and closed stay),
 * and with them the ceremonies of every sprint that is not closed.
 */
export function relaySprints(tx: DbOrTx, project: Project): void {
  const kickoff = kickoffOf(project);
  const before = new Map(listSprints(tx, project.id).map((s) => [s.id, s]));
  const laid = laySprints([...before.values()], kickoff.end, projectHolidays(tx, project));
  const at = new Date().toISOString();
  for (const s of laid) {
    if (s.state !== "planned") continue;
    const was = before.get(s.id)!;
    if (was.start === s.start && was.end === s.end) continue;
    // A moved start is a new version of its calendar entry: subscribed calendars take the new date.
    const moved = was.start !== s.start ? { calendarSequence: was.calendarSequence + 1, calendarChangedAt: at } : {};
    tx.update(sprints).set({ start: s.start, end: s.end, ...moved }).where(eq(sprints.id, s.id)).run();
  }
  relayCeremonies(tx, project);
}

export function findSprint(db: DbOrTx, sprintId: number): Sprint {
  const sprint = db.select().from(sprints).where(eq(sprints.id, sprintId)).get();
  if (!sprint) throw new DomainError("not_found", "No such sprint.");
  return sprint;
}

export const SprintChangeSchema = z.object({
  goal: z.string({ error: "Write the goal as text." }).overwrite(oneLine).trim().max(500, "Keep the goal under 500 characters.").optional(),
  capacity: z.number({ error: "Give the capacity in points." }).int("Give a whole number of points.").min(0, "Capacity cannot be negative.").max(1000, "At most 1,000 points.").nullable().optional(),
  startOn: IsoDateSchema.nullable().optional().describe("A later start for a planned sprint (a gap); null lays it end to end again."),
});

/**
 * Goal, capacity, or a later start for a planned sprint (SPEC A3), which re-lays the planned
 * sprints after it. The start can move back as far as end to end, never earlier.
 */
export function updateSprint(db: Db, actor: User, sprintId: number, input: unknown): Sprint {
  const sprint = findSprint(db, sprintId);
  const { project, kickoff } = requireProject(db, actor, sprint.projectId, "sprints.manage");
  const { startOn, ...change } = givenFields(parseInput(SprintChangeSchema, input));
  return db.transaction((tx) => {
    const current = findSprint(tx, sprintId);
    const set: Partial<typeof sprints.$inferInsert> = { ...change };
    if (startOn !== undefined && startOn !== current.start) {
      if (current.state !== "planned") throw new DomainError("conflict", `Sprint ${current.number} is ${current.state}: only a planned sprint can be given another start.`, { fields: { startOn: "Only a planned sprint can start later." } });
      const earliest = earliestStart(listSprints(tx, current.projectId), current.number, kickoff.end, projectHolidays(tx, project));
      const chosen = startOn ?? earliest;
      if (chosen < earliest) throw new DomainError("invalid", `Sprint ${current.number} cannot start before ${earliest}.`, { fields: { startOn: `Choose ${earliest} or later: an earlier start would overlap what comes before it.` } });
      set.chosenStart = chosen === earliest ? null : chosen;
    }
    if (Object.keys(set).length) tx.update(sprints).set(set).where(eq(sprints.id, sprintId)).run();
    if (set.chosenStart !== undefined) {
      relaySprints(tx, project);
      // A go-live ships with its sprint: a start moved past a cutover is refused, not left behind.
      const early = tx
        .select({ name: goLives.name, cutoverOn: goLives.cutoverOn, number: sprints.number, start: sprints.start })
        .from(goLives)
        .innerJoin(sprints, eq(sprints.id, goLives.sprintId))
        .where(and(eq(goLives.projectId, current.projectId), isNull(goLives.doneAt), sql`${goLives.cutoverOn} < ${sprints.start}`))
        .get();
      if (early) {
        throw new DomainError("conflict", `${early.name} cuts over on ${early.cutoverOn}, before sprint ${early.number} would start on ${early.start}: move its cutover first.`, {
          fields: { startOn: `${early.name} cuts over on ${early.cutoverOn}: move its cutover first.` },
        });
      }
    }
    return findSprint(tx, sprintId);
  });
}

/** Start a planned sprint; one active sprint per project. Committed is what it holds now. */
export function startSprint(db: Db, actor: User, sprintId: number, now = new Date()): Sprint {
  const sprint = findSprint(db, sprintId);
  requireProject(db, actor, sprint.projectId, "sprints.manage");
  return db.transaction((tx) => {
    const active = tx.select({ number: sprints.number }).from(sprints).where(and(eq(sprints.projectId, sprint.projectId), eq(sprints.state, "active"))).get();
    if (active) throw new DomainError("conflict", `Sprint ${active.number} is still active: close it first.`);
    if (sprint.state !== "planned") throw new DomainError("conflict", `Sprint ${sprint.number} is ${sprint.state}.`);
    tx.update(sprints).set({ state: "active", startedAt: now.toISOString(), startSeq: lastEventSeq(tx) }).where(eq(sprints.id, sprintId)).run();
    return findSprint(tx, sprintId);
  });
}

/** The newest event's sequence number: everything up to it happened before this moment. */
function lastEventSeq(tx: DbOrTx): number {
  return tx.select({ n: max(storyEvents.id) }).from(storyEvents).get()?.n ?? 0;
}

function eventsOfSprint(db: DbOrTx, sprintId: number, projectId: number): StoryEvent[] {
  // One query per chart: every event of the stories that were ever in this sprint.
  const rows = db
    .select({ seq: storyEvents.id, storyId: storyEvents.storyId, at: storyEvents.at, date: storyEvents.date, kind: storyEvents.kind, to: storyEvents.toValue })
    .from(storyEvents)
    .where(
      and(
        eq(storyEvents.projectId, projectId),
        inArray(
          storyEvents.storyId,
          db.select({ id: storyEvents.storyId }).from(storyEvents).where(and(eq(storyEvents.projectId, projectId), eq(storyEvents.kind, "sprint"), eq(storyEvents.toValue, String(sprintId)))),
        ),
      ),
    )
    .orderBy(asc(storyEvents.id))
    .all();
  return rows.map(toStoryEvent);
}

export function toStoryEvent(r: { seq: number; storyId: number; at: string; date: string; kind: StoryEvent["kind"]; to: string | null }): StoryEvent {
  const base = { seq: r.seq, storyId: r.storyId, at: r.at, date: r.date, kind: r.kind };
  if (r.kind === "created") {
    const v = r.to ? (JSON.parse(r.to) as { status: StoryEvent["status"]; points: number | null; sprintId: number | null }) : null;
    return { ...base, status: v?.status ?? "todo", points: v?.points ?? null, sprintId: v?.sprintId ?? null };
  }
  if (r.kind === "status") return { ...base, status: r.to as StoryEvent["status"] };
  if (r.kind === "estimate") return { ...base, points: r.to === null ? null : Number(r.to) };
  if (r.kind === "sprint") return { ...base, sprintId: r.to === null ? null : Number(r.to) };
  if (r.kind === "wont_do") return { ...base, wontDo: r.to === "true" };
  return base;
}

/**
 * Close the sprint (any day). Every story not accepted is unfinished: back to the top of the
 * backlog or into the next planned sprint. A done story stays done. The report is frozen. A page
 * passes its `confirmation`: closing is refused until the person confirmed where the unfinished
 * stories go, counted in the same transaction that moves them.
 */
export function closeSprint(db: Db, actor: User, sprintId: number, input: unknown, now = new Date(), confirmation?: Confirmation): Sprint {
  const sprint = findSprint(db, sprintId);
  const { project } = requireProject(db, actor, sprint.projectId, "sprints.manage");
  const { unfinished } = parseInput(CloseSprintSchema, input);
  return db.transaction((tx) => {
    const current = findSprint(tx, sprintId);
    if (current.state !== "active") throw new DomainError("conflict", `Sprint ${current.number} is ${current.state}, not active.`);
    const next = tx
      .select()
      .from(sprints)
      .where(and(eq(sprints.projectId, current.projectId), eq(sprints.state, "planned"), sql`${sprints.number} > ${current.number}`))
      .orderBy(asc(sprints.number))
      .get();
    if (unfinished === "next" && !next) throw new DomainError("conflict", "There is no planned sprint to move unfinished stories into: generate one first.");
    const closedAt = now;
    const closeSeq = lastEventSeq(tx);
    const left = tx.select().from(stories).where(and(eq(stories.sprintId, sprintId), ne(stories.status, "accepted"))).orderBy(desc(stories.rank)).all();
    requireConfirmation(confirmation, `Closing Sprint ${current.number}`, closeConsequence(left.length, unfinished === "next" ? next!.number : null));
    let top = tx.select({ r: min(stories.rank) }).from(stories).where(eq(stories.projectId, current.projectId)).get()?.r ?? null;
    for (const story of [...left]) {
      const to = unfinished === "next" ? next!.id : null;
      const set: Partial<typeof stories.$inferInsert> = { sprintId: to };
      if (unfinished === "backlog") {
        // Highest-ranked unfinished story ends up first: place them from the bottom up.
        top = rankBetween(null, top);
        set.rank = top;
      }
      tx.update(stories).set(set).where(eq(stories.id, story.id)).run();
      recordEvent(tx, story, project.timeZone, actor.id, "sprint", sprintId, to, closedAt);
    }
    const report = sprintReport({ sprintId, startSeq: current.startSeq ?? 0, closeSeq, events: eventsOfSprint(tx, sprintId, current.projectId) });
    const workingDays = sprintWorkingDays(current, projectHolidays(tx, project));
    tx.update(sprints).set({ state: "closed", closedAt: closedAt.toISOString(), closeSeq, report, workingDays }).where(eq(sprints.id, sprintId)).run();
    return findSprint(tx, sprintId);
  });
}

/** The burndown of a started sprint, rebuilt from events (SPEC A9). */
export function sprintBurndown(db: Db, viewer: User, sprintId: number, now = new Date()) {
  const sprint = findSprint(db, sprintId);
  const { project } = getProject(db, viewer, sprint.projectId);
  // A closed sprint keeps the working days it had: a holiday added later cannot redraw it.
  const workingDays = sprint.workingDays ?? sprintWorkingDays(sprint, projectHolidays(db, project));
  if (sprint.startSeq === null) {
    return { days: workingDays.map((date) => ({ date, ideal: 0, remaining: null, notAccepted: null, projection: null })), committed: 0, scopeChanges: [] };
  }
  return burndown({
    sprintId,
    workingDays,
    startSeq: sprint.startSeq,
    closeSeq: sprint.closeSeq,
    today: projectToday(project, now),
    events: eventsOfSprint(db, sprintId, sprint.projectId),
  });
}

/**
 * Sprints closed before their working days were frozen get them once, at start-up, from the
 * calendar as it is then; from that moment on their burndown no longer follows holiday changes.
 */
export function freezeClosedSprintDays(db: Db): number {
  const open = db.select().from(sprints).where(and(eq(sprints.state, "closed"), isNull(sprints.workingDays))).all();
  const projectsById = new Map<number, Project>();
  db.transaction((tx) => {
    for (const sprint of open) {
      const project = projectsById.get(sprint.projectId) ?? tx.select().from(projects).where(eq(projects.id, sprint.projectId)).get()!;
      projectsById.set(project.id, project);
      tx.update(sprints).set({ workingDays: sprintWorkingDays(sprint, projectHolidays(tx, project)) }).where(eq(sprints.id, sprint.id)).run();
    }
  });
  return open.length;
}

/** Velocity from the reports frozen at close. */
export function projectVelocity(db: DbOrTx, projectId: number) {
  return velocityOf(db.select().from(sprints).where(and(eq(sprints.projectId, projectId), eq(sprints.state, "closed"))).orderBy(asc(sprints.number)).all());
}

/** Velocity from sprints already read (any states, in number order): the closed ones count. */
export function velocityOf(list: readonly Pick<Sprint, "number" | "state" | "report">[]) {
  const closed: VelocityPoint[] = list.filter((s) => s.state === "closed").map((s) => ({ sprint: s.number, committed: s.report?.committed ?? 0, accepted: s.report?.completed ?? 0 }));
  return { closed, ...velocity(closed) };
}

/** The board of a sprint: its stories by workflow column. */
/**
 * The sprint's board: its stories in rank order, each with its assignee (name and initials) and
 * whether an open blocker names it; and the members a story can be given to.
 */
export function sprintBoard(db: Db, viewer: User, sprintId: number) {
  const sprint = findSprint(db, sprintId);
  const found = getProject(db, viewer, sprint.projectId);
  const members = listMembers(db, sprint.projectId).map((m) => ({ id: m.userId, name: m.name, initials: initials(m.name) }));
  const items = db.select().from(stories).where(eq(stories.sprintId, sprintId)).orderBy(asc(stories.rank)).all();
  const blocked = new Set(
    db
      .select({ storyId: blockers.storyId })
      .from(blockers)
      .innerJoin(stories, eq(stories.id, blockers.storyId))
      .where(and(eq(stories.sprintId, sprintId), isNull(blockers.resolvedAt)))
      .all()
      .map((b) => b.storyId),
  );
  const byId = new Map(members.map((m) => [m.id, m] as const));
  // Where a close would send unfinished stories with "into the next sprint" (its confirm step lists them).
  const next = db
    .select({ number: sprints.number })
    .from(sprints)
    .where(and(eq(sprints.projectId, sprint.projectId), eq(sprints.state, "planned"), sql`${sprints.number} > ${sprint.number}`))
    .orderBy(asc(sprints.number))
    .get();
  return {
    ...found,
    sprint,
    members,
    nextSprintNumber: next?.number ?? null,
    stories: items.map((s) => ({ ...s, assignee: s.assigneeId ? byId.get(s.assigneeId) ?? null : null, blocked: blocked.has(s.id) })),
  };
}

