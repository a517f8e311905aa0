import { describe, expect, it } from "vitest";
import { burnup } from "~/delivery/burnup";

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
    expect(points).toEqual([{ sprint: 1, scope: 20, accepted: 0, baseline: null, forecastMean: null, forecastLow: null, forecastHigh: null }]);
  });
});
