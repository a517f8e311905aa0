import { format, parseISO } from "date-fns";

/** Render an ISO timestamp as a short UTC date and time, the same on server and client. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return "—";
  return iso.slice(0, 16).replace("T", " ") + " UTC";
}

/** Render a `YYYY-MM-DD` date as e.g. "Fri 25 Dec 2026" (date-fns, so server and browser agree). */
export function formatDay(iso: string): string {
  return format(parseISO(iso), "EEE d MMM yyyy");
}
