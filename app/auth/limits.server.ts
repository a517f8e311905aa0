import { and, asc, count, eq, gt, lte } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.server";
import { rateLimitHits } from "../../db/schema";
import { DomainError } from "../lib/errors";

/** A rate limit: at most `max` counted attempts per key within `windowMs`. */
export type Limit = { bucket: string; max: number; windowMs: number };

const MINUTE = 60_000;

/** SPEC: forgot-password and request-access per email and per client address; sign-in failures per client address. */
export const LIMITS = {
  resetPerEmail: { bucket: "reset:email", max: 3, windowMs: 15 * MINUTE },
  resetPerAddress: { bucket: "reset:address", max: 10, windowMs: 15 * MINUTE },
  accessPerEmail: { bucket: "access:email", max: 3, windowMs: 60 * MINUTE },
  accessPerAddress: { bucket: "access:address", max: 10, windowMs: 15 * MINUTE },
  /**
   * Failed sign-ins from one address over any emails: spraying one password over many accounts.
   * Generous, since a customer's whole office may share one address.
   */
  signInFailuresPerAddress: { bucket: "sign-in-failure:address", max: 100, windowMs: 15 * MINUTE },
} satisfies Record<string, Limit>;

function waitMessage(seconds: number, what: string): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Seconds until the key may try again under the limit (0: now). The oldest attempt still in the
 * window decides: the key is free again once it leaves.
 */
export function secondsUntilFree(db: DbOrTx, limit: Limit, key: string, now = new Date()): number {
  const since = new Date(now.getTime() - limit.windowMs).toISOString();
  const where = and(eq(rateLimitHits.bucket, limit.bucket), eq(rateLimitHits.key, key), gt(rateLimitHits.at, since));
  const n = db.select({ n: count() }).from(rateLimitHits).where(where).get()?.n ?? 0;
  if (n < limit.max) return 0;
  // The attempt whose leaving the window brings the count under the limit.
  const oldest = db.select({ at: rateLimitHits.at }).from(rateLimitHits).where(where).orderBy(asc(rateLimitHits.at)).limit(1).offset(n - limit.max).get()!;
  return Math.max(1, Math.ceil((Date.parse(oldest.at) + limit.windowMs - now.getTime()) / 1000));
}

/** Refuse (429, with when to try again) while the key is over the limit. */
export function checkLimit(db: DbOrTx, limit: Limit, key: string | null, what: string, field?: string, now = new Date()): void {
  if (!key) return;
  const wait = secondsUntilFree(db, limit, key, now);
  if (wait > 0) {
    const message = waitMessage(wait, what);
    throw new DomainError("rate_limited", message, { retryAfter: wait, ...(field ? { fields: { [field]: message } } : {}) });
  }
}

/** Count an attempt, and forget the key's attempts that left the window. */
export function recordHit(db: DbOrTx, limit: Limit, key: string | null, now = new Date()): void {
  if (!key) return;
  db.delete(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, limit.bucket), eq(rateLimitHits.key, key), lte(rateLimitHits.at, new Date(now.getTime() - limit.windowMs).toISOString())))
    .run();
  db.insert(rateLimitHits).values({ bucket: limit.bucket, key, at: now.toISOString() }).run();
}

/** Check, then count: for attempts that count whatever their outcome (a reset link asked for). */
export function takeLimit(db: DbOrTx, limit: Limit, key: string | null, what: string, field?: string, now = new Date()): void {
  checkLimit(db, limit, key, what, field, now);
  recordHit(db, limit, key, now);
}

/**
 * Forget every attempt that left its window, for keys that never came back (an address seen
 * once): run with the background jobs, so the table holds only what a limit can still count.
 */
export function sweepRateLimits(db: DbOrTx, now = new Date()): number {
  let removed = 0;
  for (const limit of Object.values(LIMITS)) {
    const cutoff = new Date(now.getTime() - limit.windowMs).toISOString();
    removed += db.delete(rateLimitHits).where(and(eq(rateLimitHits.bucket, limit.bucket), lte(rateLimitHits.at, cutoff))).run().changes;
  }
  return removed;
}
