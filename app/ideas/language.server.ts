import { asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { languageTerms, outbox, users } from "../../db/schema";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";

export function listTerms(db: Db): string[] {
  return db.select().from(languageTerms).orderBy(asc(languageTerms.term)).all().map((t) => t.term);
}

const TermSchema = z.object({
  term: z.string({ error: "Give a word." }).trim().toLowerCase().min(2, "Give a word of 2 letters or more.").max(40, "Keep it under 40 characters."),
});

export function addTerm(db: Db, admin: User, input: unknown): string {
  if (!globalCan(admin.role, "admin.portals")) throw new DomainError("forbidden", "Only admins edit the list.");
  const { term } = parseInput(TermSchema, input);
  const result = db.insert(languageTerms).values({ term }).onConflictDoNothing().run();
  if (result.changes === 0) throw new DomainError("conflict", `“${term}” is already on the list.`, { fields: { term: `“${term}” is already on the list.` } });
  return term;
}

export function removeTerm(db: Db, admin: User, term: string): void {
  if (!globalCan(admin.role, "admin.portals")) throw new DomainError("forbidden", "Only admins edit the list.");
  const result = db.delete(languageTerms).where(eq(languageTerms.term, term)).run();
  if (result.changes === 0) throw new DomainError("not_found", `“${term}” is not on the list.`);
}

/** The email outbox, newest day first: one digest per user per day. */
export function listOutbox(db: Db, limit = 100) {
  return db
    .select({ id: outbox.id, day: outbox.day, subject: outbox.subject, body: outbox.body, sentAt: outbox.sentAt, attempts: outbox.attempts, lastError: outbox.lastError, to: users.email })
    .from(outbox)
    .innerJoin(users, eq(users.id, outbox.userId))
    .orderBy(desc(outbox.day), desc(outbox.id))
    .limit(limit)
    .all();
}
