import { describe, expect, it } from "vitest";
import { fillWeeks, funnel, median, medianTimeInStatus, monthsBetween, slaByMonth, statusOverTime, type History } from "~/ideas/insights";

const histories: History[] = [
  { ideaId: 1, changes: [{ to: "community_review", at: "2026-01-05T10:00:00Z" }, { to: "under_pm_review", at: "2026-01-15T10:00:00Z" }, { to: "accepted", at: "2026-02-04T10:00:00Z" }] },
  { ideaId: 2, changes: [{ to: "community_review", at: "2026-01-20T10:00:00Z" }, { to: "not_planned", at: "2026-02-10T10:00:00Z" }] },
  { ideaId: 3, changes: [{ to: "community_review", at: "2026-02-01T10:00:00Z" }, { to: "under_pm_review", at: "2026-02-05T10:00:00Z" }] },
];

describe("idea insights", () => {
  it("counts the ideas that ever reached each stage", () => {
    expect(funnel(histories).map((r) => r.ideas)).toEqual([3, 2, 1, 0, 0]);
  });

  it("gives each stage's conversion from the previous stage and from all submitted ideas", () => {
    const stages = funnel(histories);
    expect(stages.map((r) => r.ofPrevious)).toEqual([null, 67, 50, 0, null]);
    expect(stages.map((r) => r.ofAll)).toEqual([100, 67, 33, 0, 0]);
    expect(funnel([]).every((r) => r.ofAll === null)).toBe(true);
  });

  it("puts the weeks without votes on the votes-per-week axis", () => {
    const weeks = [
      { week: "2026-01-05", cast: 3, withdrawn: 0 },
      { week: "2026-01-26", cast: 1, withdrawn: 1 },
    ];
    expect(fillWeeks(weeks).map((w) => w.week)).toEqual(["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]);
    expect(fillWeeks(weeks)[1]).toEqual({ week: "2026-01-12", cast: 0, withdrawn: 0 });
    expect(fillWeeks(weeks, 2)).toEqual([{ week: "2026-01-19", cast: 0, withdrawn: 0 }, weeks[1]]);
    expect(fillWeeks([])).toEqual([]);
  });

  it("lists the months of a range", () => {
    expect(monthsBetween("2025-11-20", "2026-02-03")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("counts ideas per status at each month end (today for the current month)", () => {
    const rows = statusOverTime(histories, ["2026-01", "2026-02"], "2026-02-20");
    expect(rows[0]).toMatchObject({ month: "2026-01", community_review: 1, under_pm_review: 1, accepted: 0 });
    expect(rows[1]).toMatchObject({ month: "2026-02", under_pm_review: 1, accepted: 1, not_planned: 1, community_review: 0 });
  });

  it("takes the median time in a status in the month the idea left it", () => {
    const rows = medianTimeInStatus(histories, ["2026-01", "2026-02"]);
    // Idea 1 left Community Review on 01-15 after 10 days; idea 2 left on 02-10 after 21; idea 3 on 02-05 after 4.
    expect(rows[0]).toMatchObject({ community_review: 10, under_pm_review: null });
    expect(rows[1]).toMatchObject({ community_review: 12.5, under_pm_review: 20 });
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });

  it("counts SLA met and missed per month; an unanswered clock is missed the day after its due date", () => {
    const clocks = [
      { dueOn: "2026-01-30", answeredOn: "2026-01-29" },
      { dueOn: "2026-01-30", answeredOn: "2026-02-02" },
      { dueOn: "2026-01-31", answeredOn: null },
      { dueOn: "2026-02-27", answeredOn: null },
    ];
    // The clock answered late on 2 February was missed on 31 January: it counts there.
    expect(slaByMonth(clocks, ["2026-01", "2026-02"], "2026-02-27")).toEqual([
      { month: "2026-01", met: 1, missed: 1 },
      { month: "2026-02", met: 0, missed: 1 },
    ]);
  });

  it("keeps a missed clock in the month after its due date whatever day the late answer comes, so a month never changes afterwards", () => {
    const months = ["2026-01", "2026-02", "2026-03"];
    const unanswered = [{ dueOn: "2026-01-30", answeredOn: null }];
    const before = slaByMonth(unanswered, months, "2026-02-15");
    for (const answeredOn of ["2026-02-02", "2026-02-28", "2026-03-15"]) {
      expect(slaByMonth([{ dueOn: "2026-01-30", answeredOn }], months, "2026-03-31"), answeredOn).toEqual(before);
    }
    expect(before).toEqual([
      { month: "2026-01", met: 0, missed: 1 },
      { month: "2026-02", met: 0, missed: 0 },
      { month: "2026-03", met: 0, missed: 0 },
    ]);
  });
});
