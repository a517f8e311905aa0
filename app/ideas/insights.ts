import { addDays, differenceInCalendarDays, endOfMonth, format, parseISO, startOfMonth, addMonths } from "date-fns";
import type { IdeaStatus } from "../../db/schema/ideas";
import { IDEA_STATUSES } from "../../db/schema/enums";

/** Votes cast and withdrawn on an idea in one ISO week, as the votes-per-week chart draws them. */
export type VotesWeek = { week: string; cast: number; withdrawn: number };

/** One idea's status history, oldest first (`at` as ISO timestamps). */
export type History = { ideaId: number; changes: { to: IdeaStatus; at: string }[] };

export const FUNNEL: IdeaStatus[] = ["community_review", "under_pm_review", "accepted", "in_development", "delivered"];

export type FunnelStage = {
  status: IdeaStatus;
  ideas: number;
  /** Whole percent of the previous stage's ideas that reached this one (null for the first stage, or after an empty one). */
  ofPrevious: number | null;
  /** Whole percent of all submitted ideas that reached this stage. */
  ofAll: number | null;
};

function percent(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 100) : null;
}

/** How many ideas ever reached each stage of the road to Delivered, and the conversion between stages. */
export function funnel(histories: History[]): FunnelStage[] {
  const counts = FUNNEL.map((status) => histories.filter((h) => h.changes.some((c) => c.to === status)).length);
  return FUNNEL.map((status, i) => ({
    status,
    ideas: counts[i],
    ofPrevious: i === 0 ? null : percent(counts[i], counts[i - 1]),
    ofAll: percent(counts[i], counts[0]),
  }));
}

/**
 * Every week from the first one with votes to the last, the weeks between without votes as
 * zeros, so that the chart's axis keeps time evenly. At most `maxWeeks`, the latest.
 */
export function fillWeeks(weeks: VotesWeek[], maxWeeks = 52): VotesWeek[] {
  if (!weeks.length) return [];
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const last = weeks[weeks.length - 1].week;
  const filled: VotesWeek[] = [];
  for (let w = weeks[0].week; w <= last; w = format(addDays(parseISO(w), 7), "yyyy-MM-dd")) {
    filled.push(byWeek.get(w) ?? { week: w, cast: 0, withdrawn: 0 });
  }
  return filled.slice(-maxWeeks);
}

/** Months `YYYY-MM` from the first to the last date, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = startOfMonth(parseISO(first)); m <= parseISO(last); m = addMonths(m, 1)) months.push(format(m, "yyyy-MM"));
  return months;
}

/** At the end of each month (or today, for the current one), how many ideas stood in each status. */
export function statusOverTime(histories: History[], months: string[], today: string): ({ month: string } & Record<IdeaStatus, number>)[] {
  return months.map((month) => {
    const monthEnd = format(endOfMonth(parseISO(`${month}-01`)), "yyyy-MM-dd");
    const cutoff = (monthEnd < today ? monthEnd : today) + "T23:59:59.999Z";
    const row = Object.fromEntries(IDEA_STATUSES.map((s) => [s, 0])) as Record<IdeaStatus, number>;
    for (const h of histories) {
      const current = [...h.changes].reverse().find((c) => c.at <= cutoff);
      if (current) row[current.to]++;
    }
    return { month, ...row };
  });
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median days spent in each status, per month in which the idea left that status. Statuses an
 * idea is still in are not counted until it leaves them.
 */
export function medianTimeInStatus(histories: History[], months: string[]): ({ month: string } & Partial<Record<IdeaStatus, number | null>>)[] {
  const spans = new Map<string, number[]>();
  for (const h of histories) {
    for (let i = 0; i + 1 < h.changes.length; i++) {
      const from = h.changes[i];
      const to = h.changes[i + 1];
      const key = `${to.at.slice(0, 7)}|${from.to}`;
      const days = differenceInCalendarDays(parseISO(to.at.slice(0, 10)), parseISO(from.at.slice(0, 10)));
      spans.set(key, [...(spans.get(key) ?? []), days]);
    }
  }
  return months.map((month) => {
    const row: { month: string } & Partial<Record<IdeaStatus, number | null>> = { month };
    for (const status of ["community_review", "under_pm_review", "accepted", "in_development"] as IdeaStatus[]) {
      row[status] = median(spans.get(`${month}|${status}`) ?? []);
    }
    return row;
  });
}

/**
 * SLA clocks met and missed per month (SPEC B4): a met clock counts in the month it was answered;
 * a missed one becomes missed the day after its due date and counts in that month — answered late
 * or not at all, and whenever a late answer comes, so a month's figure never changes afterwards.
 */
export function slaByMonth(clocks: { dueOn: string; answeredOn: string | null }[], months: string[], today: string): { month: string; met: number; missed: number }[] {
  const rows = new Map(months.map((m) => [m, { month: m, met: 0, missed: 0 }]));
  for (const clock of clocks) {
    if (clock.answeredOn && clock.answeredOn <= clock.dueOn) {
      const row = rows.get(clock.answeredOn.slice(0, 7));
      if (row) row.met++;
      continue;
    }
    const missedOn = format(addDays(parseISO(clock.dueOn), 1), "yyyy-MM-dd");
    if (missedOn <= today || clock.answeredOn) {
      const row = rows.get(missedOn.slice(0, 7));
      if (row) row.missed++;
    }
  }
  return [...rows.values()];
}
