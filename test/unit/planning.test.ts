import { describe, expect, it } from "vitest";
import { commitmentOf, planningSummary, planningWarnings } from "~/delivery/planning";

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

describe("the folded planning panel's one line", () => {
  it("says committed against capacity, the scope change, the days left and what asks for attention", () => {
    expect(planningSummary({ commitment: 21, scopeChange: 3, capacity: 24, daysLeft: 8, actions: 2, warnings: 0 })).toBe("21 points committed (+3 since the start) against a capacity of 24 · 8 working days left · 2 open retrospective actions");
    expect(planningSummary({ commitment: 13, scopeChange: -2, capacity: null, daysLeft: 1, actions: 1, warnings: 1 })).toBe("13 points committed (−2 since the start), no capacity set · 1 working day left · 1 open retrospective action · 1 warning");
    expect(planningSummary({ commitment: 8, scopeChange: 0, capacity: 10, daysLeft: 0, actions: 0, warnings: 2 })).toBe("8 points committed against a capacity of 10 · no working day left · 2 warnings");
  });
});
