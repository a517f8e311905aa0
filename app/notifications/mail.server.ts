import nodemailer, { type Transporter } from "nodemailer";
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { outbox, users } from "../../db/schema";
import { appToday } from "../lib/app-time";

/** Give up on a mail after this many failed attempts (it stays on the admin's outbox page). */
export const MAX_ATTEMPTS = 5;

/** An SMTP transport from `SMTP_URL` (e.g. smtp://user:pass@mail.example.com:587), through nodemailer. */
export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

/**
 * What may go out now: sign-in links at once; a digest once its day is over (it collects the whole
 * day's notifications), in the app's time zone.
 */
export function dueMail(db: Db, now = new Date()) {
  return db
    .select({ id: outbox.id, kind: outbox.kind, subject: outbox.subject, body: outbox.body, attempts: outbox.attempts, to: users.email, name: users.name })
    .from(outbox)
    .innerJoin(users, eq(users.id, outbox.userId))
    .where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS), or(eq(outbox.kind, "link"), lt(outbox.day, appToday(now)))))
    .orderBy(asc(outbox.id))
    .all();
}

/** Paths in a mail body become links to this installation. */
export function absoluteLinks(body: string, baseUrl: string): string {
  return body.replace(/\((\/[^)\s]*)\)/g, (_m, path: string) => `(${baseUrl.replace(/\/$/, "")}${path})`);
}

/**
 * Send what is due through the transport; each mail is marked sent when the server took it, or
 * its attempt and error are kept for the next run.
 */
export async function sendOutbox(db: Db, transport: Transporter, options: { from: string; baseUrl: string; now?: Date }): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const mail of dueMail(db, options.now)) {
    try {
      await transport.sendMail({
        from: options.from,
        to: `${mail.name} <${mail.to}>`,
        subject: mail.subject,
        text: absoluteLinks(mail.body, options.baseUrl),
      });
      db.update(outbox).set({ sentAt: new Date().toISOString(), attempts: mail.attempts + 1, lastError: null }).where(eq(outbox.id, mail.id)).run();
      sent++;
    } catch (error) {
      db.update(outbox).set({ attempts: mail.attempts + 1, lastError: error instanceof Error ? error.message.slice(0, 500) : String(error) }).where(eq(outbox.id, mail.id)).run();
      failed++;
    }
  }
  return { sent, failed };
}
