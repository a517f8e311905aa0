import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { calendarHolidays, holidayCalendars, holidays } from "../../db/schema";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { HolidaySchema } from "./holidays.server";

function requireAdmin(actor: User) {
  if (!globalCan(actor.role, "admin.holidays")) throw new DomainError("forbidden", "Only admins keep holiday calendars.");
}

export function listCalendars(db: DbOrTx) {
  const calendars = db.select().from(holidayCalendars).orderBy(asc(holidayCalendars.name)).all();
  const days = db.select().from(calendarHolidays).orderBy(asc(calendarHolidays.date)).all();
  return calendars.map((c) => ({ ...c, holidays: days.filter((d) => d.calendarId === c.id).map(({ date, name }) => ({ date, name })) }));
}

export function createCalendar(db: Db, admin: User, input: unknown) {
  requireAdmin(admin);
  const { name } = parseInput(z.object({ name: z.string({ error: "Name the calendar." }).trim().min(2, "Name the calendar.").max(80) }), input);
  if (db.select().from(holidayCalendars).where(eq(holidayCalendars.name, name)).get()) {
    throw new DomainError("conflict", "A calendar with this name exists.", { fields: { name: "A calendar with this name exists." } });
  }
  return db.insert(holidayCalendars).values({ name }).returning().get();
}

/** Add a holiday to a named calendar inside the caller's transaction (see insertHoliday). */
export function insertCalendarHoliday(tx: DbOrTx, admin: User, calendarId: number, input: unknown): void {
  requireAdmin(admin);
  const holiday = parseInput(HolidaySchema, input);
  if (!tx.select().from(holidayCalendars).where(eq(holidayCalendars.id, calendarId)).get()) throw new DomainError("not_found", "No such calendar.");
  const result = tx.insert(calendarHolidays).values({ calendarId, ...holiday }).onConflictDoNothing().run();
  if (!result.changes) throw new DomainError("conflict", `${holiday.date} is already a holiday in this calendar.`, { fields: { date: `${holiday.date} is already a holiday in this calendar.` } });
}

export function deleteCalendarHoliday(tx: DbOrTx, admin: User, calendarId: number, date: string): void {
  requireAdmin(admin);
  const result = tx.delete(calendarHolidays).where(and(eq(calendarHolidays.calendarId, calendarId), eq(calendarHolidays.date, date))).run();
  if (!result.changes) throw new DomainError("not_found", `${date} is not a holiday in this calendar.`);
}

/** The holidays a project counts: its named calendar's, or the installation's default ones. */
export function holidaysFor(db: DbOrTx, calendarId: number | null): Set<string> {
  const rows = calendarId
    ? db.select({ date: calendarHolidays.date }).from(calendarHolidays).where(eq(calendarHolidays.calendarId, calendarId)).all()
    : db.select({ date: holidays.date }).from(holidays).all();
  return new Set(rows.map((r) => r.date));
}
