import { describe, expect, it } from "vitest";
import { balanceFrom, countsTowardThreshold, voteRefusal } from "~/ideas/votes";

describe("vote rules", () => {
  it("a budget is 10 plus grants, less the active votes", () => {
    expect(balanceFrom(0, 0)).toEqual({ budget: 10, used: 0, available: 10 });
    expect(balanceFrom(0, 7)).toEqual({ budget: 10, used: 7, available: 3 });
    expect(balanceFrom(5, 12)).toEqual({ budget: 15, used: 12, available: 3 });
  });

  it("refuses a vote on a closed idea, a second vote, and a vote with nothing left", () => {
    expect(voteRefusal({ status: "community_review", alreadyVoted: false, available: 1 })).toBeNull();
    expect(voteRefusal({ status: "accepted", alreadyVoted: false, available: 1 })).toBeNull();
    for (const status of ["delivered", "not_planned", "merged"] as const) {
      expect(voteRefusal({ status, alreadyVoted: false, available: 5 })).toMatch(/no longer takes votes/);
    }
    expect(voteRefusal({ status: "community_review", alreadyVoted: true, available: 5 })).toBe("You already voted for this idea.");
    expect(voteRefusal({ status: "community_review", alreadyVoted: false, available: 0 })).toMatch(/spent all your votes/);
  });

  it("counts only customer and partner votes toward the threshold", () => {
    expect(countsTowardThreshold("customer")).toBe(true);
    expect(countsTowardThreshold("partner")).toBe(true);
    expect(countsTowardThreshold("staff")).toBe(false);
    expect(countsTowardThreshold("admin")).toBe(false);
    expect(countsTowardThreshold("pm")).toBe(false);
  });
});
