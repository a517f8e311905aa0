import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.server";
import { DomainError } from "../lib/errors";
import { follows, ideas, notifications, outbox, portals, projects } from "../../db/schema";
import { appToday, appWeekStart } from "../lib/app-time";
import { digestLine, digestPeriod } from "./digest";
import { settingsOfUsers } from "./settings.server";

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

export type NotifyMessage = {
  text: string;
  /** The exact place it opens, anchor included (`/ideas/KEY#comment-12`). */
  link: string;
  ideaId?: number | null;
  /** The Delivery project it is about, so the notification names it. */
  projectId?: number | null;
  /** What the event said (a status change's public note, an official update's text). */
  detail?: string | null;
  /** One key per event (`status:41`): the same event never notifies a user twice. */
  dedupeKey?: string | null;
  /** An official update: mailed at once to those who asked for that, instead of joining their digest. */
  officialUpdate?: { subject: string } | null;
  /** When the event happened, if not now (a change recorded with its own time); its digest is still today's. */
  at?: Date | null;
};

/**
 * Tell users something in the app, and add the same line to each one's digest in the email
 * outbox (one row per user per day, or per week, as they chose; none when they turned it off).
 * An official update goes out at once, as a mail of its own, to those who asked for that. Call
 * inside the transaction of the change.
 */
export function notify(db: DbOrTx, userIds: Iterable<number>, message: NotifyMessage, exceptUserId?: number | null): void {
  const today = appToday();
  const recipients = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  const settings = settingsOfUsers(db, recipients);
  const weekStart = appWeekStart();
  const where = recipients.length ? placeOf(db, message) : null;
  for (const userId of recipients) {
    const written = db
      .insert(notifications)
      .values({
        userId,
        ideaId: message.ideaId ?? null,
        projectId: message.projectId ?? null,
        text: message.text,
        detail: message.detail ?? null,
        link: message.link,
        dedupeKey: message.dedupeKey ?? null,
        ...(message.at ? { createdAt: message.at.toISOString() } : {}),
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id })
      .get();
    if (!written) continue; // this event already reached them
    const choice = settings.get(userId)!;
    if (message.officialUpdate && choice.immediateOfficialUpdates) {
      const body = [...(where ? [where, ""] : []), message.text, ...(message.detail ? ["", message.detail] : []), "", `Read it on Sprintlab (${message.link})`].join("\n");
      db.insert(outbox).values({ userId, kind: "update", day: today, subject: message.officialUpdate.subject, body }).run();
      continue;
    }
    const period = digestPeriod(today, choice.digest, weekStart);
    if (!period) continue;
    const line = digestLine(message.text, message.link, message.detail, where);
    const digest = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.userId, userId), eq(outbox.day, period.day), eq(outbox.kind, "digest"), eq(outbox.subject, period.subject), sql`${outbox.sentAt} IS NULL`))
      .get();
    if (digest) {
      db.update(outbox).set({ body: sql`${outbox.body} || char(10) || ${line}` }).where(eq(outbox.id, digest.id)).run();
    } else {
      db.insert(outbox).values({ userId, kind: "digest", day: period.day, subject: period.subject, body: line }).run();
    }
  }
}

/** The portal of the idea, or the project, a notification is about: mails name it as the page does. */
function placeOf(db: DbOrTx, message: NotifyMessage): string | null {
  if (message.ideaId) {
    return db.select({ name: portals.name }).from(ideas).innerJoin(portals, eq(portals.id, ideas.portalId)).where(eq(ideas.id, message.ideaId)).get()?.name ?? null;
  }
  if (message.projectId) return db.select({ name: projects.name }).from(projects).where(eq(projects.id, message.projectId)).get()?.name ?? null;
  return null;
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

/**
 * A request that has been answered: the unread notifications of these users whose key starts
 * with `keyPrefix` (e.g. `awaits-decision:42:`) are marked read, so "awaits your decision" leaves
 * the unread list once someone decided. The notification itself stays, as history.
 */
export function settleNotifications(db: DbOrTx, userIds: number[], keyPrefix: string, at: Date = new Date()): void {
  if (!userIds.length) return;
  db.update(notifications)
    .set({ readAt: at.toISOString() })
    .where(and(inArray(notifications.userId, userIds), sql`${notifications.dedupeKey} >= ${keyPrefix}`, sql`${notifications.dedupeKey} < ${keyPrefix + "\u{10FFFF}"}`, sql`${notifications.readAt} IS NULL`))
    .run();
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

/** The user's notifications, newest first, each naming its idea's key and portal or its project. */
export function listNotifications(db: DbOrTx, userId: number, limit = 100) {
  return db
    .select({
      id: notifications.id,
      text: notifications.text,
      detail: notifications.detail,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      ideaKey: ideas.key,
      portal: portals.name,
      project: projects.name,
    })
    .from(notifications)
    .leftJoin(ideas, eq(ideas.id, notifications.ideaId))
    .leftJoin(portals, eq(portals.id, ideas.portalId))
    .leftJoin(projects, eq(projects.id, notifications.projectId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all();
}

/** Opening a notification marks it read and answers where it leads; someone else's is not found. */
export function openNotification(db: DbOrTx, userId: number, id: number): string {
  const row = db.select({ link: notifications.link }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId))).get();
  if (!row) throw new DomainError("not_found", "No such notification.");
  markRead(db, userId, [id]);
  // Only a path of this installation: a stored link never sends anyone elsewhere.
  return /^\/(?![/\\])/.test(row.link) ? row.link : "/notifications";
}
