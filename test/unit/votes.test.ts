import { describe, expect, it } from "vitest";
import { balanceFrom, companyCount, countsTowardThreshold, demandLine, mergeStory, mergeVoteNotice, shownVotes, voteRefusal, votesFromCompanies } from "~/ideas/votes";

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

describe("demand that stays visible", () => {
  const base = { votes: 0, thresholdVotes: 0, voteThreshold: 20, votesAtClose: null, companiesAtClose: null };

  it("counts each company once, and voters without one for none", () => {
    expect(companyCount(["Acme Health", "Acme Health", " Acme Health ", "Contoso Partners", null, ""])).toBe(2);
    expect(companyCount([])).toBe(0);
  });

  it("says votes and companies in the singular and plural, leaving out unknown companies", () => {
    expect(votesFromCompanies(37, 21)).toBe("37 votes from 21 companies");
    expect(votesFromCompanies(1, 1)).toBe("1 vote from 1 company");
    expect(votesFromCompanies(3, 0)).toBe("3 votes");
  });

  it("shows progress toward the threshold only in Community Review, the closing count once closed", () => {
    expect(demandLine({ ...base, status: "community_review", votes: 16, thresholdVotes: 14 })).toBe("14 of 20 customer and partner votes");
    expect(demandLine({ ...base, status: "under_pm_review", votes: 22, thresholdVotes: 20 })).toBeNull();
    expect(demandLine({ ...base, status: "delivered", votesAtClose: 37, companiesAtClose: 21 })).toBe("Delivered with 37 votes from 21 companies");
    expect(demandLine({ ...base, status: "not_planned", votesAtClose: 2, companiesAtClose: 1 })).toBe("Closed with 2 votes from 1 company");
    expect(demandLine({ ...base, status: "merged" })).toBeNull();
  });

  it("the vote box of a closed idea shows the votes it closed with, an open one its live votes", () => {
    expect(shownVotes({ status: "delivered", votes: 0, votesAtClose: 37 })).toBe(37);
    expect(shownVotes({ status: "not_planned", votes: 0, votesAtClose: null })).toBe(0);
    expect(shownVotes({ status: "accepted", votes: 9, votesAtClose: null })).toBe(9);
  });
});

describe("the merge story", () => {
  const target = { key: "CORTE-I-1", title: "Callback scheduling in the customer's time zone" };

  it("says where the votes went, and never that they went back", () => {
    expect(mergeStory(3, 1, target)).toBe("3 votes moved to CORTE-I-1; 1 vote came back to a voter who had already voted for CORTE-I-1.");
    expect(mergeStory(1, 0, target)).toBe("1 vote moved to CORTE-I-1.");
    expect(mergeStory(0, 2, target)).toBe("2 votes came back to voters who had already voted for CORTE-I-1.");
    expect(mergeStory(0, 0, target)).toBe("It had no votes when it was merged into CORTE-I-1.");
    for (const [m, r] of [[3, 1], [0, 2], [1, 0]]) expect(mergeStory(m, r, target)).not.toMatch(/went back/);
  });

  it("tells a voter their vote moved, or came back because they had voted for the target", () => {
    const source = { key: "CORTE-I-2", title: "Offer callbacks in the caller's local time" };
    expect(mergeVoteNotice(source, target, true)).toBe("CORTE-I-2 “Offer callbacks in the caller's local time” was merged: your vote moved to CORTE-I-1 “Callback scheduling in the customer's time zone”.");
    expect(mergeVoteNotice(source, target, false)).toMatch(/came back to you because you had already voted for CORTE-I-1 “Callback scheduling/);
  });
});
