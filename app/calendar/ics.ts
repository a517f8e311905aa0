import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { addDays, format, parseISO } from "date-fns";

/** One calendar entry: a timed occurrence in the project's zone, or a whole day. */
export type FeedEvent = {
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  /** `YYYY-MM-DD`, and for timed entries the wall-clock `HH:MM` and length. */
  date: string;
  time?: string;
  minutes?: number;
  cancelled?: boolean;
  sequence?: number;
  /** When the entry last changed; calendar clients compare it with DTSTAMP. */
  stamp: Date;
};

/** The instant of a wall-clock time in a time zone. */
export function instantIn(date: string, time: string, timeZone: string): Date {
  return new Date(wallClock(date, time, timeZone).getTime());
}

function wallClock(date: string, time: string, timeZone: string): TZDate {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  return new TZDate(y, m - 1, d, h, min, 0, timeZone);
}

/**
 * An RFC 5545 calendar (SPEC A5): one VEVENT per entry, no RRULE, times with the project's TZID
 * and its VTIMEZONE, cancelled entries kept with STATUS:CANCELLED so subscribed calendars drop
 * them. Written by ical-generator rather than by hand.
 */
export function buildCalendar(input: { name: string; timeZone: string; events: readonly FeedEvent[]; prodId?: string }): string {
  // ical-generator writes NAME and X-WR-CALNAME as given: escape them as the TEXT values they are.
  const cal = new ICalCalendar({ name: escapeText(input.name), prodId: { company: "Sprintlab", product: "Sprintlab", language: "EN" }, method: ICalCalendarMethod.PUBLISH });
  // The zone's VTIMEZONE names it canonically (UTC is Etc/UTC); events must use that same TZID.
  // A zone without a published VTIMEZONE falls back to UTC times (…Z), which need none.
  const block = getVtimezoneComponent(input.timeZone);
  const tzid = block?.match(/^TZID:(.+)$/m)?.[1].trim() ?? null;
  // No calendar-wide zone name: ical-generator would then write DTSTAMP in it, and RFC 5545 wants
  // DTSTAMP in UTC. Each timed event names its zone; the generator adds that zone's VTIMEZONE.
  cal.timezone({ name: null, generator: (zone) => (zone === tzid ? block : null) });
  cal.x([["X-WR-TIMEZONE", tzid ?? "UTC"]]);
  for (const e of input.events) {
    const timed = e.time !== undefined;
    // TZDate values carry the zone, so ical-generator writes the project's wall-clock time.
    const zone = tzid ?? "UTC";
    const start = timed ? wallClock(e.date, e.time!, input.timeZone).withTimeZone(zone) : parseISO(e.date);
    const end = timed ? new TZDate(start.getTime() + (e.minutes ?? 60) * 60_000, zone) : addDays(parseISO(e.date), 1);
    cal.createEvent({
      id: e.uid,
      start: timed ? start : format(start, "yyyy-MM-dd"),
      end: timed ? end : format(end, "yyyy-MM-dd"),
      allDay: !timed,
      timezone: timed && tzid ? tzid : null,
      summary: e.summary,
      description: e.description ?? null,
      url: e.url ?? null,
      stamp: e.stamp,
      sequence: e.sequence ?? 0,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // Every content line ends with CRLF, the last one included (RFC 5545 §3.1).
  return `${cal.toString()}\r\n`;
}

/** An RFC 5545 TEXT value (§3.3.11): backslash, semicolon, comma and newline escaped. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}
