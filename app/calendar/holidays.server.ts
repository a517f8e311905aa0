import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { holidays } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, parseInput } from "../lib/validation";

export const HolidaySchema = z.object({
  date: IsoDateSchema,
  name: z.string({ error: "Name the holiday." }).trim().min(1, "Name the holiday.").max(80, "Keep the name under 80 characters."),
});

export type Holiday = { date: string; name: string };

export function listHolidays(db: Db): Holiday[] {
  return db.select().from(holidays).orderBy(asc(holidays.date)).all();
}

/** The holidays as a set of dates, the shape the business-day rules take. */
export function holidaySet(db: Db): Set<string> {
  return new Set(listHolidays(db).map((h) => h.date));
}

/**
 * Add a default holiday inside the caller's transaction. The calendar knows nothing of sprints:
 * the use case that also re-lays the ceremonies is Delivery's (`app/delivery/holidays.server.ts`).
 */
export function insertHoliday(tx: DbOrTx, actor: User, input: unknown): Holiday {
  const holiday = parseInput(HolidaySchema, input);
  const existing = tx.select().from(holidays).where(eq(holidays.date, holiday.date)).get();
  if (existing) {
    throw new DomainError("conflict", `${holiday.date} is already a holiday (${existing.name}).`, {
      fields: { date: `${holiday.date} is already a holiday (${existing.name}).` },
    });
  }
  tx.insert(holidays).values(holiday).run();
  recordAudit(tx, actor.id, "holiday.added", `holiday:${holiday.date}`, { name: holiday.name });
  return holiday;
}

export function deleteHoliday(tx: DbOrTx, actor: User, date: string): void {
  const result = tx.delete(holidays).where(eq(holidays.date, date)).run();
  if (result.changes === 0) throw new DomainError("not_found", `${date} is not a holiday.`);
  recordAudit(tx, actor.id, "holiday.removed", `holiday:${date}`, {});
}
