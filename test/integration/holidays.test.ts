import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { auditLog } from "../../db/schema";
import { addBusinessDays } from "~/calendar/business-days";
import { holidaySet, listHolidays } from "~/calendar/holidays.server";
import { addHoliday, removeHoliday } from "~/delivery/holidays.server";
import { DomainError } from "~/lib/errors";
import { freshDb } from "../support/db";
import { makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

describe("holidays", () => {
  it("adds, lists by date, feeds the business-day rules, and removes", async () => {
    const admin = await makeUser(db, "admin");
    addHoliday(db, admin, { date: "2026-12-25", name: "Christmas Day" });
    addHoliday(db, admin, { date: "2026-04-03", name: "Good Friday" });
    expect(listHolidays(db).map((h) => h.date)).toEqual(["2026-04-03", "2026-12-25"]);
    expect(addBusinessDays("2026-04-02", 1, holidaySet(db))).toBe("2026-04-06");

    removeHoliday(db, admin, "2026-04-03");
    expect(addBusinessDays("2026-04-02", 1, holidaySet(db))).toBe("2026-04-03");
    expect(db.select().from(auditLog).all().map((a) => a.kind).filter((k) => k.startsWith("holiday."))).toEqual(["holiday.added", "holiday.added", "holiday.removed"]);
  });

  it("refuses a date that is already a holiday, a bad date, and removing a non-holiday", async () => {
    const admin = await makeUser(db, "admin");
    addHoliday(db, admin, { date: "2026-12-25", name: "Christmas Day" });
    const codes: string[] = [];
    for (const attempt of [
      () => addHoliday(db, admin, { date: "2026-12-25", name: "Again" }),
      () => addHoliday(db, admin, { date: "2026-02-30", name: "Nope" }),
      () => addHoliday(db, admin, { date: "25/12/2026", name: "Nope" }),
      () => removeHoliday(db, admin, "2026-01-01"),
    ]) {
      try {
        attempt();
      } catch (error) {
        codes.push((error as DomainError).code);
      }
    }
    expect(codes).toEqual(["conflict", "invalid", "invalid", "not_found"]);
    expect(listHolidays(db)).toEqual([{ date: "2026-12-25", name: "Christmas Day" }]);
  });
});
