import { describe, expect, it } from "vitest";
import { commitmentOf, planningWarnings } from "~/delivery/planning";

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

describe("suggested capacity", () => {
  it("scales the mean velocity by the team's available person-days", async () => {
    const { suggestCapacity } = await import("~/delivery/planning");
    expect(suggestCapacity({ meanVelocity: 20, workingDays: 15, daysOffPerMember: [0, 0, 0] })).toBe(20);
    // Three people, 45 person-days, 6 days off: 39/45 of 20 = 17.3 → 17.
    expect(suggestCapacity({ meanVelocity: 20, workingDays: 15, daysOffPerMember: [5, 1, 0] })).toBe(17);
    expect(suggestCapacity({ meanVelocity: 20, workingDays: 15, daysOffPerMember: [20] })).toBe(0);
    expect(suggestCapacity({ meanVelocity: null, workingDays: 15, daysOffPerMember: [0] })).toBeNull();
    expect(suggestCapacity({ meanVelocity: 20, workingDays: 15, daysOffPerMember: [] })).toBeNull();
  });
});

describe("the planning panel's commitment", () => {
  it("is what the sprint holds before the start, and what it held at the start afterwards (the burndown's committed)", () => {
    expect(commitmentOf({ started: false, committedAtStart: 0, inSprintNow: 21 })).toEqual({ commitment: 21, scopeChange: null });
    expect(commitmentOf({ started: true, committedAtStart: 21, inSprintNow: 26 })).toEqual({ commitment: 21, scopeChange: 5 });
    expect(commitmentOf({ started: true, committedAtStart: 21, inSprintNow: 21 })).toEqual({ commitment: 21, scopeChange: 0 });
  });
});
