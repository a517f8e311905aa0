import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.server";
import { follows, notifications, outbox } from "../../db/schema";
import { appToday } from "../lib/app-time";

/** Start following unless the user unfollowed this idea before (their choice stands). */
export function follow(db: DbOrTx, userId: number, ideaId: number): void {
  db.insert(follows).values({ userId, ideaId, following: true }).onConflictDoNothing().run();
}

export function setFollowing(db: DbOrTx, userId: number, ideaId: number, following: boolean): void {
  db.insert(follows)
    .values({ userId, ideaId, following })
    .onConflictDoUpdate({ target: [follows.userId, follows.ideaId], set: { following } })
    .run();
}

export function followerIds(db: DbOrTx, ideaId: number): number[] {
  return db
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.ideaId, ideaId), eq(follows.following, true)))
    .all()
    .map((r) => r.userId);
}

/**
 * Tell users something in the app, and add the same line to each one's digest of the day in the
 * email outbox (one row per user per day). Call inside the transaction of the change.
 */
export function notify(
  db: DbOrTx,
  userIds: Iterable<number>,
  message: { text: string; link: string; ideaId?: number | null },
  exceptUserId?: number | null,
): void {
  const day = appToday();
  const recipients = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  for (const userId of recipients) {
    db.insert(notifications).values({ userId, ideaId: message.ideaId ?? null, text: message.text, link: message.link }).run();
    const line = `- ${message.text} (${message.link})`;
    const digest = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.userId, userId), eq(outbox.day, day), eq(outbox.kind, "digest"), sql`${outbox.sentAt} IS NULL`))
      .get();
    if (digest) {
      db.update(outbox).set({ body: sql`${outbox.body} || char(10) || ${line}` }).where(eq(outbox.id, digest.id)).run();
    } else {
      db.insert(outbox).values({ userId, kind: "digest", day, subject: `Your Sprintlab digest for ${day}`, body: line }).run();
    }
  }
}

export function unreadCount(db: DbOrTx, userId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), sql`${notifications.readAt} IS NULL`))
      .get()?.n ?? 0
  );
}

export function markRead(db: DbOrTx, userId: number, ids?: number[]): void {
  const conditions = [eq(notifications.userId, userId), sql`${notifications.readAt} IS NULL`];
  if (ids) conditions.push(inArray(notifications.id, ids));
  db.update(notifications).set({ readAt: new Date().toISOString() }).where(and(...conditions)).run();
}

export function isFollowing(db: DbOrTx, userId: number, ideaId: number): boolean {
  return Boolean(
    db.select({ f: follows.following }).from(follows).where(and(eq(follows.userId, userId), eq(follows.ideaId, ideaId), eq(follows.following, true))).get(),
  );
}

export function listNotifications(db: DbOrTx, userId: number, limit = 100) {
  return db
    .select({ id: notifications.id, text: notifications.text, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all();
}
