import { addDays, format, parseISO, startOfWeek } from "date-fns";
import type { WeekStart } from "../lib/app-time";

/** How often a user's digest mail goes out (mirrors `DIGEST_CHOICES` of the schema). */
export type DigestChoice = "daily" | "weekly" | "off";

/**
 * The digest a notification of `today` joins: its `day` is the period's last day (the outbox
 * sends a digest the day after it), with the subject its mail gets. A weekly digest collects the
 * week that starts on the installation's week start, so it goes out on the next week start. Off:
 * no digest at all.
 */
export function digestPeriod(today: string, choice: DigestChoice, weekStartsOn: WeekStart): { day: string; subject: string } | null {
  if (choice === "off") return null;
  if (choice === "daily") return { day: today, subject: `Your Sprintlab digest for ${today}` };
  const start = startOfWeek(parseISO(today), { weekStartsOn });
  return { day: format(addDays(start, 6), "yyyy-MM-dd"), subject: `Your Sprintlab digest for the week of ${format(start, "yyyy-MM-dd")}` };
}

/** Longest a notification's detail gets in a one-line digest entry. */
export const DIGEST_DETAIL_LENGTH = 240;

/**
 * One digest entry: where it happened (the portal or project, unless the text names it already),
 * the text, what the event said on one line (shortened), and its link last.
 */
export function digestLine(text: string, link: string, detail?: string | null, where?: string | null): string {
  const said = (detail ?? "").replace(/\s+/g, " ").trim();
  const short = said.length > DIGEST_DETAIL_LENGTH ? `${said.slice(0, DIGEST_DETAIL_LENGTH - 1).trimEnd()}…` : said;
  // A "(/path)" inside the quoted text would read as a second link: its parenthesis is dropped.
  const quoted = short.replace(/\((?=\/)/g, "");
  const place = where && !text.includes(where) ? `${where}: ` : "";
  return `- ${place}${text}${quoted ? ` — “${quoted}”` : ""} (${link})`;
}

export type Listed = { id: number; createdAt: string; where: string | null };

/**
 * The notifications page's order: newest day first, and within a day one group per project or
 * portal (in the order their newest notification came), each keeping the newest first. `dayOf`
 * turns a timestamp into the calendar day it is read in.
 */
export function groupByDayAndPlace<T extends Listed>(items: readonly T[], dayOf: (at: string) => string): { day: string; groups: { where: string | null; items: T[] }[] }[] {
  const sorted = [...items].sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
  const days: { day: string; groups: { where: string | null; items: T[] }[] }[] = [];
  for (const item of sorted) {
    const day = dayOf(item.createdAt);
    let bucket = days.at(-1);
    if (!bucket || bucket.day !== day) days.push((bucket = { day, groups: [] }));
    let group = bucket.groups.find((g) => g.where === item.where);
    if (!group) bucket.groups.push((group = { where: item.where, items: [] }));
    group.items.push(item);
  }
  return days;
}
