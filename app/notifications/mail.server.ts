import nodemailer, { type Transporter } from "nodemailer";
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { outbox, users } from "../../db/schema";
import { appToday } from "../lib/app-time";
import { unsubscribeToken } from "./settings.server";

/** Give up on a mail after this many failed attempts (it stays on the admin's outbox page). */
export const MAX_ATTEMPTS = 5;

/** An SMTP transport from `SMTP_URL` (e.g. smtp://user:pass@mail.example.com:587), through nodemailer. */
export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

/**
 * What may go out now: sign-in links and official-update mails at once; a digest once its day is
 * over (it collects the whole day's notifications, or for a weekly digest the week's, whose last
 * day it carries), in the app's time zone.
 */
export function dueMail(db: Db, now = new Date()) {
  return db
    .select({ id: outbox.id, userId: outbox.userId, kind: outbox.kind, subject: outbox.subject, body: outbox.body, attempts: outbox.attempts, to: users.email, name: users.name })
    .from(outbox)
    .innerJoin(users, eq(users.id, outbox.userId))
    .where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS), or(eq(outbox.kind, "link"), eq(outbox.kind, "update"), lt(outbox.day, appToday(now)))))
    .orderBy(asc(outbox.id))
    .all();
}

/** A link in an outbox body: a path of this installation in parentheses, `(/sprints/4/demo)`. */
const LINK = /\((\/[^)\s]*)\)/g;

/** Paths in a mail body become links to this installation. */
export function absoluteLinks(body: string, baseUrl: string): string {
  return body.replace(LINK, (_m, path: string) => `(${baseUrl.replace(/\/$/, "")}${path})`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** One line of a body as HTML: a link that ends the line links the line's words; any other becomes a link of its own. */
function htmlLine(line: string, base: string): string {
  const end = line.match(/^(.*\S)\s*\((\/[^)\s]*)\)$/);
  if (end) return `<a href="${escapeHtml(base + end[2])}">${escapeHtml(end[1])}</a>`;
  let out = "";
  let last = 0;
  for (const m of line.matchAll(LINK)) {
    out += escapeHtml(line.slice(last, m.index)) + `<a href="${escapeHtml(base + m[1])}">${escapeHtml(base + m[1])}</a>`;
    last = m.index! + m[0].length;
  }
  return out + escapeHtml(line.slice(last));
}

/**
 * The one place that turns an outbox body into the mail people read: a plain-text part with the
 * installation's absolute links, and an HTML alternative (lines starting "- " are a list, a
 * link ending a line links its words), with every bit of user text escaped.
 */
export function renderMail(subject: string, body: string, baseUrl: string): { text: string; html: string } {
  const base = baseUrl.replace(/\/$/, "");
  const blocks: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push(`<ul style="padding-left:1.2em">${list.map((item) => `<li style="margin:0 0 .4em">${item}</li>`).join("")}</ul>`);
    list = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (line.startsWith("- ")) list.push(htmlLine(line.slice(2), base));
    else {
      flush();
      if (line.trim()) blocks.push(`<p style="margin:0 0 1em">${htmlLine(line, base)}</p>`);
    }
  }
  flush();
  const footer = `Sprintlab · <a href="${escapeHtml(base)}/notifications">${escapeHtml(base.replace(/^https?:\/\//, ""))}</a>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;max-width:36em;margin:0 auto;padding:1em">${blocks.join("")}<p style="margin-top:2em;font-size:13px;color:#616e7c">${footer}</p></body></html>`;
  return { text: `${absoluteLinks(body, base)}\n`, html };
}

/**
 * Send what is due through the transport; each mail is marked sent when the server took it, or
 * its attempt and error are kept for the next run.
 */
export async function sendOutbox(
  db: Db,
  transport: Transporter,
  options: { from: string; baseUrl: string; now?: Date; /** Signs the unsubscribe links of digests and update mails. */ unsubscribeSecret?: string },
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const base = options.baseUrl.replace(/\/$/, "");
  for (const mail of dueMail(db, options.now)) {
    try {
      const stream = mail.kind === "digest" ? "digest" : mail.kind === "update" ? "updates" : null;
      const unsubscribe = stream && options.unsubscribeSecret ? `/unsubscribe/${unsubscribeToken(mail.userId, stream, options.unsubscribeSecret)}` : null;
      const body = unsubscribe ? `${mail.body}\n\n${stream === "digest" ? "Stop these digest emails" : "Stop mailing official updates at once"} (${unsubscribe})` : mail.body;
      await transport.sendMail({
        from: options.from,
        to: `${mail.name} <${mail.to}>`,
        subject: mail.subject,
        ...renderMail(mail.subject, body, base),
        headers: {
          // Machine-sent (RFC 3834): out-of-office replies and auto-forwards stay away.
          "Auto-Submitted": "auto-generated",
          "X-Auto-Response-Suppress": "All",
          // A mail client's own unsubscribe button, one click, no sign-in (RFC 2369, RFC 8058).
          ...(unsubscribe ? { "List-Unsubscribe": `<${base}${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
        },
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
