import { and, desc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { passwordHashes, signInAttempts, users } from "../../db/schema";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { decoyHash, verifyPassword } from "./password.server";
import { MAX_FAILED_ATTEMPTS, WINDOW_MS, secondsUntilAllowed } from "./rate-limit";
import { LIMITS, checkLimit, recordHit } from "./limits.server";
import { normalizeEmail, userColumns, type User } from "./users.server";

export const CredentialsSchema = z.object({
  email: z.string({ error: "Enter your email address." }).trim().min(1, "Enter your email address.").max(320),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});

export const WRONG_CREDENTIALS = "That email and password do not match an active account.";

function lockMessage(seconds: number) {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-ins for this email. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Check an email and password. Throws `rate_limited` while the email is locked (even for the
 * right password — otherwise the lock would not stop guessing), `unauthorized` for a wrong or
 * inactive account; each refusal outside a lock is recorded as a failed attempt.
 */
export async function verifyCredentials(db: Db, input: unknown, now = new Date(), from: { address?: string | null } = {}): Promise<User> {
  const { email: rawEmail, password } = parseInput(CredentialsSchema, input);
  const email = normalizeEmail(rawEmail);
  const address = from.address ?? null;
  checkLimit(db, LIMITS.signInFailuresPerAddress, address, "failed sign-ins from this network", undefined, now);
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const failures = db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
    .orderBy(desc(signInAttempts.at))
    .limit(MAX_FAILED_ATTEMPTS)
    .all()
    .map((row) => new Date(row.at));
  const wait = secondsUntilAllowed(failures, now);
  if (wait > 0) throw new DomainError("rate_limited", lockMessage(wait), { retryAfter: wait });

  const row = db
    .select({ ...userColumns, hash: passwordHashes.hash })
    .from(users)
    .leftJoin(passwordHashes, eq(passwordHashes.userId, users.id))
    .where(eq(users.email, email))
    .get();
  const ok = await verifyPassword(password, row?.hash ?? (await decoyHash()));
  const succeeded = Boolean(row && row.hash && row.active && ok);
  db.insert(signInAttempts).values({ email, succeeded, at: now.toISOString() }).run();
  if (!succeeded) recordHit(db, LIMITS.signInFailuresPerAddress, address, now);
  if (!succeeded || !row) throw new DomainError("unauthorized", WRONG_CREDENTIALS);
  const { hash: _hash, ...user } = row;
  return user;
}
