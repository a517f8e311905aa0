import { describe, expect, it } from "vitest";
import { BOARD_SORTS, BoardQuerySchema, ariaSort, defaultDirection, dueLine, sortLink } from "~/ideas/pm-board";
import { parseLenient } from "~/lib/validation";

const base = { slaDue: null, slaAnswered: false, targetDate: null, thresholdVotes: 0, voteThreshold: 20 } as const;

describe("a board row's due date or lateness", () => {
  it("counts an open clock overdue from the day after its due date", () => {
    const row = { ...base, status: "under_pm_review" as const, slaDue: "2026-11-30" };
    expect(dueLine(row, "2026-11-30")).toEqual({ text: "Update due 2026-11-30", late: false });
    expect(dueLine(row, "2026-12-01")).toEqual({ text: "Update 1 day overdue (due 2026-11-30)", late: true });
    expect(dueLine(row, "2026-12-12")).toEqual({ text: "Update 12 days overdue (due 2026-11-30)", late: true });
    expect(dueLine({ ...row, slaDue: null, slaAnswered: true }, "2026-12-12")).toEqual({ text: "Update posted", late: false });
  });

  it("reads an accepted idea's target date, late after it", () => {
    const row = { ...base, status: "accepted" as const, targetDate: "2027-01-15" };
    expect(dueLine(row, "2027-01-15")).toEqual({ text: "Target 2027-01-15", late: false });
    expect(dueLine({ ...row, status: "in_development" }, "2027-01-18")).toEqual({ text: "3 days past target (2027-01-15)", late: true });
    expect(dueLine({ ...row, targetDate: null }, "2027-01-18").text).toBe("No target date");
  });

  it("says how many customer and partner votes an idea in Community Review still needs", () => {
    expect(dueLine({ ...base, status: "community_review", thresholdVotes: 9, voteThreshold: 10 }, "2026-12-01").text).toBe("1 vote short of 10");
    expect(dueLine({ ...base, status: "community_review", thresholdVotes: 2 }, "2026-12-01").text).toBe("18 votes short of 20");
  });
});

describe("the board's sort links", () => {
  it("sorts counts most first and the rest from the start, and turns a sorted column round", () => {
    expect(BOARD_SORTS.filter((s) => defaultDirection(s) === "desc")).toEqual(["votes", "customerVotes", "companies"]);
    const params = new URLSearchParams("category=CIADM&owner=all&page=3");
    expect(sortLink({ sort: "due", dir: "asc" }, "votes", params)).toBe("?category=CIADM&owner=all&sort=votes&dir=desc");
    expect(sortLink({ sort: "votes", dir: "desc" }, "votes", params)).toBe("?category=CIADM&owner=all&sort=votes&dir=asc");
    expect(ariaSort({ sort: "votes", dir: "desc" }, "votes")).toBe("descending");
    expect(ariaSort({ sort: "votes", dir: "desc" }, "title")).toBeUndefined();
  });

  it("drops only the parts of the query it cannot use", () => {
    expect(parseLenient(BoardQuerySchema, { sort: "votes; drop table ideas", owner: "7", category: "ciadm" })).toEqual({
      data: { sort: "due", owner: 7, category: "CIADM", page: 1 },
      dropped: ["sort"],
    });
  });
});
