import { describe, expect, it } from "vitest";
import { dayAt, position, timeline, timelineAxis } from "~/delivery/timeline";

describe("release timeline", () => {
  it("runs from kickoff through sprints, cutovers and hypercare to the transition", () => {
    const t = timeline({
      kickoff: { start: "2026-01-12", end: "2026-02-01" },
      sprints: [
        { number: 1, start: "2026-02-02", end: "2026-02-22" },
        { number: 2, start: "2026-02-23", end: "2026-03-15" },
      ],
      goLives: [{ name: "Go-live 1", cutoverOn: "2026-03-14", hypercareEnd: "2026-03-28" }],
    });
    expect(t.entries.map((e) => [e.kind, e.start, e.end])).toEqual([
      ["kickoff", "2026-01-12", "2026-02-01"],
      ["sprint", "2026-02-02", "2026-02-22"],
      ["sprint", "2026-02-23", "2026-03-15"],
      ["cutover", "2026-03-14", "2026-03-14"],
      ["hypercare", "2026-03-15", "2026-03-28"],
      ["transition", "2026-03-29", "2026-03-29"],
    ]);
    expect([t.start, t.end]).toEqual(["2026-01-12", "2026-03-29"]);
  });

  it("places entries in percent of the whole span", () => {
    expect(position({ start: "2026-01-01", end: "2026-01-10" }, "2026-01-01", "2026-01-20")).toEqual({ left: 0, width: 50 });
    expect(position({ start: "2026-01-11", end: "2026-01-11" }, "2026-01-01", "2026-01-20")).toEqual({ left: 50, width: 5 });
  });
});

describe("the timeline's axis and markers", () => {
  it("labels each month (the year on the first and on January) and ticks each Monday", () => {
    const axis = timelineAxis("2026-12-14", "2027-02-07");
    expect(axis.months.map((m) => m.label)).toEqual(["Dec 2026", "Jan 2027", "Feb"]);
    expect(axis.months[0].left).toBe(0);
    expect(axis.weeks).toHaveLength(8);
  });
  it("puts today in the middle of its day and nowhere outside the timeline", () => {
    expect(dayAt("2026-01-01", "2026-01-01", "2026-01-10")).toBe(5);
    expect(dayAt("2026-01-10", "2026-01-01", "2026-01-10")).toBe(95);
    expect(dayAt("2026-01-11", "2026-01-01", "2026-01-10")).toBeNull();
  });
  it("stretches to a go-live forecast to be ready after everything else", () => {
    const t = timeline({
      kickoff: { start: "2026-01-12", end: "2026-02-01" },
      sprints: [{ number: 1, start: "2026-02-02", end: "2026-02-22" }],
      goLives: [{ name: "Go-live 1", cutoverOn: "2026-02-20", hypercareEnd: "2026-03-06", forecastOn: "2026-04-03" }],
    });
    expect(t.end).toBe("2026-04-03");
    expect(t.entries.find((e) => e.kind === "cutover")?.forecastOn).toBe("2026-04-03");
  });
});
