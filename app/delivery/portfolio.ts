import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";

/**
 * The portfolio's sortable columns (SPEC A10), chosen by `?sort=&dir=` links so sorting works
 * without JavaScript. Projects without a value in the sorted column (no report, no velocity, no
 * go-live) always come last, whichever the direction; ties keep name order.
 */
export const PORTFOLIO_SORTS = ["name", "status", "next-go-live", "phase", "velocity", "done-not-accepted", "accepted-not-passed", "scope", "blockers"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export type SortDir = "asc" | "desc";

/** The fields of a portfolio row the sorter reads. */
export type SortableRow = {
  name: string;
  phase: string;
  velocity: number | null;
  nextGoLive: { cutoverOn: string; forecastOn: string | null } | null;
  doneNotAccepted: number;
  acceptedNotPassed: number;
  scopeGrowth: { points: number } | null;
  blockers: { open: number; oldestDays: number | null };
  status: { rag: "red" | "amber" | "green" } | null;
};

/** Red first: ascending status puts the projects that need a look on top. */
const RAG_ORDER = { red: 0, amber: 1, green: 2 } as const;

function key(row: SortableRow, sort: PortfolioSort): string | number | null {
  switch (sort) {
    case "name":
      return row.name.toLocaleLowerCase("en");
    case "status":
      return row.status ? RAG_ORDER[row.status.rag] : null;
    case "next-go-live":
      return row.nextGoLive?.cutoverOn ?? null;
    case "phase":
      return row.phase.toLocaleLowerCase("en");
    case "velocity":
      return row.velocity;
    case "done-not-accepted":
      return row.doneNotAccepted;
    case "accepted-not-passed":
      return row.acceptedNotPassed;
    case "scope":
      return row.scopeGrowth?.points ?? null;
    case "blockers":
      // More open blockers first when descending; among equals, the older oldest one.
      return row.blockers.open * 100000 + (row.blockers.oldestDays ?? 0);
  }
}

/** Reads `?sort=&dir=`: an unknown column falls back to name order and says so. */
export function parsePortfolioSort(sort: string | null, dir: string | null): { sort: PortfolioSort; dir: SortDir; unknown: string | null } {
  const known = (PORTFOLIO_SORTS as readonly string[]).includes(sort ?? "");
  return {
    sort: known ? (sort as PortfolioSort) : "name",
    dir: known && dir === "desc" ? "desc" : "asc",
    unknown: sort && !known ? sort : null,
  };
}

export function sortPortfolio<T extends SortableRow>(rows: readonly T[], sort: PortfolioSort, dir: SortDir): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, "en");
  return [...rows].sort((a, b) => {
    const x = key(a, sort);
    const y = key(b, sort);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en");
    return order === 0 ? byName(a, b) : dir === "desc" ? -order : order;
  });
}

/**
 * The date a sprint (by number) ends: a planned sprint's own end, or for a forecast past the
 * planned sprints, the last one's end plus a sprint's length for each sprint beyond it.
 */
export function sprintEndOn(sprints: readonly { number: number; start: string; end: string }[], number: number): string | null {
  const own = sprints.find((s) => s.number === number);
  if (own) return own.end;
  const last = sprints.at(-1);
  if (!last || number < last.number) return null;
  const before = sprints.at(-2);
  const step = before ? differenceInCalendarDays(parseISO(last.start), parseISO(before.start)) : differenceInCalendarDays(parseISO(last.end), parseISO(last.start)) + 1;
  return format(addDays(parseISO(last.end), step * (number - last.number)), "yyyy-MM-dd");
}
