import { getDb } from "../db/client.server";
import { remindUpcomingDemos } from "./delivery/reminders.server";
import { sendOutbox, smtpTransport } from "./lib/mail.server";

declare global {
  // eslint-disable-next-line no-var
  var __sprintlabJobs: NodeJS.Timeout | undefined;
}

let running = false;

/** One round of the background work: demo reminders, then the outbox when SMTP_URL is set. */
export async function runJobs(): Promise<void> {
  if (running) return;
  running = true;
  try {
    const db = getDb();
    remindUpcomingDemos(db);
    const url = process.env.SMTP_URL;
    if (url) {
      const result = await sendOutbox(db, smtpTransport(url), {
        from: process.env.MAIL_FROM ?? "Sprintlab <no-reply@sprintlab.invalid>",
        baseUrl: process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
      });
      if (result.failed) console.warn(`Outbox: ${result.sent} sent, ${result.failed} failed (see Administration → Email outbox).`);
    }
  } catch (error) {
    console.error("Background jobs failed:", error);
  } finally {
    running = false;
  }
}

/** Start the jobs once per server process (every JOBS_INTERVAL_SECONDS, default 60; 0 turns them off). */
export function startJobs(): void {
  const seconds = Number(process.env.JOBS_INTERVAL_SECONDS ?? 60);
  if (globalThis.__sprintlabJobs || !(seconds > 0)) return;
  globalThis.__sprintlabJobs = setInterval(() => void runJobs(), seconds * 1000);
  globalThis.__sprintlabJobs.unref();
  setTimeout(() => void runJobs(), 2000).unref();
}
