import { describe, expect, it } from "vitest";
import { burnup, forecastFinishOf } from "~/delivery/burnup";

describe("release burnup", () => {
  it("plots scope and accepted per sprint against the baseline, with the band from the last closed sprint", () => {
    const points = burnup({
      baseline: 90,
      velocity: { mean: 14, low: 8, high: 19 },
      sprints: [
        { number: 1, closed: true, measured: { scope: 90, accepted: 15 } },
        { number: 2, closed: true, measured: { scope: 94, accepted: 34 } },
        { number: 3, closed: false, measured: { scope: 97, accepted: 34 } },
        { number: 4, closed: false, measured: null },
      ],
    });
    expect(points.map((p) => [p.sprint, p.scope, p.accepted, p.baseline])).toEqual([
      [1, 90, 15, 90],
      [2, 94, 34, 90],
      [3, 97, 34, 90],
      [4, null, null, 90],
    ]);
    expect(points.map((p) => [p.forecastLow, p.forecastMean, p.forecastHigh])).toEqual([
      [null, null, null],
      [34, 34, 34],
      [42, 48, 53],
      [50, 62, 72],
    ]);
  });

  it("has no band without a velocity and no baseline before kickoff ends", () => {
    const points = burnup({ baseline: null, velocity: null, sprints: [{ number: 1, closed: false, measured: { scope: 20, accepted: 0 } }] });
    expect(points).toEqual([{ sprint: 1, scope: 20, accepted: 0, baseline: null, forecastMean: null, forecastLow: null, forecastHigh: null, state: "running" }]);
  });

  it("runs on past the planned sprints to the forecast finish, the running sprint marked as partial", () => {
    const points = burnup({
      baseline: 90,
      velocity: { mean: 20, low: 15, high: 25 },
      forecastFinish: 6,
      sprints: [
        { number: 1, closed: true, measured: { scope: 90, accepted: 20 } },
        { number: 2, closed: true, measured: { scope: 96, accepted: 40 } },
        { number: 3, closed: false, measured: { scope: 100, accepted: 45 } },
        { number: 4, closed: false, measured: null },
      ],
    });
    expect(points.map((p) => [p.sprint, p.state])).toEqual([
      [1, "closed"],
      [2, "closed"],
      [3, "running"],
      [4, "planned"],
      [5, "beyond"],
      [6, "beyond"],
    ]);
    expect(points.map((p) => p.forecastMean)).toEqual([null, 40, 60, 80, 100, 120]);
    expect(points.slice(4).every((p) => p.scope === null && p.accepted === null && p.baseline === 90)).toBe(true);
    // The mean forecast reaches the latest scope (100) in sprint 5.
    expect(forecastFinishOf(points)).toBe(5);
  });

  it("adds nothing when the forecast finishes within the plan, and finds no finish without a forecast", () => {
    const sprints = [{ number: 1, closed: true, measured: { scope: 30, accepted: 10 } }, { number: 2, closed: false, measured: null }];
    expect(burnup({ baseline: null, velocity: { mean: 10, low: 10, high: 10 }, forecastFinish: 2, sprints })).toHaveLength(2);
    expect(forecastFinishOf(burnup({ baseline: null, velocity: null, forecastFinish: 4, sprints }))).toBeNull();
  });
});
