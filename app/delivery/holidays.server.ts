import type { Db } from "../../db/client.server";
import type { User } from "../auth/users.server";
import { deleteCalendarHoliday, insertCalendarHoliday } from "../calendar/calendars.server";
import { deleteHoliday, insertHoliday, type Holiday } from "../calendar/holidays.server";
import { relayCeremoniesForCalendar } from "./ceremonies.server";

/**
 * Holiday changes as use cases: the calendar's rule and write, and the re-laying of every affected
 * project's ceremonies, in one transaction. They live in Delivery because the calendar knows
 * business days and holidays and nothing of sprints.
 */
export function addHoliday(db: Db, actor: User, input: unknown): Holiday {
  return db.transaction((tx) => {
    const holiday = insertHoliday(tx, actor, input);
    relayCeremoniesForCalendar(tx, null);
    return holiday;
  });
}

export function removeHoliday(db: Db, actor: User, date: string): void {
  db.transaction((tx) => {
    deleteHoliday(tx, actor, date);
    relayCeremoniesForCalendar(tx, null);
  });
}

export function addCalendarHoliday(db: Db, admin: User, calendarId: number, input: unknown): void {
  db.transaction((tx) => {
    insertCalendarHoliday(tx, admin, calendarId, input);
    relayCeremoniesForCalendar(tx, calendarId);
  });
}

export function removeCalendarHoliday(db: Db, admin: User, calendarId: number, date: string): void {
  db.transaction((tx) => {
    deleteCalendarHoliday(tx, admin, calendarId, date);
    relayCeremoniesForCalendar(tx, calendarId);
  });
}
