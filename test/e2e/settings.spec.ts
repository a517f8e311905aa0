import { expect, test } from "../support/e2e";
import { newUser } from "../support/api";

test("a user creates a token on the settings page, uses it on the API, and revokes it", async ({ pageAs, request }) => {
  const user = await newUser(request, "pm");
  const page = await pageAs(user.email);
  await page.goto("/settings");
  // newUser signed in through the API once; revoke that token first so the page starts empty.
  await page.getByRole("button", { name: "Revoke token e2e" }).click();
  await expect(page.getByText("You have no active tokens")).toBeVisible();

  await page.getByLabel("Token name").fill("SLA report script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^spl_/);

  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: user.email, role: "pm" });

  await page.reload();
  await expect(page.getByRole("cell", { name: "SLA report script", exact: true })).toBeVisible();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke token SLA report script" }).click();
  await expect(page.getByRole("status")).toContainText("Token revoked");

  const after = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ error: { code: "unauthorized" } });
});

test("a token needs a name, said next to the field", async ({ pageAs }) => {
  const page = await pageAs("dev@example.com");
  await page.goto("/settings");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.locator("#field-name-error")).toHaveText("Name the token, e.g. the script that will use it.");
});

// The sweep runs in parts of a dozen pages, each within the default budget on a loaded machine.
const NARROW_PAGES = ["/", "/settings", "/admin/users", "/admin/holidays", "/admin/portals", "/ideas", "/projects", "/portals/pureengage", "/portals/pureengage/new", "/ideas/COANA-I-1", "/my-votes", "/pm", "/notifications", "/portals/purecloud/insights", "/projects/1", "/projects/1/backlog", "/projects/1/release", "/sprints/4", "/projects/new", "/projects/1/timeline", "/projects/1/transition", "/projects/1/import", "/admin/checklist", "/admin/calendars", "/sprints/4/demo", "/sprints/1/acceptance", "/projects/1/blockers", "/sprints/3/retro", "/projects/1/ceremonies", "/ceremonies/1", "/sprints/4/standup", "/projects/1/grooming", "/go-lives/1/acceptance", "/features/4", "/portals/pureengage/roadmap", "/portals/pureengage/changelog", "/admin/audit", "/stories/3", "/projects/1/docs", "/docs/1", "/docs/1/diff?from=1&to=2", "/go-lives/1/bundle"];
const PART = 12;
for (let from = 0; from < NARROW_PAGES.length; from += PART) {
  const paths = NARROW_PAGES.slice(from, from + PART);
  test(`pages fit a 375 px wide screen: ${paths[0]} to ${paths.at(-1)}`, async ({ pageAs }) => {
    const page = await pageAs("admin@example.com");
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of paths) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
}
