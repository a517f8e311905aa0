import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db/client.server";
import { DIGEST_CHOICES, notificationSettings, outbox, users } from "../../db/schema";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import type { DigestChoice } from "./digest";

export type NotificationSettings = { digest: DigestChoice; immediateOfficialUpdates: boolean };

export const DEFAULT_SETTINGS: NotificationSettings = { digest: "daily", immediateOfficialUpdates: false };

export const NotificationSettingsSchema = z
  .object({
    digest: z.enum(DIGEST_CHOICES, { error: "Choose daily, weekly or off." }).optional(),
    immediateOfficialUpdates: z.boolean({ error: "Say true or false." }).optional(),
  })
  .strict();

export const NotificationSettingsAnswerSchema = z.object({ digest: z.enum(DIGEST_CHOICES), immediateOfficialUpdates: z.boolean() });

/** A user's mail choices (the defaults until they choose). */
export function notificationSettingsOf(db: DbOrTx, userId: number): NotificationSettings {
  const row = db.select({ digest: notificationSettings.digest, immediateOfficialUpdates: notificationSettings.immediateOfficialUpdates }).from(notificationSettings).where(eq(notificationSettings.userId, userId)).get();
  return row ?? { ...DEFAULT_SETTINGS };
}

/** The choices of several users at once (for one notify call). */
export function settingsOfUsers(db: DbOrTx, userIds: number[]): Map<number, NotificationSettings> {
  const found = new Map<number, NotificationSettings>();
  if (!userIds.length) return found;
  for (const row of db.select().from(notificationSettings).where(inArray(notificationSettings.userId, userIds)).all()) {
    found.set(row.userId, { digest: row.digest, immediateOfficialUpdates: row.immediateOfficialUpdates });
  }
  return new Map(userIds.map((id) => [id, found.get(id) ?? { ...DEFAULT_SETTINGS }]));
}

function store(db: DbOrTx, userId: number, next: NotificationSettings): NotificationSettings {
  db.transaction((tx) => {
    tx.insert(notificationSettings)
      .values({ userId, ...next, updatedAt: new Date().toISOString() })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { ...next, updatedAt: new Date().toISOString() } })
      .run();
    // Turning the digest off stops the ones still waiting to go out too.
    if (next.digest === "off") tx.delete(outbox).where(and(eq(outbox.userId, userId), eq(outbox.kind, "digest"), isNull(outbox.sentAt))).run();
  });
  return next;
}

/** The settings page and `PATCH /me/notification-settings`: each user changes their own. */
export function updateNotificationSettings(db: DbOrTx, actor: { id: number }, input: unknown): NotificationSettings {
  const change = parseInput(NotificationSettingsSchema, input);
  const current = notificationSettingsOf(db, actor.id);
  return store(db, actor.id, {
    digest: change.digest ?? current.digest,
    immediateOfficialUpdates: change.immediateOfficialUpdates ?? current.immediateOfficialUpdates,
  });
}

// ── Unsubscribing from a mail, without signing in ─────────────────────────────────────────────

/** What an unsubscribe link stops: the digest, or the immediate mails of official updates. */
export type MailStream = "digest" | "updates";
const STREAM_CODE: Record<MailStream, string> = { digest: "d", updates: "u" };

function signature(userId: number, stream: MailStream, secret: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${userId}:${STREAM_CODE[stream]}`).digest("base64url");
}

/** A signed, per-user token for the link in a mail (`/unsubscribe/<token>`); it needs no session. */
export function unsubscribeToken(userId: number, stream: MailStream, secret: string): string {
  return `${userId}.${STREAM_CODE[stream]}.${signature(userId, stream, secret)}`;
}

/** Whose link it is and what it stops, or null for a token that was not signed here. */
export function readUnsubscribeToken(token: string, secret: string): { userId: number; stream: MailStream } | null {
  const match = /^([1-9]\d{0,9})\.([du])\.([\w-]{43})$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  const stream: MailStream = match[2] === "d" ? "digest" : "updates";
  const expected = Buffer.from(signature(userId, stream, secret));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, stream } : null;
}

export type UnsubscribeState = { email: string; stream: MailStream; stopped: boolean };

function holderOf(db: DbOrTx, token: string, secret: string) {
  const read = readUnsubscribeToken(token, secret);
  const user = read ? db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, read.userId)).get() : undefined;
  if (!read || !user) throw new DomainError("not_found", "This unsubscribe link is not valid. Open Sprintlab and change your email choices on the settings page.");
  return { user, stream: read.stream };
}

/** What the link's page shows: whose mail it is about, and whether it is already stopped. */
export function unsubscribeState(db: DbOrTx, token: string, secret: string): UnsubscribeState {
  const { user, stream } = holderOf(db, token, secret);
  const settings = notificationSettingsOf(db, user.id);
  return { email: user.email, stream, stopped: stream === "digest" ? settings.digest === "off" : !settings.immediateOfficialUpdates };
}

/** The link's POST (the page's button, or a mail client's RFC 8058 one-click): stop that mail. */
export function unsubscribe(db: DbOrTx, token: string, secret: string): UnsubscribeState {
  const { user, stream } = holderOf(db, token, secret);
  const current = notificationSettingsOf(db, user.id);
  store(db, user.id, stream === "digest" ? { ...current, digest: "off" } : { ...current, immediateOfficialUpdates: false });
  return { email: user.email, stream, stopped: true };
}
