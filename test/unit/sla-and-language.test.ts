import { describe, expect, it } from "vitest";
import { findBlockedTerm, DEFAULT_TERMS } from "~/ideas/language";
import { slaDueDate, slaState } from "~/ideas/sla";

describe("SLA due dates", () => {
  const none = new Set<string>();
  it("follows SPEC B4's examples", () => {
    expect(slaDueDate("2026-02-02", none)).toBe("2026-03-16");
    expect(slaDueDate("2026-01-30", none)).toBe("2026-03-13");
    expect(slaDueDate("2026-01-31", none)).toBe("2026-03-13");
  });

  it("skips holidays, across the year end", () => {
    // Entered Mon 2026-12-07; 30 business days with Christmas, Boxing Day (observed) and New Year off.
    expect(slaDueDate("2026-12-07", none)).toBe("2027-01-18");
    expect(slaDueDate("2026-12-07", new Set(["2026-12-25", "2026-12-28", "2027-01-01"]))).toBe("2027-01-21");
  });

  it("is met on or before the due date, missed after, and missed when unanswered past it", () => {
    expect(slaState({ dueOn: "2026-03-16", answeredOn: "2026-03-16" }, "2026-04-01")).toBe("met");
    expect(slaState({ dueOn: "2026-03-16", answeredOn: "2026-03-17" }, "2026-04-01")).toBe("missed");
    expect(slaState({ dueOn: "2026-03-16", answeredOn: null }, "2026-03-16")).toBe("open");
    expect(slaState({ dueOn: "2026-03-16", answeredOn: null }, "2026-03-17")).toBe("missed");
  });
});

describe("the positive-language guard", () => {
  it("finds listed terms as whole words in any case", () => {
    expect(findBlockedTerm("I HATE waiting on hold", DEFAULT_TERMS)).toBe("hate");
    expect(findBlockedTerm("The worst IVR ever.", DEFAULT_TERMS)).toBe("worst");
    expect(findBlockedTerm("useless!", DEFAULT_TERMS)).toBe("useless");
  });

  it("does not match inside other words", () => {
    expect(findBlockedTerm("whatever the agent sees", DEFAULT_TERMS)).toBeNull();
    expect(findBlockedTerm("Hateful is not on the list; chatelaine neither", ["hate"])).toBeNull();
    expect(findBlockedTerm("Callback scheduling in the customer's time zone", DEFAULT_TERMS)).toBeNull();
  });

  it("treats terms with regex characters literally", () => {
    expect(findBlockedTerm("a c++ b", ["c++"])).toBe("c++");
    expect(findBlockedTerm("a c b", ["c++"])).toBeNull();
  });
});
