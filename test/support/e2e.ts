import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { openDatabase, type Db } from "../../db/client.server";
import { users } from "../../db/schema";
import { eq } from "drizzle-orm";
import { DEMO_PASSWORD } from "../../db/seed/users";
import { sessionCookie } from "../../app/auth/session.server";
import { createSession } from "../../app/auth/sessions.server";

// The fixture signs in the way the app does: a session row plus the cookie signed with the
// server's secret (read on first use, so setting it here, before any call, is enough).
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
process.env.SESSION_SECRET = process.env.E2E_SESSION_SECRET;

let db: Db | undefined;
/** The e2e server's own database file, for setting up sessions (never to stand in for the server). */
export function e2eDb(): Db {
  db ??= openDatabase(process.env.E2E_DATABASE_URL!, { migrate: false });
  return db;
}

export { DEMO_PASSWORD, expect };

export async function signInContext(context: BrowserContext, email: string, baseURL: string, db: Db = e2eDb()): Promise<void> {
  const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`No user ${email} in the e2e database`);
  const header = await sessionCookie().serialize(createSession(db, user.id));
  const value = header.split(";")[0].split("=").slice(1).join("=");
  await context.addCookies([{ name: "sprintlab_session", value, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

/**
 * A refused form answers 400 (429 for a rate limit, 409 for a refused vote through a fetcher) by
 * design, and the browser logs that response as a failed resource; every other console error
 * fails the test.
 */
const EXPECTED_FORM_REFUSAL = /^Failed to load resource: the server responded with a status of (400|409|429) /;

/** Console errors and uncaught page errors, which fail the test: a CSP violation shows up here. */
function watchConsole(page: Page, watch: ConsoleWatch) {
  page.on("console", (message) => {
    if (message.type() === "error" && !EXPECTED_FORM_REFUSAL.test(message.text())) {
      watch.record(`console: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => watch.record(`page error: ${error.message}`));
}

type ConsoleWatch = { record: (problem: string) => void; allow: (pattern: RegExp) => void };

type Fixtures = {
  /** The database of the server this test talks to (the shared e2e server unless a test overrides it). */
  appDb: Db;
  consoleWatch: ConsoleWatch;
  /** Console errors this test provokes on purpose (e.g. the 403 status of an error page). */
  allowConsole: (pattern: RegExp) => void;
  /** A page in a fresh context signed in as the given demo user. */
  pageAs: (email: string, options?: { javaScriptEnabled?: boolean }) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  appDb: async ({}, use) => {
    await use(e2eDb());
  },
  consoleWatch: async ({}, use) => {
    const problems: string[] = [];
    const allowed: RegExp[] = [];
    await use({ record: (problem) => problems.push(problem), allow: (pattern) => allowed.push(pattern) });
    const unexpected = problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
    expect(unexpected, "no console errors (CSP included)").toEqual([]);
  },
  allowConsole: async ({ consoleWatch }, use) => {
    await use(consoleWatch.allow);
  },
  page: async ({ page, consoleWatch }, use) => {
    watchConsole(page, consoleWatch);
    await use(page);
  },
  pageAs: async ({ browser, baseURL, consoleWatch, appDb }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (email, options = {}) => {
      const context = await (browser as Browser).newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
      contexts.push(context);
      await signInContext(context, email, baseURL!, appDb);
      const page = await context.newPage();
      watchConsole(page, consoleWatch);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});
