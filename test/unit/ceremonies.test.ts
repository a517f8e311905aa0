import { describe, expect, it } from "vitest";
import {
  DEFAULT_CEREMONY_TIMES,
  ceremonyDefaults,
  ceremonySchedule,
  relayPlan,
  todayAndNext,
  type StoredOccurrence,
} from "../../app/delivery/ceremonies";

// A three-week sprint from Monday 23 November to Sunday 13 December 2026: 15 working days.
const sprint = { start: "2026-11-23", end: "2026-12-13" };
const none = new Set<string>();

function of(kind: string, schedule: ReturnType<typeof ceremonySchedule>) {
  return schedule.filter((c) => c.kind === kind).map((c) => c.plannedOn);
}

describe("ceremony schedule (SPEC A5)", () => {
  it("puts planning on the first working day, a standup on each, grooming mid-sprint, demo and retro on the last", () => {
    const s = ceremonySchedule(sprint, none);
    expect(of("planning", s)).toEqual(["2026-11-23"]);
    expect(of("standup", s)).toHaveLength(15);
    expect(of("standup", s)).not.toContain("2026-11-28");
    expect(of("grooming", s)).toEqual(["2026-12-02"]);
    expect(of("demo", s)).toEqual(["2026-12-11"]);
    expect(of("retro", s)).toEqual(["2026-12-11"]);
    expect(s).toHaveLength(19);
  });

  it("skips holidays: a holiday on the last Friday moves demo and retro to Thursday and grooming a day earlier", () => {
    const s = ceremonySchedule(sprint, new Set(["2026-12-11"]));
    expect(of("standup", s)).toHaveLength(14);
    expect(of("standup", s)).not.toContain("2026-12-11");
    expect(of("demo", s)).toEqual(["2026-12-10"]);
    expect(of("retro", s)).toEqual(["2026-12-10"]);
    expect(of("grooming", s)).toEqual(["2026-12-01"]);
  });

  it("a holiday on the first Monday moves planning to Tuesday", () => {
    const s = ceremonySchedule(sprint, new Set(["2026-11-23"]));
    expect(of("planning", s)).toEqual(["2026-11-24"]);
  });

  it("uses the project's times and lengths, and sorts each day by time", () => {
    const defaults = ceremonyDefaults({ standup: { time: "08:45", minutes: 10 }, planning: { time: "13:00" } });
    const s = ceremonySchedule(sprint, none, defaults);
    const firstDay = s.filter((c) => c.plannedOn === "2026-11-23");
    expect(firstDay.map((c) => [c.kind, c.time, c.minutes])).toEqual([
      ["standup", "08:45", 10],
      ["planning", "13:00", DEFAULT_CEREMONY_TIMES.planning.minutes],
    ]);
    const lastDay = s.filter((c) => c.plannedOn === "2026-12-11").map((c) => c.kind);
    expect(lastDay).toEqual(["standup", "demo", "retro"]);
  });

  it("ignores stored defaults that are not valid times or lengths", () => {
    const d = ceremonyDefaults({ demo: { time: "25:00", minutes: 2 } });
    expect(d.demo).toEqual(DEFAULT_CEREMONY_TIMES.demo);
  });

  it("a sprint with no working day holds no ceremony", () => {
    expect(ceremonySchedule({ start: "2026-11-28", end: "2026-11-29" }, none)).toEqual([]);
  });
});

describe("re-laying stored occurrences", () => {
  let id = 0;
  const stored = (o: Partial<StoredOccurrence> & Pick<StoredOccurrence, "kind" | "plannedOn">): StoredOccurrence => ({
    id: ++id,
    date: o.plannedOn,
    time: DEFAULT_CEREMONY_TIMES[o.kind].time,
    minutes: DEFAULT_CEREMONY_TIMES[o.kind].minutes,
    moved: false,
    cancelled: false,
    notes: "",
    ...o,
  });

  it("changes nothing when the schedule is the same", () => {
    const schedule = ceremonySchedule(sprint, none);
    const existing = schedule.map((c) => stored(c));
    expect(relayPlan(existing, schedule, sprint)).toEqual({ insert: [], update: [], replan: [], remove: [], orphan: [] });
  });

  it("a new holiday removes that day's untouched standup, moves demo and retro, and keeps a noted standup as cancelled", () => {
    const before = ceremonySchedule(sprint, none).map((c) => stored(c));
    const friday = before.find((o) => o.kind === "standup" && o.plannedOn === "2026-12-11")!;
    const noted = before.find((o) => o.kind === "standup" && o.plannedOn === "2026-11-26")!;
    noted.notes = "Agent desktop demo to the supervisors";
    const after = ceremonySchedule(sprint, new Set(["2026-12-11", "2026-11-26"]));
    const plan = relayPlan(before, after, sprint);
    expect(plan.remove).toEqual([friday.id]);
    expect(plan.orphan).toEqual([noted.id]);
    expect(plan.insert).toEqual([]);
    const demo = before.find((o) => o.kind === "demo")!;
    expect(plan.update).toContainEqual({ id: demo.id, plannedOn: "2026-12-10", date: "2026-12-10", time: "10:00", minutes: 60 });
  });

  it("an occurrence moved by hand keeps its date and time; only its planned date follows", () => {
    const before = ceremonySchedule(sprint, none).map((c) => stored(c));
    const demo = before.find((o) => o.kind === "demo")!;
    Object.assign(demo, { moved: true, date: "2026-12-09", time: "15:00" });
    const plan = relayPlan(before, ceremonySchedule(sprint, new Set(["2026-12-11"])), sprint);
    expect(plan.replan).toEqual([{ id: demo.id, plannedOn: "2026-12-10" }]);
    expect(plan.update.find((u) => u.id === demo.id)).toBeUndefined();
  });

  it("new default times reach untouched occurrences only", () => {
    const before = ceremonySchedule(sprint, none).map((c) => stored(c));
    const moved = before.find((o) => o.kind === "standup" && o.plannedOn === "2026-11-24")!;
    Object.assign(moved, { moved: true, time: "11:00" });
    const plan = relayPlan(before, ceremonySchedule(sprint, none, ceremonyDefaults({ standup: { time: "08:30", minutes: 15 } })), sprint);
    expect(plan.update).toHaveLength(14);
    expect(plan.update.every((u) => u.time === "08:30")).toBe(true);
    expect(plan.update.map((u) => u.id)).not.toContain(moved.id);
  });

  it("a later sprint start inserts the new days and drops untouched old ones", () => {
    const before = ceremonySchedule(sprint, none).map((c) => stored(c));
    const laterSprint = { start: "2026-11-30", end: "2026-12-20" };
    const later = ceremonySchedule(laterSprint, none);
    const plan = relayPlan(before, later, laterSprint);
    expect(plan.insert.map((c) => c.plannedOn)).toEqual(["2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18"]);
    expect(plan.remove).toHaveLength(5);
    expect(plan.orphan).toEqual([]);
  });

  it("a moved occurrence whose day falls outside the re-laid sprint follows the schedule again", () => {
    const before = ceremonySchedule(sprint, none).map((c) => stored(c));
    const demo = before.find((o) => o.kind === "demo")!;
    Object.assign(demo, { date: "2026-12-09", time: "15:00", moved: true });
    const retro = before.find((o) => o.kind === "retro")!;
    Object.assign(retro, { date: "2026-12-14", time: "09:00", moved: true });
    const laterSprint = { start: "2026-12-14", end: "2027-01-03" };
    const plan = relayPlan(before, ceremonySchedule(laterSprint, none), laterSprint);
    const demoNow = plan.update.find((u) => u.id === demo.id)!;
    expect(demoNow).toMatchObject({ unmoved: true, time: "10:00" });
    expect(demoNow.date >= laterSprint.start && demoNow.date <= laterSprint.end).toBe(true);
    // A move that still lands inside the sprint keeps its day and time.
    expect(plan.update.map((u) => u.id)).not.toContain(retro.id);
    expect(plan.replan.map((r) => r.id)).toContain(retro.id);
  });
});

describe("today's ceremonies and the next one", () => {
  const occ = (date: string, time: string, minutes: number, kind: string, cancelled = false) => ({ date, time, minutes, kind, cancelled });
  const list = [
    occ("2026-11-23", "09:00", 15, "standup"),
    occ("2026-11-23", "09:30", 120, "planning"),
    occ("2026-11-24", "09:00", 15, "standup", true),
    occ("2026-11-25", "09:00", 15, "standup"),
  ];

  it("marks today's as over, under way or later, and names the next that has not started", () => {
    const r = todayAndNext(list, "2026-11-23T10:00");
    expect(r.today.map((o) => [o.kind, o.phase])).toEqual([
      ["standup", "over"],
      ["planning", "now"],
    ]);
    expect(r.next).toMatchObject({ date: "2026-11-25", kind: "standup" });
  });

  it("skips cancelled occurrences and shows no today on a day without ceremonies", () => {
    const r = todayAndNext(list, "2026-11-24T08:00");
    expect(r.today).toEqual([]);
    expect(r.next).toMatchObject({ date: "2026-11-25" });
  });

  it("has no next after the last one", () => {
    expect(todayAndNext(list, "2026-11-25T12:00").next).toBeNull();
  });
});
