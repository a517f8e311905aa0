/**
 * Sprint charts rebuilt from story events (SPEC A9), never from today's state: replaying the
 * append-only events gives every story's sprint, estimate and status at any moment.
 */

import type { STORY_EVENT_KINDS, STORY_STATUSES } from "../../db/schema/enums";

export type StoryStatus = (typeof STORY_STATUSES)[number];
export type StoryEventKind = (typeof STORY_EVENT_KINDS)[number];

export type StoryEvent = {
  /** The event's place in the append-only log: the order of events, exact even within a millisecond. */
  seq: number;
  storyId: number;
  at: string;
  /** The calendar date of `at` in the project's time zone. */
  date: string;
  /** The charts replay created, status, estimate, sprint and wont_do; other kinds (title, assignee, …) are history only. */
  kind: StoryEventKind;
  /** created: the initial state; status/estimate/sprint/wont_do: the new value. */
  status?: StoryStatus;
  points?: number | null;
  sprintId?: number | null;
  wontDo?: boolean;
};

type StoryState = { sprintId: number | null; points: number; status: StoryStatus; wontDo: boolean };

function apply(state: Map<number, StoryState>, e: StoryEvent) {
  const s = state.get(e.storyId) ?? { sprintId: null, points: 0, status: "todo" as StoryStatus, wontDo: false };
  if (e.kind === "created") {
    state.set(e.storyId, { sprintId: e.sprintId ?? null, points: e.points ?? 0, status: e.status ?? "todo", wontDo: false });
    return;
  }
  if (e.kind === "status" && e.status) s.status = e.status;
  if (e.kind === "estimate") s.points = e.points ?? 0;
  if (e.kind === "sprint") s.sprintId = e.sprintId ?? null;
  if (e.kind === "wont_do") s.wontDo = e.wontDo ?? false;
  state.set(e.storyId, s);
}

function inSprint(state: Map<number, StoryState>, sprintId: number) {
  return [...state.entries()].filter(([, s]) => s.sprintId === sprintId);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const bySeq = (a: StoryEvent, b: StoryEvent) => a.seq - b.seq;

/** Replay events up to and including sequence number `until`, in order. */
export function stateAt(events: readonly StoryEvent[], until: number): Map<number, StoryState> {
  const state = new Map<number, StoryState>();
  for (const e of [...events].sort(bySeq)) if (e.seq <= until) apply(state, e);
  return state;
}

export type BurndownDay = { date: string; ideal: number; remaining: number | null; notAccepted: number | null; projection: number | null };
export type Burndown = { days: BurndownDay[]; committed: number; scopeChanges: { date: string; points: number }[] };

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * One point per working day: the value at the end of that day. Committed is the sprint's points
 * at the moment it started (every event up to `startSeq`); later membership and estimate changes
 * are scope changes (marked on the working day they fall on, or the next one), never burn, and
 * never move the ideal line. Events after the sprint closed (after `closeSeq`) are ignored, so
 * moving a story later cannot rewrite the chart.
 */
export function burndown(input: {
  sprintId: number;
  workingDays: readonly string[];
  startSeq: number;
  closeSeq: number | null;
  today: string;
  events: readonly StoryEvent[];
}): Burndown {
  const { sprintId, workingDays, startSeq, closeSeq, today } = input;
  const events = input.events.filter((e) => closeSeq === null || e.seq <= closeSeq).sort(bySeq);
  const state = new Map<number, StoryState>();
  let i = 0;
  for (; i < events.length && events[i].seq <= startSeq; i++) apply(state, events[i]);
  const committed = sum(inSprint(state, sprintId).map(([, s]) => s.points));
  const n = workingDays.length;
  const changes = new Map<string, number>();
  const scopeDay = (date: string) => workingDays.find((d) => d >= date) ?? workingDays[n - 1];
  const days: BurndownDay[] = [];
  let lastShown = -1;
  workingDays.forEach((day, index) => {
    for (; i < events.length && events[i].date <= day; i++) {
      const e = events[i];
      const before = state.get(e.storyId);
      const scopeBefore = before && before.sprintId === sprintId ? before.points : 0;
      apply(state, e);
      const after = state.get(e.storyId)!;
      const scopeAfter = after.sprintId === sprintId ? after.points : 0;
      if (scopeAfter !== scopeBefore) changes.set(scopeDay(e.date), (changes.get(scopeDay(e.date)) ?? 0) + scopeAfter - scopeBefore);
    }
    const stories = inSprint(state, sprintId).map(([, s]) => s);
    const shown = day <= today;
    if (shown) lastShown = index;
    days.push({
      date: day,
      ideal: round((committed * (n - index - 1)) / n),
      remaining: shown ? sum(stories.filter((s) => s.status !== "done" && s.status !== "accepted").map((s) => s.points)) : null,
      notAccepted: shown ? sum(stories.filter((s) => s.status !== "accepted").map((s) => s.points)) : null,
      projection: null,
    });
  });
  if (closeSeq === null && lastShown >= 0 && lastShown < n - 1) {
    const rate = n ? committed / n : 0;
    const from = days[lastShown].remaining ?? 0;
    for (let j = lastShown; j < n; j++) days[j].projection = round(Math.max(0, from - rate * (j - lastShown)));
  }
  return { days, committed, scopeChanges: [...changes.entries()].map(([date, points]) => ({ date, points })).sort((a, b) => a.date.localeCompare(b.date)) };
}

/**
 * Where the today marker sits on a burndown's axis of working days: today itself, or the last
 * working day before it (a weekend or holiday shows on the day the figures are from); none when
 * today is before the first or after the last working day.
 */
export function todayOnAxis(workingDays: readonly string[], today: string): string | null {
  if (!workingDays.length || today < workingDays[0] || today > workingDays[workingDays.length - 1]) return null;
  return [...workingDays].reverse().find((d) => d <= today) ?? null;
}

export type SprintReport = { committed: number; completed: number; notCompleted: number; added: number; removed: number; reestimated: number };

/**
 * The report frozen at close: committed at start, completed (accepted) and not completed at
 * close, added after start (valued at close), removed after start (valued at start), and the
 * re-estimates of stories there at both ends (close minus start). It adds up:
 * committed + added − removed + reestimated = completed + notCompleted.
 */
export function sprintReport(input: { sprintId: number; startSeq: number; closeSeq: number; events: readonly StoryEvent[] }): SprintReport {
  const atStart = inSprint(stateAt(input.events, input.startSeq), input.sprintId);
  const atClose = inSprint(stateAt(input.events, input.closeSeq), input.sprintId);
  const startPoints = new Map(atStart.map(([id, s]) => [id, s.points]));
  const closeIds = new Set(atClose.map(([id]) => id));
  return {
    committed: sum(atStart.map(([, s]) => s.points)),
    completed: sum(atClose.filter(([, s]) => s.status === "accepted").map(([, s]) => s.points)),
    notCompleted: sum(atClose.filter(([, s]) => s.status !== "accepted").map(([, s]) => s.points)),
    added: sum(atClose.filter(([id]) => !startPoints.has(id)).map(([, s]) => s.points)),
    removed: sum(atStart.filter(([id]) => !closeIds.has(id)).map(([, s]) => s.points)),
    reestimated: sum(atClose.filter(([id]) => startPoints.has(id)).map(([id, s]) => s.points - startPoints.get(id)!)),
  };
}

/**
 * A report frozen before the re-estimate line was kept: its re-estimates are exactly what makes
 * it add up, since every other figure was computed as today.
 */
export function completeReport(report: Omit<SprintReport, "reestimated"> & { reestimated?: number }): SprintReport {
  return { ...report, reestimated: report.reestimated ?? report.completed + report.notCompleted - report.committed - report.added + report.removed };
}
