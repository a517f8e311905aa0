import { format, parseISO } from "date-fns";

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Render an ISO timestamp as a short date and time, the same on server and client: in UTC (and
 * saying so), or in a given IANA zone — a project's, named once on its page (`ProjectNav`).
 */
export function formatTimestamp(iso: string | null | undefined, timeZone?: string | null): string {
  if (!iso) return "—";
  if (!timeZone || timeZone === "UTC") return iso.slice(0, 16).replace("T", " ") + (timeZone ? "" : " UTC");
  let formatter = zoneFormats.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    zoneFormats.set(timeZone, formatter);
  }
  const part = Object.fromEntries(formatter.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** Render a `YYYY-MM-DD` date as e.g. "Fri 25 Dec 2026" (date-fns, so server and browser agree). */
export function formatDay(iso: string): string {
  return format(parseISO(iso), "EEE d MMM yyyy");
}
