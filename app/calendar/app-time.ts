import { todayIn } from "./business-days";

/** The Ideas Lab's time zone (SPEC C): `APP_TIME_ZONE`, UTC by default. */
export function appTimeZone(): string {
  return process.env.APP_TIME_ZONE || "UTC";
}

/** Today's date in the app's time zone: SLA clocks and target dates are counted in it. */
export function appToday(now: Date = new Date()): string {
  return todayIn(appTimeZone(), now);
}
