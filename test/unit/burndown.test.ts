import { describe, expect, it } from "vitest";
import { burndown, completeReport, sprintReport, todayOnAxis, type StoryEvent } from "~/delivery/burndown";
import { forecast } from "~/delivery/forecast";
import { lastThree, velocity } from "~/delivery/velocity";

// Sprint 7 runs Mon 2026-02-02 … Fri 2026-02-06 in this small example: five working days.
const days = ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06"];
// Events get their sequence numbers in the order they are written here, as the log would.
let seq = 0;
const ev = (storyId: number, date: string, hour: number, e: Omit<StoryEvent, "seq" | "storyId" | "at" | "date">): StoryEvent => ({
  seq: ++seq,
  storyId,
  date,
  at: `${date}T${String(hour).padStart(2, "0")}:00:00.000Z`,
  ...e,
});

const base: StoryEvent[] = [
  ev(1, "2026-01-20", 9, { kind: "created", points: 5, status: "todo", sprintId: null }),
  ev(2, "2026-01-20", 9, { kind: "created", points: 3, status: "todo", sprintId: null }),
  ev(3, "2026-01-20", 9, { kind: "created", points: 2, status: "todo", sprintId: null }),
  // Planned into the sprint a week before its calendar start…
  ev(1, "2026-01-27", 9, { kind: "sprint", sprintId: 7 }),
  ev(2, "2026-01-27", 9, { kind: "sprint", sprintId: 7 }),
];
// The sprint starts after the five events above.
const startSeq = base.at(-1)!.seq;

describe("burndown", () => {
  it("commits the points in the sprint at the moment it starts and draws the ideal line down to 0", () => {
    const chart = burndown({ sprintId: 7, workingDays: days, startSeq, closeSeq: null, today: "2026-02-01", events: base });
    expect(chart.committed).toBe(8);
    expect(chart.days.map((d) => d.ideal)).toEqual([6.4, 4.8, 3.2, 1.6, 0]);
    expect(chart.days.every((d) => d.remaining === null)).toBe(true);
  });

  it("burns on done, un-burns on a rejection, and keeps not-yet-accepted apart", () => {
    const events = [
      ...base,
      ev(1, "2026-02-03", 15, { kind: "status", status: "done" }),
      ev(2, "2026-02-04", 10, { kind: "status", status: "done" }),
      ev(2, "2026-02-05", 11, { kind: "status", status: "in_progress" }),
      ev(1, "2026-02-05", 16, { kind: "status", status: "accepted" }),
    ];
    const chart = burndown({ sprintId: 7, workingDays: days, startSeq, closeSeq: null, today: "2026-02-05", events });
    expect(chart.days.map((d) => d.remaining)).toEqual([8, 3, 0, 3, null]);
    expect(chart.days.map((d) => d.notAccepted)).toEqual([8, 8, 8, 3, null]);
    expect(chart.scopeChanges).toEqual([]);
    // Projection from today at the ideal's daily rate (8 / 5 = 1.6 a day).
    expect(chart.days.map((d) => d.projection)).toEqual([null, null, null, 3, 1.4]);
  });

  it("marks scope added, removed or re-estimated after the start as scope change, never as burn, on a working day", () => {
    const events = [
      ...base,
      ev(3, "2026-02-03", 10, { kind: "sprint", sprintId: 7 }), // +2
      ev(1, "2026-02-04", 10, { kind: "estimate", points: 8 }), // +3
      ev(2, "2026-02-07", 10, { kind: "sprint", sprintId: null }), // Saturday after the last working day: not on the chart
    ];
    const chart = burndown({ sprintId: 7, workingDays: days, startSeq, closeSeq: null, today: "2026-02-06", events });
    expect(chart.committed).toBe(8);
    expect(chart.days.map((d) => d.ideal)).toEqual([6.4, 4.8, 3.2, 1.6, 0]);
    expect(chart.days.map((d) => d.remaining)).toEqual([8, 10, 13, 13, 13]);
    expect(chart.scopeChanges).toEqual([
      { date: "2026-02-03", points: 2 },
      { date: "2026-02-04", points: 3 },
    ]);
  });

  it("a change made on a non-working day is marked on the next working day", () => {
    // Added after the start, dated on the Sunday before the sprint's first working day.
    const weekend = ev(3, "2026-02-01", 10, { kind: "sprint", sprintId: 7 });
    const chart = burndown({ sprintId: 7, workingDays: days, startSeq, closeSeq: null, today: "2026-02-06", events: [...base, weekend] });
    expect(chart.scopeChanges).toEqual([{ date: "2026-02-02", points: 2 }]);
  });

  it("ignores everything after the sprint closed: moving a story later does not rewrite the chart", () => {
    const during = [...base, ev(1, "2026-02-04", 10, { kind: "status", status: "done" }), ev(1, "2026-02-05", 10, { kind: "status", status: "accepted" })];
    const closeSeq = during.at(-1)!.seq;
    const before = burndown({ sprintId: 7, workingDays: days, startSeq, closeSeq, today: "2026-03-01", events: during });
    const after = burndown({
      sprintId: 7,
      workingDays: days,
      startSeq,
      closeSeq,
      today: "2026-03-01",
      events: [...during, ev(2, "2026-02-06", 17, { kind: "sprint", sprintId: null }), ev(1, "2026-02-20", 10, { kind: "estimate", points: 13 }), ev(1, "2026-02-21", 10, { kind: "sprint", sprintId: 9 })],
    });
    expect(after).toEqual(before);
    expect(before.days.map((d) => d.remaining)).toEqual([8, 8, 3, 3, 3]);
  });

  it("freezes the sprint report at close", () => {
    const events = [
      ...base,
      ev(3, "2026-02-03", 10, { kind: "sprint", sprintId: 7 }),
      ev(2, "2026-02-04", 10, { kind: "sprint", sprintId: null }),
      ev(1, "2026-02-05", 10, { kind: "status", status: "accepted" }),
      ev(3, "2026-02-05", 12, { kind: "estimate", points: 3 }),
      ev(3, "2026-02-06", 17, { kind: "sprint", sprintId: null }), // written by the close itself
    ];
    const closeSeq = events.at(-2)!.seq;
    expect(sprintReport({ sprintId: 7, startSeq, closeSeq, events })).toEqual({ committed: 8, completed: 5, notCompleted: 3, added: 3, removed: 3, reestimated: 0 });
  });

  it("counts re-estimates of stories there at both ends, so the report adds up", () => {
    const events = [...base, ev(1, "2026-02-04", 10, { kind: "estimate", points: 8 }), ev(2, "2026-02-05", 10, { kind: "estimate", points: 1 }), ev(1, "2026-02-05", 11, { kind: "status", status: "accepted" })];
    const r = sprintReport({ sprintId: 7, startSeq, closeSeq: events.at(-1)!.seq, events });
    expect(r).toEqual({ committed: 8, completed: 8, notCompleted: 1, added: 0, removed: 0, reestimated: 1 });
    expect(r.committed + r.added - r.removed + r.reestimated).toBe(r.completed + r.notCompleted);
    // A report frozen before the line was kept gets it from the same identity.
    expect(completeReport({ committed: 20, completed: 13, notCompleted: 5, added: 3, removed: 2 }).reestimated).toBe(-3);
    expect(completeReport(r)).toEqual(r);
  });
});

describe("velocity and forecast", () => {
  const closed = [
    { sprint: 1, committed: 20, accepted: 12 },
    { sprint: 2, committed: 20, accepted: 18 },
    { sprint: 3, committed: 22, accepted: 21 },
    { sprint: 4, committed: 24, accepted: 15 },
  ];

  it("uses the last seven closed sprints and the mean of the last three", () => {
    expect(velocity(closed).mean).toBe(16.5);
    expect(lastThree(closed)).toEqual({ mean: 18, low: 15, high: 21 });
    expect(velocity([]).mean).toBeNull();
    expect(velocity(Array.from({ length: 9 }, (_, i) => ({ sprint: i + 1, committed: 10, accepted: i }))).sprints.map((s) => s.sprint)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it("forecasts cumulatively in go-live order, with optimistic and pessimistic sprints", () => {
    const result = forecast({
      closed,
      plannedCapacity: null,
      firstOpenSprint: 5,
      goLives: [
        { id: 1, sprintNumber: 6, remainingPoints: 30, unestimated: 0, stories: 6 },
        { id: 2, sprintNumber: 7, remainingPoints: 30, unestimated: 0, stories: 5 },
      ],
    });
    // 30 at 18 a sprint: 2 sprints (5, 6). 60: 4 sprints (5–8), after sprint 7: at risk.
    expect(result.goLives).toEqual([
      { id: 1, forecastSprint: 6, optimisticSprint: 6, pessimisticSprint: 6, unestimated: 0, noScope: false, atRisk: false },
      { id: 2, forecastSprint: 8, optimisticSprint: 7, pessimisticSprint: 8, unestimated: 0, noScope: false, atRisk: true },
    ]);
  });

  it("forecasts from planned capacity before any sprint closed; unestimated stories put a go-live at risk", () => {
    const result = forecast({ closed: [], plannedCapacity: 20, firstOpenSprint: 1, goLives: [{ id: 1, sprintNumber: 3, remainingPoints: 40, unestimated: 2, stories: 9 }] });
    expect(result.velocity).toEqual({ mean: 20, low: 20, high: 20 });
    expect(result.goLives[0]).toMatchObject({ forecastSprint: 2, atRisk: true, unestimated: 2 });
    expect(forecast({ closed: [], plannedCapacity: null, firstOpenSprint: 1, goLives: [{ id: 1, sprintNumber: 3, remainingPoints: 5, unestimated: 0, stories: 2 }] }).goLives[0]).toMatchObject({ forecastSprint: null, atRisk: true });
  });

  it("never calls a go-live with nothing in its scope on track", () => {
    const result = forecast({ closed, plannedCapacity: null, firstOpenSprint: 5, goLives: [{ id: 1, sprintNumber: 9, remainingPoints: 0, unestimated: 0, stories: 0 }] });
    expect(result.goLives[0]).toMatchObject({ noScope: true, atRisk: true });
  });
});

describe("the burndown's today marker", () => {
  it("sits on today when it is a working day", () => {
    expect(todayOnAxis(days, "2026-02-04")).toBe("2026-02-04");
  });
  it("sits on the last working day before a weekend or holiday", () => {
    expect(todayOnAxis(["2026-02-05", "2026-02-06", "2026-02-09"], "2026-02-08")).toBe("2026-02-06");
  });
  it("is not shown before the sprint's first or after its last working day", () => {
    expect(todayOnAxis(days, "2026-02-01")).toBeNull();
    expect(todayOnAxis(days, "2026-02-07")).toBeNull();
    expect(todayOnAxis([], "2026-02-04")).toBeNull();
  });
});
