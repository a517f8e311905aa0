import { describe, expect, it } from "vitest";
import { IDEA_STATUSES, type IdeaStatus } from "../../db/schema/ideas";
import {
  checkMove,
  isLate,
  latestTargetDate,
  reachesThreshold,
  returnsVotes,
  targetQuarter,
} from "~/ideas/lifecycle";

const today = "2026-11-23";
/** Every field a move could need, filled validly, so only the table decides. */
const full = { note: "Public note", targetDate: "2027-06-30", releaseNoteUrl: "https://docs.example.com/rn/1", mergeInto: "COANA-I-1" };

/** SPEC B3, written out pair by pair. */
const allowed = new Set([
  "community_review>under_pm_review",
  "community_review>not_planned",
  "community_review>merged",
  "under_pm_review>accepted",
  "under_pm_review>not_planned",
  "under_pm_review>merged",
  "accepted>in_development",
  "accepted>not_planned",
  "in_development>delivered",
  "in_development>not_planned",
]);

describe("the transition table", () => {
  for (const from of IDEA_STATUSES) {
    for (const to of IDEA_STATUSES) {
      const expected = allowed.has(`${from}>${to}`);
      it(`${from} → ${to} is ${expected ? "allowed" : "refused"}`, () => {
        const result = checkMove(from, to, full, today);
        expect(result.ok).toBe(expected);
        if (!result.ok) expect(result.fields.status).toBeDefined();
      });
    }
  }

  it("a refusal names the allowed moves", () => {
    const result = checkMove("accepted", "delivered", full, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("may move to In Development, Not Planned");
  });

  it("final statuses say so", () => {
    const result = checkMove("delivered", "accepted", full, today);
    if (result.ok) throw new Error("expected a refusal");
    expect(result.message).toContain("Delivered is final");
  });
});

describe("required fields per move", () => {
  it("Accepted needs a target date from today up to 12 months ahead", () => {
    const base = { note: "Planned for the spring release" };
    expect(checkMove("under_pm_review", "accepted", base, today)).toMatchObject({ ok: false, fields: { targetDate: expect.any(String) } });
    expect(checkMove("under_pm_review", "accepted", { ...base, targetDate: "2026-11-22" }, today).ok).toBe(false);
    expect(checkMove("under_pm_review", "accepted", { ...base, targetDate: "2026-11-23" }, today).ok).toBe(true);
    expect(checkMove("under_pm_review", "accepted", { ...base, targetDate: "2027-11-23" }, today).ok).toBe(true);
    expect(checkMove("under_pm_review", "accepted", { ...base, targetDate: "2027-11-24" }, today).ok).toBe(false);
    expect(latestTargetDate("2028-02-29")).toBe("2029-02-28");
  });

  it("Delivered needs an http(s) release-note link", () => {
    const base = { note: "Shipped in 8.5" };
    for (const url of [undefined, "", "docs/rn", "javascript:alert(1)", "ftp://x.example.com"]) {
      expect(checkMove("in_development", "delivered", { ...base, releaseNoteUrl: url }, today).ok).toBe(false);
    }
    expect(checkMove("in_development", "delivered", { ...base, releaseNoteUrl: "https://x.example.com/rn" }, today).ok).toBe(true);
  });

  it("Not Planned needs a reason and Merged a target", () => {
    const np = checkMove("community_review", "not_planned", { note: " " }, today);
    expect(np).toMatchObject({ ok: false, fields: { note: "Give the public reason why this is not planned." } });
    expect(checkMove("community_review", "merged", { note: "Duplicate" }, today)).toMatchObject({ ok: false, fields: { mergeInto: expect.any(String) } });
  });
});

describe("threshold, votes back, quarter and late", () => {
  it("only Community Review ideas move on at the threshold", () => {
    expect(reachesThreshold("community_review", 20, 20)).toBe(true);
    expect(reachesThreshold("community_review", 19, 20)).toBe(false);
    expect(reachesThreshold("under_pm_review", 25, 20)).toBe(false);
  });

  it("Delivered and Not Planned return votes; Merged moves them", () => {
    const returning = IDEA_STATUSES.filter(returnsVotes);
    expect(returning).toEqual<IdeaStatus[]>(["delivered", "not_planned"]);
  });

  it("shows a target date as its quarter", () => {
    expect(targetQuarter("2026-01-01")).toBe("2026-Q1");
    expect(targetQuarter("2026-03-31")).toBe("2026-Q1");
    expect(targetQuarter("2026-07-15")).toBe("2026-Q3");
    expect(targetQuarter("2026-12-31")).toBe("2026-Q4");
    expect(targetQuarter(null)).toBeNull();
  });

  it("flags accepted or in-development ideas past their target as late", () => {
    expect(isLate("accepted", "2026-11-22", today)).toBe(true);
    expect(isLate("in_development", "2026-11-23", today)).toBe(false);
    expect(isLate("delivered", "2026-01-01", today)).toBe(false);
    expect(isLate("accepted", null, today)).toBe(false);
  });
});
