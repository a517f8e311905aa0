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
