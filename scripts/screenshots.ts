/**
 * `npm run screenshots`: signs in as several demo users against a running server (BASE_URL,
 * default http://localhost:3000) and saves the pages the README shows into docs/screenshots/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed/users";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = join(import.meta.dirname, "..", "docs", "screenshots");
mkdirSync(out, { recursive: true });

const shots: { file: string; email?: string; path: string; width?: number }[] = [
  { file: "sign-in.png", path: "/sign-in" },
  { file: "home-scrum-master.png", email: "sm@example.com", path: "/" },
  { file: "my-work-copo.png", email: "copo@example.com", path: "/my-work" },
  { file: "my-work-375.png", email: "dev@example.com", path: "/my-work", width: 375 },
  { file: "ideas-home-customer.png", email: "customer@example.com", path: "/ideas" },
  { file: "idea-page-customer-375.png", email: "customer@example.com", path: "/ideas/CORTE-I-1", width: 375 },
  { file: "notification-settings.png", email: "customer@example.com", path: "/settings" },
  { file: "story-page.png", email: "sm@example.com", path: "/stories/3" },
  { file: "search.png", email: "sm@example.com", path: "/search?q=callback" },
  { file: "admin-users.png", email: "admin@example.com", path: "/admin/users" },
  { file: "admin-holidays.png", email: "admin@example.com", path: "/admin/holidays" },
  { file: "settings-tokens-375.png", email: "customer@example.com", path: "/settings", width: 375 },
  { file: "forbidden-customer.png", email: "customer@example.com", path: "/admin/users" },
  { file: "ideas-portal-customer.png", email: "customer@example.com", path: "/portals/pureengage" },
  { file: "idea-page-pm.png", email: "pm@example.com", path: "/ideas/COANA-I-1" },
  { file: "pm-board.png", email: "pm@example.com", path: "/pm" },
  { file: "portal-insights.png", email: "pm@example.com", path: "/portals/pureengage/insights" },
  { file: "my-votes-375.png", email: "customer@example.com", path: "/my-votes", width: 375 },
  { file: "intake-similar.png", email: "partner@example.com", path: "/portals/pureengage/new?title=callback" },
  { file: "portfolio.png", email: "sm@example.com", path: "/projects" },
  { file: "sprint-board.png", email: "sm@example.com", path: "/sprints/4" },
  { file: "release-plan.png", email: "po@example.com", path: "/projects/1/release" },
  { file: "backlog.png", email: "po@example.com", path: "/projects/1/backlog" },
  { file: "backlog-375.png", email: "po@example.com", path: "/projects/1/backlog", width: 375 },
  { file: "ceremonies.png", email: "sm@example.com", path: "/projects/1/ceremonies" },
  { file: "standup-375.png", email: "dev@example.com", path: "/sprints/4/standup", width: 375 },
  { file: "grooming.png", email: "po@example.com", path: "/projects/1/grooming" },
  { file: "go-live-acceptance.png", email: "copo@example.com", path: "/go-lives/1/acceptance" },
  { file: "demo-acceptance-sprint-3.png", email: "copo@example.com", path: "/sprints/3/acceptance" },
  { file: "idea-delivery-pm.png", email: "pm@example.com", path: "/ideas/COAWS-I-1" },
  { file: "feature-page.png", email: "pm@example.com", path: "/features/4" },
  { file: "roadmap.png", email: "customer@example.com", path: "/portals/pureengage/roadmap" },
  { file: "audit-log.png", email: "admin@example.com", path: "/admin/audit" },
  { file: "story-thread.png", email: "copo@example.com", path: "/stories/3" },
  { file: "document-diff.png", email: "dev@example.com", path: "/docs/2/diff?from=1&to=2" },
  { file: "as-delivered-bundle.png", email: "copo@example.com", path: "/go-lives/1/bundle" },
];

async function shoot(browser: Browser, shot: (typeof shots)[number]) {
  const context = await browser.newContext({ viewport: { width: shot.width ?? 1200, height: 800 } });
  const page = await context.newPage();
  if (shot.email) {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(shot.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  }
  await page.goto(base + shot.path);
  if (shot.file === "intake-similar.png") {
    // A typo and a compound: the duplicate is offered all the same.
    await page.getByLabel("Title").pressSequentially("Calback in the caller's timezone", { delay: 20 });
    await page.getByRole("region", { name: /Similar ideas/ }).waitFor();
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, shot.file), fullPage: true });
  await context.close();
  console.log(`saved docs/screenshots/${shot.file}`);
}

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
for (const shot of shots) await shoot(browser, shot);
await browser.close();
