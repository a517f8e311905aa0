import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { sessions, users } from "../../db/schema";
import { userColumns, type User } from "./users.server";

/** A session's absolute lifetime, and how long it lasts without being used (SPEC: 7 days idle). */
export const SESSION_DAYS = 30;
export const SESSION_IDLE_DAYS = 7;
/** Last use is written at most once a minute per session, so reads stay reads. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export function createSession(db: Db, userId: number, now = new Date()): string {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  db.transaction((tx) => {
    // Sweep this user's expired rows while we are here, so the table does not grow without bound.
    tx.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now.toISOString()))).run();
    tx.insert(sessions).values({ id, userId, expiresAt, lastSeenAt: now.toISOString() }).run();
  });
  return id;
}

/**
 * The active user of a session that is neither past its lifetime nor idle for SESSION_IDLE_DAYS,
 * or null. Using the session moves its last use on (best-effort: a read-only database still
 * answers reads).
 */
export function getSessionUser(db: Db, sessionId: string | null | undefined, now = new Date()): User | null {
  if (!sessionId) return null;
  const idleSince = new Date(now.getTime() - SESSION_IDLE_DAYS * 86_400_000).toISOString();
  const row = db
    .select({ ...userColumns, lastSeenAt: sessions.lastSeenAt, createdAt: sessions.createdAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now.toISOString()), eq(users.active, true)))
    .get();
  if (!row) return null;
  const { lastSeenAt, createdAt, ...user } = row;
  const seen = lastSeenAt ?? createdAt;
  if (seen <= idleSince) return null;
  if (now.getTime() - Date.parse(seen) > LAST_SEEN_RESOLUTION_MS) {
    try {
      db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run();
    } catch {
      // Read-only or busy database: the session still works; its last use is written next time.
    }
  }
  return user;
}

export function deleteSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}
