import { getDb } from "../db/client.server";
import { remindUpcomingDemos } from "./delivery/reminders.server";
import { sweepRateLimits } from "./auth/limits.server";
import { appUrl } from "./lib/app-url";
import { sessionSecret } from "./auth/secret.server";
import { logger } from "./lib/log.server";
import { sendOutbox, smtpTransport } from "./notifications/mail.server";

declare global {
  // eslint-disable-next-line no-var
  var __sprintlabJobs: NodeJS.Timeout | undefined;
}

let running: Promise<void> | null = null;
let stopped = false;

/** One round of the background work: demo reminders, forgotten rate-limit attempts, then the outbox when SMTP_URL is set. */
export function runJobs(): Promise<void> {
  running ??= jobsRound().finally(() => {
    running = null;
  });
  return running;
}

async function jobsRound(): Promise<void> {
  try {
    const db = getDb();
    remindUpcomingDemos(db);
    sweepRateLimits(db);
    const url = process.env.SMTP_URL;
    if (url) {
      const result = await sendOutbox(db, smtpTransport(url), {
        from: process.env.MAIL_FROM ?? "Sprintlab <no-reply@sprintlab.invalid>",
        baseUrl: appUrl(),
        unsubscribeSecret: sessionSecret(),
      });
      if (result.failed) logger().warn({ sent: result.sent, failed: result.failed }, "Outbox: some mail failed (see Administration → Email outbox)");
    }
  } catch (error) {
    logger().error({ err: error }, "Background jobs failed");
  }
}

/** Start the jobs once per server process (every JOBS_INTERVAL_SECONDS, default 60; 0 turns them off). */
export function startJobs(): void {
  const seconds = Number(process.env.JOBS_INTERVAL_SECONDS ?? 60);
  if (globalThis.__sprintlabJobs || stopped || !(seconds > 0)) return;
  globalThis.__sprintlabJobs = setInterval(() => void runJobs(), seconds * 1000);
  globalThis.__sprintlabJobs.unref();
  setTimeout(() => {
    if (!stopped) void runJobs();
  }, 2000).unref();
}

/** Stop the timer and wait for a round under way (graceful shutdown). */
export async function stopJobs(): Promise<void> {
  if (globalThis.__sprintlabJobs) clearInterval(globalThis.__sprintlabJobs);
  globalThis.__sprintlabJobs = undefined;
  stopped = true;
  await running;
}
