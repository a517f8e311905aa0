import { addDays, format, parseISO } from "date-fns";
import { addBusinessDays, isWorkingDay, workingDaysInRange } from "../calendar/business-days";

export const SPRINT_DAYS = 21;

/** What closing a sprint does, in the words its confirm step shows. */
export function closeConsequence(unfinished: number, nextSprint: number | null): string {
  if (unfinished === 0) return "every story is accepted, so no story moves; the sprint report is frozen.";
  const stories = unfinished === 1 ? "1 unfinished story goes" : `${unfinished} unfinished stories go`;
  return `${stories} ${nextSprint === null ? "to the top of the backlog" : `into Sprint ${nextSprint}`}; the sprint report is frozen.`;
}

export type SprintState = "planned" | "active" | "closed";

export type LaidSprint = { number: number; start: string; end: string; state: SprintState; chosenStart: string | null };

function plusDays(iso: string, days: number): string {
  return format(addDays(parseISO(iso), days), "yyyy-MM-dd");
}

/** The first working day after the kickoff phase: where sprint 1 starts. */
export function firstSprintStart(kickoffEnd: string, holidays: ReadonlySet<string>): string {
  return addBusinessDays(kickoffEnd, 1, holidays);
}

/** Three weeks: 21 calendar days, the start included. */
export function sprintEnd(start: string): string {
  return plusDays(start, SPRINT_DAYS - 1);
}

/**
 * Lay sprints end to end (SPEC A3): sprint 1 on the first working day after kickoff, each next
 * one the day after the previous ends, unless a planned sprint was given a later start (a gap).
 * Active and closed sprints never move; every later planned sprint follows them.
 */
export function laySprints<S extends { number: number; start: string; state: SprintState; chosenStart: string | null }>(
  sprints: readonly S[],
  kickoffEnd: string,
  holidays: ReadonlySet<string>,
): (S & { start: string; end: string })[] {
  const ordered = [...sprints].sort((a, b) => a.number - b.number);
  const laid: (S & { start: string; end: string })[] = [];
  let earliest = firstSprintStart(kickoffEnd, holidays);
  for (const sprint of ordered) {
    if (sprint.state !== "planned") {
      laid.push({ ...sprint, end: sprintEnd(sprint.start) });
      earliest = plusDays(sprintEnd(sprint.start), 1);
      continue;
    }
    const start = sprint.chosenStart && sprint.chosenStart > earliest ? sprint.chosenStart : earliest;
    laid.push({ ...sprint, start, end: sprintEnd(start) });
    earliest = plusDays(sprintEnd(start), 1);
  }
  return laid;
}

/**
 * The earliest start a planned sprint can be given (SPEC A3): where it would be laid end to end,
 * right after the sprint before it (or on the first working day after kickoff). A later start
 * leaves a gap; an earlier one would overlap.
 */
export function earliestStart<S extends { number: number; start: string; state: SprintState; chosenStart: string | null }>(
  sprints: readonly S[],
  sprintNumber: number,
  kickoffEnd: string,
  holidays: ReadonlySet<string>,
): string {
  const withoutGap = sprints.map((s) => (s.number === sprintNumber ? { ...s, chosenStart: null } : s));
  return laySprints(withoutGap, kickoffEnd, holidays).find((s) => s.number === sprintNumber)!.start;
}

/** The next `count` sprints after the existing ones, laid end to end. */
export function nextSprints(existing: readonly LaidSprint[], count: number, kickoffEnd: string, holidays: ReadonlySet<string>): LaidSprint[] {
  const last = [...existing].sort((a, b) => b.number - a.number)[0];
  const fresh: LaidSprint[] = [];
  let start = last ? plusDays(last.end, 1) : firstSprintStart(kickoffEnd, holidays);
  for (let i = 1; i <= count; i++) {
    const sprint: LaidSprint = { number: (last?.number ?? 0) + i, start, end: sprintEnd(start), state: "planned", chosenStart: null };
    fresh.push(sprint);
    start = plusDays(sprint.end, 1);
  }
  return fresh;
}

export function sprintWorkingDays(sprint: { start: string; end: string }, holidays: ReadonlySet<string>): string[] {
  return workingDaysInRange(sprint.start, sprint.end, holidays);
}

export { isWorkingDay };

type SummaryStory = { id: number; key: string | null; title: string; points: number | null; status: string };
export type CloseSummaryGroup = { kind: "accepted" | "done" | "open"; title: string; stories: SummaryStory[]; points: number };

/**
 * What closing a sprint does to each of its stories, for the confirm step to list before it
 * happens: accepted stories stay and count as completed; every other story goes where the
 * close sends the unfinished ones (the top of the backlog, or the next sprint), done ones
 * keeping their status for the next demo. Stories come in board (rank) order; empty groups
 * are left out.
 */
export function closeSummary(stories: readonly SummaryStory[], unfinished: "backlog" | "next", nextSprint: number | null): CloseSummaryGroup[] {
  const to = unfinished === "next" && nextSprint !== null ? `into Sprint ${nextSprint}` : "to the top of the backlog";
  const group = (kind: CloseSummaryGroup["kind"], title: string, pick: (s: SummaryStory) => boolean): CloseSummaryGroup => {
    const picked = stories.filter(pick);
    return { kind, title, stories: picked, points: picked.reduce((n, s) => n + (s.points ?? 0), 0) };
  };
  return [
    group("accepted", "Accepted: stay in the sprint and count as completed", (s) => s.status === "accepted"),
    group("done", `Done, not accepted: go ${to}, still done, for the next demo to decide`, (s) => s.status === "done"),
    group("open", `Not done: go ${to}`, (s) => s.status !== "accepted" && s.status !== "done"),
  ].filter((g) => g.stories.length > 0);
}
