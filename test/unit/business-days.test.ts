import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  countBusinessDays,
  isWorkingDay,
  workingDaysInRange,
} from "~/calendar/business-days";
import { todayIn } from "~/lib/app-time";

const none = new Set<string>();

describe("addBusinessDays", () => {
  it("skips weekends (SPEC B4: entered Monday 2026-02-02, due Monday 2026-03-16)", () => {
    expect(addBusinessDays("2026-02-02", 30, none)).toBe("2026-03-16");
  });

  it("counts from the next working day when entered on a Friday or a Saturday", () => {
    expect(addBusinessDays("2026-01-30", 30, none)).toBe("2026-03-13");
    expect(addBusinessDays("2026-01-31", 30, none)).toBe("2026-03-13");
    expect(addBusinessDays("2026-02-01", 30, none)).toBe("2026-03-13");
  });

  it("one working day after Friday is Monday", () => {
    expect(addBusinessDays("2026-01-30", 1, none)).toBe("2026-02-02");
  });

  it("zero days is the same day", () => {
    expect(addBusinessDays("2026-02-04", 0, none)).toBe("2026-02-04");
  });

  it("a holiday on a Friday pushes the end over the weekend", () => {
    // Thursday 2026-04-02 + 1 working day is Friday 2026-04-03 (Good Friday) → Monday 2026-04-06.
    expect(addBusinessDays("2026-04-02", 1, new Set(["2026-04-03"]))).toBe("2026-04-06");
  });

  it("a holiday on a weekend changes nothing", () => {
    expect(addBusinessDays("2026-02-02", 5, new Set(["2026-02-07"]))).toBe("2026-02-09");
  });

  it("holidays crossed by the extension are counted too", () => {
    // Mon 2026-02-02 + 5 = Mon 2026-02-09; holiday Fri 02-06 → Tue 02-10, holiday Tue 02-10 → Wed 02-11.
    expect(addBusinessDays("2026-02-02", 5, new Set(["2026-02-06", "2026-02-10"]))).toBe("2026-02-11");
  });

  it("runs across the year end with the new-year holidays", () => {
    const holidays = new Set(["2026-12-25", "2027-01-01"]);
    // Wed 2026-12-23 + 3: Thu 24, (Fri 25 holiday), Mon 28, Tue 29.
    expect(addBusinessDays("2026-12-23", 3, holidays)).toBe("2026-12-29");
    // Wed 2026-12-30 + 2: Thu 31, (Fri 1 Jan holiday), Mon 2027-01-04.
    expect(addBusinessDays("2026-12-30", 2, holidays)).toBe("2027-01-04");
  });

  it("refuses a negative or fractional count", () => {
    expect(() => addBusinessDays("2026-02-02", -1, none)).toThrow(RangeError);
    expect(() => addBusinessDays("2026-02-02", 1.5, none)).toThrow(RangeError);
  });
});

describe("countBusinessDays", () => {
  it("counts working days after the start up to and including the end", () => {
    expect(countBusinessDays("2026-02-02", "2026-03-16", none)).toBe(30);
    expect(countBusinessDays("2026-01-31", "2026-03-13", none)).toBe(30);
  });

  it("is zero for the same day and over a bare weekend", () => {
    expect(countBusinessDays("2026-02-04", "2026-02-04", none)).toBe(0);
    expect(countBusinessDays("2026-02-06", "2026-02-08", none)).toBe(0);
  });

  it("leaves out a holiday on a Friday", () => {
    expect(countBusinessDays("2026-03-30", "2026-04-06", none)).toBe(5);
    expect(countBusinessDays("2026-03-30", "2026-04-06", new Set(["2026-04-03"]))).toBe(4);
  });

  it("is negative when the end comes first", () => {
    expect(countBusinessDays("2026-03-16", "2026-02-02", none)).toBe(-30);
  });

  it("agrees with addBusinessDays across the year end", () => {
    const holidays = new Set(["2026-12-25", "2026-12-28", "2027-01-01"]);
    for (const n of [1, 2, 5, 10, 20]) {
      expect(countBusinessDays("2026-12-21", addBusinessDays("2026-12-21", n, holidays), holidays)).toBe(n);
    }
  });
});

describe("workingDaysInRange", () => {
  it("lists a three-week sprint's 15 working days", () => {
    const days = workingDaysInRange("2026-02-02", "2026-02-22", none);
    expect(days).toHaveLength(15);
    expect(days[0]).toBe("2026-02-02");
    expect(days.at(-1)).toBe("2026-02-20");
  });

  it("drops a Friday holiday and the weekends", () => {
    expect(workingDaysInRange("2026-04-01", "2026-04-07", new Set(["2026-04-03"]))).toEqual([
      "2026-04-01",
      "2026-04-02",
      "2026-04-06",
      "2026-04-07",
    ]);
  });

  it("spans the year end", () => {
    expect(workingDaysInRange("2026-12-30", "2027-01-05", new Set(["2027-01-01"]))).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-04",
      "2027-01-05",
    ]);
  });

  it("is empty for a reversed range", () => {
    expect(workingDaysInRange("2026-02-10", "2026-02-01", none)).toEqual([]);
  });
});

describe("isWorkingDay and todayIn", () => {
  it("knows weekends and holidays", () => {
    expect(isWorkingDay("2026-02-07", none)).toBe(false);
    expect(isWorkingDay("2026-04-03", new Set(["2026-04-03"]))).toBe(false);
    expect(isWorkingDay("2026-04-02", new Set(["2026-04-03"]))).toBe(true);
  });

  it("gives the calendar date of a time zone", () => {
    const instant = new Date("2026-11-23T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-11-23");
    expect(todayIn("Asia/Tokyo", instant)).toBe("2026-11-24");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-11-23");
  });
});
