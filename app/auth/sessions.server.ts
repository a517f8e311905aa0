import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { sessions, users } from "../../db/schema";
import { userColumns, type User } from "./users.server";

export const SESSION_DAYS = 30;

export function createSession(db: Db, userId: number, now = new Date()): string {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  db.transaction((tx) => {
    // Sweep this user's expired rows while we are here, so the table does not grow without bound.
    tx.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now.toISOString()))).run();
    tx.insert(sessions).values({ id, userId, expiresAt }).run();
  });
  return id;
}

/** The active user of an unexpired session, or null. */
export function getSessionUser(db: Db, sessionId: string | null | undefined, now = new Date()): User | null {
  if (!sessionId) return null;
  return (
    db
      .select(userColumns)
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now.toISOString()), eq(users.active, true)))
      .get() ?? null
  );
}

export function deleteSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}
