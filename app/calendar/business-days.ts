import {
  addBusinessDays as addWeekdays,
  eachDayOfInterval,
  format,
  isWeekend,
  parseISO,
} from "date-fns";

/** Calendar dates travel as `YYYY-MM-DD` strings; these two convert at the edges. */
export type IsoDate = string;

export function toDate(iso: IsoDate): Date {
  return parseISO(iso);
}

export function toIso(date: Date): IsoDate {
  return format(date, "yyyy-MM-dd");
}


export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A working day is Monday–Friday and not a holiday. */
export function isWorkingDay(iso: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  return !isWeekend(toDate(iso)) && !holidays.has(iso);
}

/** Holidays that fall on a weekday strictly after `from` and up to and including `to`. */
function weekdayHolidaysBetween(from: IsoDate, to: IsoDate, holidays: ReadonlySet<IsoDate>): number {
  let count = 0;
  for (const day of holidays) {
    if (day > from && day <= to && !isWeekend(toDate(day))) count++;
  }
  return count;
}

/**
 * The date `n` working days after `start`, `start` itself not counted (so from a Friday or a
 * Saturday, one working day on is the next Monday). date-fns skips weekends; each holiday that
 * lands in the span pushes the end on by one more working day, until no new holiday is crossed.
 */
export function addBusinessDays(start: IsoDate, n: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("n must be a whole number of days, 0 or more");
  if (n === 0) return start;
  let from = start;
  let end = toIso(addWeekdays(toDate(start), n));
  let extra = weekdayHolidaysBetween(from, end, holidays);
  while (extra > 0) {
    from = end;
    end = toIso(addWeekdays(toDate(end), extra));
    extra = weekdayHolidaysBetween(from, end, holidays);
  }
  return end;
}

/** Working days in the inclusive range `start`…`end` (0 when `end` is before `start`). */
export function workingDaysInRange(start: IsoDate, end: IsoDate, holidays: ReadonlySet<IsoDate>): IsoDate[] {
  if (end < start) return [];
  return eachDayOfInterval({ start: toDate(start), end: toDate(end) })
    .map(toIso)
    .filter((day) => isWorkingDay(day, holidays));
}

/**
 * Working days after `start` up to and including `end` — the same counting as
 * `addBusinessDays`, so `countBusinessDays(a, addBusinessDays(a, n)) === n`. Negative when
 * `end` is before `start`.
 */
export function countBusinessDays(start: IsoDate, end: IsoDate, holidays: ReadonlySet<IsoDate>): number {
  if (end < start) return -countBusinessDays(end, start, holidays);
  return workingDaysInRange(start, end, holidays).filter((day) => day !== start).length;
}
