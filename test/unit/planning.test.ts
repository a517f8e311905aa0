import { describe, expect, it } from "vitest";
import { planningWarnings } from "~/delivery/planning";

describe("planning warnings", () => {
  it("warns when the commitment exceeds capacity or the mean velocity, and only then", () => {
    expect(planningWarnings({ commitment: 20, capacity: 20, meanVelocity: 20 })).toEqual([]);
    expect(planningWarnings({ commitment: 21, capacity: 20, meanVelocity: null })).toEqual(["The commitment of 21 points exceeds the capacity of 20."]);
    expect(planningWarnings({ commitment: 21, capacity: null, meanVelocity: 17.333 })).toEqual([
      "The commitment of 21 points exceeds the mean velocity of the last three sprints (17.3).",
    ]);
    expect(planningWarnings({ commitment: 30, capacity: 25, meanVelocity: 18 })).toHaveLength(2);
    expect(planningWarnings({ commitment: 5, capacity: null, meanVelocity: null })).toEqual([]);
  });
});
