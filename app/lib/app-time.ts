import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** Today's calendar date in a time zone (the project's, or the app's `APP_TIME_ZONE`). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return format(new TZDate(now, timeZone), "yyyy-MM-dd");
}

/** The Ideas Lab's time zone (SPEC C): `APP_TIME_ZONE`, UTC by default. */
export function appTimeZone(): string {
  return process.env.APP_TIME_ZONE || "UTC";
}

/** Today's date in the app's time zone: SLA clocks and target dates are counted in it. */
export function appToday(now: Date = new Date()): string {
  return todayIn(appTimeZone(), now);
}

export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * A first day of the week as written in `APP_WEEK_START`: a day's English name (`monday`, `Sun`)
 * or its number (0 = Sunday … 6 = Saturday). Monday when unset or unreadable.
 */
export function parseWeekStart(value: string | undefined): WeekStart {
  const text = (value ?? "").trim().toLowerCase();
  if (/^[0-6]$/.test(text)) return Number(text) as WeekStart;
  const at = text.length >= 3 ? DAY_NAMES.findIndex((name) => name.startsWith(text)) : -1;
  return (at >= 0 ? at : 1) as WeekStart;
}

/** The installation's first day of the week (`APP_WEEK_START`): weekly digests collect from it. */
export function appWeekStart(): WeekStart {
  return parseWeekStart(process.env.APP_WEEK_START);
}
