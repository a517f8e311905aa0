import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/e2e";
import { bearer, newUser } from "../support/api";

/**
 * A project of this journey's own — its own scrum master, co-product owner and developer, so no
 * demo user's page changes — with sprint 1 running: one story done (awaiting the co-product
 * owner's decision) and one in progress, both the developer's.
 */
async function runningSprint(request: APIRequestContext) {
  const [sm, copo, dev] = [await newUser(request, "staff"), await newUser(request, "customer", "Northwind Insurance"), await newUser(request, "staff")];
  const started = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
  const project = await (
    await request.post("/api/v1/projects", { headers: bearer(sm.token), data: { name: `Northwind Claims IVR ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Northwind Insurance", sowSignedOn: started, staffedOn: started } })
  ).json();
  for (const [userId, role, side] of [[copo.id, "co_product_owner", "customer"], [dev.id, "team", "delivery"]] as const) {
    expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm.token), data: { userId, role, side } })).status()).toBe(201);
  }
  const [sprint] = (await (await request.post(`/api/v1/projects/${project.id}/sprints`, { headers: bearer(sm.token), data: { count: 1 } })).json()) as { id: number }[];
  const story = async (title: string) => {
    const made = await (await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm.token), data: { title, points: 3, acceptanceCriteria: ["Caller hears the claim status", "Unknown claim numbers reach an agent"] } })).json();
    expect((await request.patch(`/api/v1/stories/${made.id}`, { headers: bearer(sm.token), data: { sprintId: sprint.id, assigneeId: dev.id } })).status()).toBe(200);
    return made as { id: number; key: string; title: string };
  };
  const done = await story("Claims line reads the claim status back");
  const working = await story("Claims line offers a callback after 5 minutes");
  expect((await request.post(`/api/v1/sprints/${sprint.id}/start`, { headers: bearer(sm.token) })).status()).toBe(200);
  expect((await request.patch(`/api/v1/stories/${done.id}`, { headers: bearer(dev.token), data: { status: "done" } })).status()).toBe(200);
  expect((await request.patch(`/api/v1/stories/${working.id}`, { headers: bearer(dev.token), data: { status: "in_progress" } })).status()).toBe(200);
  return { sm, copo, dev, sprint, done, working };
}

test("the co-product owner lands on My work, sees the story awaiting her decision, accepts it at the demo and the list empties", async ({ pageAs, request }) => {
  const { copo, sprint, done } = await runningSprint(request);
  const page = await pageAs(copo.email);
  await page.goto("/");
  await expect(page).toHaveURL(/\/my-work$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My work");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["My work", "Delivery", "Ideas Lab"]);

  const awaiting = page.getByTestId("my-decisions");
  await expect(awaiting.getByRole("heading")).toHaveText("Awaiting your decision 1");
  await expect(awaiting.getByTestId(`decide-story-${done.id}`)).toContainText(done.key);
  await awaiting.getByRole("link", { name: `Decide at the Sprint 1 demo for “${done.title}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/sprints/${sprint.id}/demo#story-${done.id}$`));
  await page.getByTestId(`demo-${done.id}`).getByRole("button", { name: `Accept ${done.title}`, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Decision recorded for “${done.title}”.` })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My work" }).click();
  await expect(page).toHaveURL(/\/my-work$/);
  await expect(awaiting.getByRole("heading")).toHaveText("Awaiting your decision 0");
  await expect(awaiting.getByTestId(`decide-story-${done.id}`)).toHaveCount(0);
  await expect(awaiting).toContainText("Nothing awaits your decision.");
});

test("the developer sees the stories assigned to them, in progress first, each linking to its story page", async ({ pageAs, request }) => {
  const { dev, done, working } = await runningSprint(request);
  const page = await pageAs(dev.email);
  await page.goto("/");
  await expect(page).toHaveURL(/\/my-work$/);
  const mine = page.getByTestId("my-stories");
  await expect(mine.getByRole("listitem")).toHaveCount(2);
  await expect(mine.getByRole("listitem").first()).toContainText("In progress");
  await expect(mine.getByTestId(`my-story-${done.id}`)).toContainText("Done");
  // A developer decides nothing and runs no sprint: those sections are not theirs.
  await expect(page.getByTestId("my-decisions")).toHaveCount(0);
  await expect(page.getByTestId("my-sprints")).toHaveCount(0);
  await mine.getByRole("link", { name: `${working.key} ${working.title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/stories/${working.id}$`));
});

test("the scrum master sees the running sprint at a glance, with the burndown said in words", async ({ pageAs, request }) => {
  const { sm, sprint } = await runningSprint(request);
  const page = await pageAs(sm.email);
  await page.goto("/my-work");
  const glance = page.getByTestId(`glance-sprint-${sprint.id}`);
  await expect(glance).toContainText(/\d+ working days? left/);
  await expect(glance).toContainText("3 of 6 pts done · 3 pts done, not yet accepted");
  await expect(glance.getByRole("img", { name: /^Burndown of sprint 1: 6 points committed, \d+ remaining today\.$/ })).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
