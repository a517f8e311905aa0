import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { buildCalendar, instantIn } from "../../app/calendar/ics";

const stamp = new Date("2026-11-20T12:00:00Z");

function parse(text: string) {
  const parsed = ical.sync.parseICS(text);
  return Object.values(parsed).filter((c): c is ical.VEvent => c?.type === "VEVENT");
}

describe("ICS feed (SPEC A5, RFC 5545)", () => {
  const text = buildCalendar({
    name: "Acme Health — ceremonies",
    timeZone: "America/Chicago",
    events: [
      { uid: "ceremony-1@sprintlab", summary: "Sprint Planning — Sprint 4", date: "2026-11-23", time: "09:30", minutes: 120, stamp, description: "Bring the groomed top of the backlog" },
      { uid: "ceremony-2@sprintlab", summary: "Daily Standup — Sprint 4", date: "2026-11-24", time: "09:00", minutes: 15, stamp, cancelled: true, sequence: 1 },
      { uid: "sprint-4@sprintlab", summary: "Sprint 4 starts", date: "2026-11-23", stamp },
    ],
  });

  it("is read back by an independent parser with one VEVENT per entry and no RRULE", () => {
    const events = parse(text);
    expect(events).toHaveLength(3);
    expect(text).not.toContain("RRULE:FREQ=DAILY");
    expect(events.map((e) => e.uid).sort()).toEqual(["ceremony-1@sprintlab", "ceremony-2@sprintlab", "sprint-4@sprintlab"]);
    for (const e of events) expect(e.dtstamp).toBeInstanceOf(Date);
    // RFC 5545 3.8.7.2: DTSTAMP is in UTC.
    expect(text.match(/^DTSTAMP:.*$/gm)).toEqual(Array(3).fill("DTSTAMP:20261120T120000Z"));
  });

  it("places timed entries in the project's time zone with its VTIMEZONE", () => {
    expect(text).toContain("BEGIN:VTIMEZONE");
    expect(text).toContain("TZID:America/Chicago");
    expect(text).toMatch(/DTSTART;TZID=America\/Chicago:20261123T093000/);
    const planning = parse(text).find((e) => e.uid === "ceremony-1@sprintlab")!;
    // 09:30 in Chicago in November (CST, UTC−6) is 15:30 UTC, and it lasts two hours.
    expect(new Date(planning.start).toISOString()).toBe("2026-11-23T15:30:00.000Z");
    expect(new Date(planning.end!).getTime() - new Date(planning.start).getTime()).toBe(120 * 60_000);
    expect(planning.summary).toBe("Sprint Planning — Sprint 4");
  });

  it("keeps a cancelled occurrence, marked cancelled, with its sequence", () => {
    const standup = parse(text).find((e) => e.uid === "ceremony-2@sprintlab")!;
    expect(standup.status).toBe("CANCELLED");
    expect(Number(standup.sequence)).toBe(1);
  });

  it("writes whole-day entries as dates", () => {
    expect(text).toContain("DTSTART;VALUE=DATE:20261123");
    const start = parse(text).find((e) => e.uid === "sprint-4@sprintlab")!;
    expect(start.datetype).toBe("date");
  });

  it("names UTC by its canonical TZID, the same in the events and the VTIMEZONE", () => {
    const utc = buildCalendar({ name: "UTC project", timeZone: "UTC", events: [{ uid: "a@sprintlab", summary: "Daily Standup", date: "2026-11-24", time: "09:00", minutes: 15, stamp }] });
    expect(utc).toContain("TZID:Etc/UTC");
    expect(utc).toContain("DTSTART;TZID=Etc/UTC:20261124T090000");
    expect(new Date(parse(utc)[0].start).toISOString()).toBe("2026-11-24T09:00:00.000Z");
  });

  it("falls back to UTC times for a zone without a published VTIMEZONE (Europe/Kyiv), keeping the instant", () => {
    const kyiv = buildCalendar({ name: "Kyiv project", timeZone: "Europe/Kyiv", events: [{ uid: "k@sprintlab", summary: "Daily Standup", date: "2026-11-24", time: "09:00", minutes: 15, stamp }] });
    expect(kyiv).not.toContain("TZID=");
    expect(kyiv).toContain("DTSTART:20261124T070000Z");
    expect(new Date(parse(kyiv)[0].start).toISOString()).toBe("2026-11-24T07:00:00.000Z");
  });

  it("converts wall-clock times across daylight saving", () => {
    expect(instantIn("2026-07-01", "09:00", "Europe/London").toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(instantIn("2026-12-01", "09:00", "Europe/London").toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });
});
