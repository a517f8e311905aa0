/** The PM board's pure parts: which columns it sorts by, and how a row's due date reads. */
import { z } from "zod";
import { differenceInCalendarDays, parseISO } from "date-fns";
import type { IdeaStatus } from "../../db/schema/enums";

/** The columns a PM sorts the board by (the URL's `sort`); the server maps each to one SQL expression. */
export const BOARD_SORTS = ["due", "key", "title", "votes", "customerVotes", "companies", "category", "owner"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export const BOARD_SORT_LABELS: Record<BoardSort, string> = {
  due: "Due",
  key: "Key",
  title: "Title",
  votes: "Votes",
  customerVotes: "Customer and partner votes",
  companies: "Voting companies",
  category: "Category",
  owner: "Owner",
};

/** The direction a column sorts in first: counts most first, names and dates from the start. */
export function defaultDirection(sort: BoardSort): "asc" | "desc" {
  return sort === "votes" || sort === "customerVotes" || sort === "companies" ? "desc" : "asc";
}

export const BoardQuerySchema = z.object({
  sort: z.enum(BOARD_SORTS, { error: "Unknown column." }).default("due"),
  dir: z.enum(["asc", "desc"], { error: "Sort ascending or descending." }).optional(),
  category: z.string().trim().toUpperCase().optional(),
  /** "mine" (the PM's own categories), "all", or one owner's user id. */
  owner: z.union([z.enum(["mine", "all"]), z.coerce.number().int().min(1)], { error: "Unknown owner." }).default("mine"),
  page: z.coerce.number({ error: "Page is a number." }).int().min(1).max(100_000).default(1),
});
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

/** What the board says about a part of its URL it could not use, and what it shows instead. */
export const BOARD_NOTICES: Record<string, (value: string) => string> = {
  sort: (v) => `The board cannot be sorted by “${v}”; it is sorted by due date.`,
  dir: (v) => `“${v}” is not a sort direction, so the column's usual order is used.`,
  owner: (v) => `“${v}” is not an owner, so your categories are shown.`,
  page: (v) => `“${v}” is not a page number, so page 1 is shown.`,
};

export type DueInput = { status: IdeaStatus; slaDue: string | null; slaAnswered: boolean; targetDate: string | null; thresholdVotes: number; voteThreshold: number };
export type DueLine = { text: string; late: boolean };

function days(n: number): string {
  return `${n} day${n === 1 ? "" : "s"}`;
}

/**
 * A row's due date or lateness: the open SLA clock of an idea under review ("Update 12 days
 * overdue", or "Update due 2027-01-14"), the target date of an accepted idea ("3 days past target"),
 * and for an idea in Community Review how many customer and partner votes it still needs.
 * An unanswered clock is overdue from the day after its due date (SPEC B4).
 */
export function dueLine(row: DueInput, today: string): DueLine {
  if (row.status === "under_pm_review") {
    if (!row.slaDue) return { text: row.slaAnswered ? "Update posted" : "No clock", late: false };
    const over = differenceInCalendarDays(parseISO(today), parseISO(row.slaDue));
    return over > 0 ? { text: `Update ${days(over)} overdue (due ${row.slaDue})`, late: true } : { text: `Update due ${row.slaDue}`, late: false };
  }
  if (row.status === "accepted" || row.status === "in_development") {
    if (!row.targetDate) return { text: "No target date", late: false };
    const over = differenceInCalendarDays(parseISO(today), parseISO(row.targetDate));
    return over > 0 ? { text: `${days(over)} past target (${row.targetDate})`, late: true } : { text: `Target ${row.targetDate}`, late: false };
  }
  if (row.status === "community_review") {
    const short = Math.max(0, row.voteThreshold - row.thresholdVotes);
    return { text: short === 0 ? "At the threshold" : `${short} vote${short === 1 ? "" : "s"} short of ${row.voteThreshold}`, late: false };
  }
  return { text: "Closed", late: false };
}

/** The link of a column header: the same filters, this column, and the other direction when it is already the sorted one. */
export function sortLink(current: { sort: BoardSort; dir: "asc" | "desc" }, column: BoardSort, params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.set("sort", column);
  const dir = current.sort === column ? (current.dir === "asc" ? "desc" : "asc") : defaultDirection(column);
  next.set("dir", dir);
  next.delete("page");
  return `?${next}`;
}

/** The `aria-sort` of a column header. */
export function ariaSort(current: { sort: BoardSort; dir: "asc" | "desc" }, column: BoardSort): "ascending" | "descending" | undefined {
  if (current.sort !== column) return undefined;
  return current.dir === "asc" ? "ascending" : "descending";
}
