import { expect, test } from "../support/e2e";
import { bearer, tokenFor } from "../support/api";
import type { APIRequestContext } from "@playwright/test";

/** A project of its own whose sprint 1 runs (kickoff ended) and holds one story the co-product owner accepted. */
async function projectWithAcceptedStory(request: APIRequestContext, title: string) {
  const sm = await tokenFor(request, "sm@example.com");
  const copoToken = await tokenFor(request, "copo@example.com");
  const me = async (token: string) => {
    const body = await (await request.get("/api/v1/me", { headers: bearer(token) })).json();
    return (body.user ?? body) as { id: number };
  };
  const started = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const project = await (await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Contoso Claims IVR ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Contoso Insurance", sowSignedOn: started, staffedOn: started } })).json();
  for (const [userId, role, side] of [[(await me(copoToken)).id, "co_product_owner", "customer"], [(await me(await tokenFor(request, "po@example.com"))).id, "product_owner", "delivery"]] as const) {
    expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId, role, side } })).status()).toBe(201);
  }
  const [s1, s2] = await (await request.post(`/api/v1/projects/${project.id}/sprints`, { headers: bearer(sm), data: { count: 2 } })).json();
  const add = async (storyTitle: string, points: number) => (await (await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title: storyTitle, points, acceptanceCriteria: ["works on the test tenant"] } })).json()) as { id: number; key: string; title: string };
  const accepted = await add(title, 3);
  expect((await request.patch(`/api/v1/stories/${accepted.id}`, { headers: bearer(sm), data: { sprintId: s1.id } })).status()).toBe(200);
  expect((await request.post(`/api/v1/sprints/${s1.id}/start`, { headers: bearer(sm) })).status()).toBe(200);
  expect((await request.patch(`/api/v1/stories/${accepted.id}`, { headers: bearer(sm), data: { status: "done" } })).status()).toBe(200);
  expect((await request.post(`/api/v1/sprints/${s1.id}/demo`, { headers: bearer(copoToken), data: { storyId: accepted.id, decision: "accept", comment: "Greets by the caller's local time" } })).status()).toBe(200);
  return { sm, project, s1, s2, add, accepted };
}

/**
 * Issue 13, point 5: the backlog as a planning view. A project of its own: sprint 1 running with
 * one accepted story, sprint 2 planned with a capacity of 13, five stories in the backlog.
 */
test("the product owner plans stories into a sprint's section by drag, by keyboard and in bulk, and brings accepted stories back with the filter", async ({ pageAs, request }) => {
  const { sm, project, s1, s2, add, accepted } = await projectWithAcceptedStory(request, "Greeting by time of day");
  expect((await request.patch(`/api/v1/sprints/${s2.id}`, { headers: bearer(sm), data: { capacity: 13 } })).status()).toBe(200);
  const dragged = await add("Claims calls reach the claims queue", 5);
  const keyed = await add("Callback offered after five minutes", 3);
  const bulkOne = await add("After-hours message for claims", 2);
  const bulkTwo = await add("Policy number read back digit by digit", 1);

  const page = await pageAs("po@example.com");
  await page.goto(`/projects/${project.id}/backlog`);
  const active = page.getByTestId(`section-sprint-${s1.id}`);
  const planned = page.getByTestId(`section-sprint-${s2.id}`);
  const backlog = page.getByTestId("section-backlog");
  const plannedPoints = page.getByTestId(`section-sprint-${s2.id}-points`);
  // Sections in order: the active sprint, the planned one, the backlog; the accepted story is out of the list.
  await expect(page.locator(".backlog-section h3")).toHaveText(["Sprint 1Active", "Sprint 2", "Backlog"]);
  await expect(page.getByTestId(`section-sprint-${s1.id}-points`)).toHaveText("3 points · 1 not shown");
  await expect(page.getByText(accepted.title)).toHaveCount(0);
  await expect(plannedPoints).toHaveText("0 of 13 points");
  await expect(backlog.locator(".backlog-row")).toHaveCount(4);

  // By drag: the row onto the planned sprint's section.
  const row = backlog.locator(".backlog-row", { hasText: dragged.title });
  await expect(row).toHaveAttribute("draggable", "true");
  await row.dragTo(planned);
  await expect(planned.locator(".backlog-row", { hasText: dragged.title })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Moved ${dragged.key} “${dragged.title}” to position 1 in Sprint 2.` })).toBeVisible();
  await expect(plannedPoints).toHaveText("5 of 13 points");
  await expect(backlog.locator(".backlog-row")).toHaveCount(3);

  // By keyboard: the row's sprint select, then its button.
  await page.getByLabel(`Sprint for ${keyed.title}`).focus();
  await page.getByLabel(`Sprint for ${keyed.title}`).selectOption({ label: "Sprint 2" });
  await page.getByRole("button", { name: `Plan ${keyed.title}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `${keyed.key} “${keyed.title}” planned into the sprint.` })).toBeVisible();
  await expect(plannedPoints).toHaveText("8 of 13 points");
  await expect(planned.locator(".backlog-row strong")).toHaveText([dragged.title, keyed.title]);
  // Up within the section, by keyboard.
  await page.getByRole("button", { name: `Move ${keyed.title} up` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Moved ${keyed.key} “${keyed.title}” to position 1 in Sprint 2.` })).toBeVisible();
  await expect(planned.locator(".backlog-row strong")).toHaveText([keyed.title, dragged.title]);

  // In bulk: tick two, choose the sprint, plan them.
  await page.getByLabel(`Tick ${bulkOne.key}`, { exact: true }).check();
  await page.getByLabel(`Tick ${bulkTwo.key}`, { exact: true }).check();
  await page.getByLabel("Plan into").selectOption({ label: "Sprint 2" });
  await page.getByRole("button", { name: "Plan the ticked stories" }).click();
  await expect(page.getByRole("status").filter({ hasText: `2 stories planned into Sprint 2: ${bulkOne.key}, ${bulkTwo.key}.` })).toBeVisible();
  await expect(plannedPoints).toHaveText("11 of 13 points");
  await expect(backlog.locator(".backlog-row")).toHaveCount(0);
  await expect(page.getByLabel(`Tick ${bulkOne.key}`, { exact: true })).not.toBeChecked();

  // The filter brings the accepted story back, in its sprint.
  await page.getByLabel("Show accepted and won’t-do").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/closed=yes/);
  await expect(active.locator(".backlog-row", { hasText: accepted.title })).toContainText("accepted");
  await expect(page.getByTestId(`section-sprint-${s1.id}-points`)).toHaveText("3 points");
  // The search narrows the rows, not the sprint's points.
  await page.getByLabel("Search the backlog").fill(keyed.key);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.locator(".backlog-row strong")).toHaveText([keyed.title]);
  await expect(plannedPoints).toHaveText("11 of 13 points · 3 not shown");
});

test("a refused drop snaps back and says why", async ({ pageAs, request }) => {
  const { project, s1, s2, accepted: story } = await projectWithAcceptedStory(request, "Greeting by time of day");

  const page = await pageAs("sm@example.com");
  await page.goto(`/projects/${project.id}/backlog?closed=yes`);
  const active = page.getByTestId(`section-sprint-${s1.id}`);
  await active.locator(".backlog-row", { hasText: story.title }).dragTo(page.getByTestId(`section-sprint-${s2.id}`));
  await expect(page.getByTestId("drop-message")).toHaveText("Not moved: An accepted story stays in the sprint it was accepted in.");
  await expect(active.locator(".backlog-row", { hasText: story.title })).toBeVisible();
  await expect(page.getByTestId(`section-sprint-${s2.id}`).locator(".backlog-row")).toHaveCount(0);
});
