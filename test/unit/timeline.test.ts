import { describe, expect, it } from "vitest";
import { position, timeline } from "~/delivery/timeline";

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
