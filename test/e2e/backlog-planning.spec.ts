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

/** A project of the journey's own, its product owner a member, with one planned sprint and nothing started: `add` puts a story at the bottom. */
async function ownBacklog(request: APIRequestContext) {
  const sm = await tokenFor(request, "sm@example.com");
  const project = await (await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Fabrikam Policy IVR ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Fabrikam Insurance", sowSignedOn: "2027-01-04", staffedOn: "2027-01-04" } })).json();
  const po = (await (await request.get("/api/v1/me", { headers: bearer(await tokenFor(request, "po@example.com")) })).json()) as { id: number };
  expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId: po.id, role: "product_owner", side: "delivery" } })).status()).toBe(201);
  const [s1] = await (await request.post(`/api/v1/projects/${project.id}/sprints`, { headers: bearer(sm), data: { count: 1 } })).json();
  const add = async (storyTitle: string, data: Record<string, unknown> = {}) => {
    const response = await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title: storyTitle, ...data } });
    expect(response.status(), storyTitle).toBe(201);
    return (await response.json()) as { id: number; key: string; title: string };
  };
  const backlogTitles = async (sprintId: number | null) =>
    ((await (await request.get(`/api/v1/projects/${project.id}/backlog`, { headers: bearer(sm) })).json()) as { title: string; sprintId: number | null }[]).filter((s) => s.sprintId === sprintId).map((s) => s.title);
  return { sm, project: project as { id: number; name: string }, s1: s1 as { id: number }, add, backlogTitles };
}

test("the product owner reorders a sprint's stories by dragging one onto another, and the order is kept after a reload", async ({ pageAs, request }) => {
  const { sm, project, s1, add, backlogTitles } = await ownBacklog(request);
  const planned = [] as { id: number; key: string; title: string }[];
  for (const title of ["Caller picks a language", "Policy number by keypad", "Date of birth check", "Transfer to an agent"]) {
    const story = await add(title, { points: 2 });
    expect((await request.patch(`/api/v1/stories/${story.id}`, { headers: bearer(sm), data: { sprintId: s1.id } })).status()).toBe(200);
    planned.push(story);
  }
  const [language, keypad, birth, transfer] = planned;
  const unplanned = await add("Hold music by line");

  const page = await pageAs("po@example.com");
  await page.goto(`/projects/${project.id}/backlog`);
  const sprint = page.getByTestId(`section-sprint-${s1.id}`);
  const rows = sprint.locator(".backlog-row strong");
  await expect(rows).toHaveText([language.title, keypad.title, birth.title, transfer.title]);

  // Up: the last row dropped on the second takes its place; the second moves down.
  const row = (title: string) => sprint.locator(".backlog-row", { hasText: title });
  await expect(row(transfer.title)).toHaveAttribute("draggable", "true");
  await row(transfer.title).dragTo(row(keypad.title));
  await expect(page.getByRole("status").filter({ hasText: `Moved ${transfer.key} “${transfer.title}” to position 2 in Sprint 1.` })).toBeVisible();
  await expect(rows).toHaveText([language.title, transfer.title, keypad.title, birth.title]);

  // Down: the first row dropped on the third lands after it.
  await row(language.title).dragTo(row(keypad.title));
  await expect(page.getByRole("status").filter({ hasText: `Moved ${language.key} “${language.title}” to position 3 in Sprint 1.` })).toBeVisible();
  await expect(rows).toHaveText([transfer.title, keypad.title, language.title, birth.title]);

  // Kept: a fresh page and the API both give the new order; the backlog's story stayed where it was.
  await page.reload();
  await expect(rows).toHaveText([transfer.title, keypad.title, language.title, birth.title]);
  await expect(page.getByTestId("section-backlog").locator(".backlog-row strong")).toHaveText([unplanned.title]);
  expect(await backlogTitles(s1.id)).toEqual([transfer.title, keypad.title, language.title, birth.title]);
  expect(await backlogTitles(null)).toEqual([unplanned.title]);
});

test("quick add on the backlog sets the type and the feature, then comes back empty so a second click adds nothing", async ({ pageAs, request }) => {
  const { sm, project, backlogTitles } = await ownBacklog(request);
  const feature = async (name: string) => (await (await request.post(`/api/v1/projects/${project.id}/features`, { headers: bearer(sm), data: { name } })).json()) as { id: number; name: string };
  await feature("Policy lookup");
  const callback = await feature("Claims callback");
  const title = "Find out whether the carrier passes the caller ID";

  const page = await pageAs("sm@example.com");
  await page.goto(`/projects/${project.id}/backlog`);
  const quick = page.getByRole("region", { name: "Add a story" });
  await quick.getByLabel("Add a story at the bottom").fill(title);
  await quick.getByLabel("Type").selectOption("spike");
  await quick.getByLabel("Feature").selectOption({ label: callback.name });
  await quick.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `“${title}” added at the bottom of the backlog.` })).toBeVisible();

  // The row, at the bottom of the backlog, with its type and its feature.
  const row = page.getByTestId("section-backlog").locator(".backlog-row", { hasText: title });
  await expect(row.locator(".story-card__meta")).toContainText("spike");
  await expect(row.getByRole("link", { name: callback.name })).toBeVisible();

  // The form is clean: nothing typed, the defaults back; a second click sends an empty title, refused.
  await expect(quick.getByLabel("Add a story at the bottom")).toHaveValue("");
  await expect(quick.getByLabel("Type")).toHaveValue("story");
  await expect(quick.getByLabel("Feature")).toHaveValue("");
  await quick.getByRole("button", { name: "Add", exact: true }).click();
  await expect(quick.getByText("Give the story a title.")).toBeVisible();
  await expect(page.getByTestId("section-backlog").locator(".backlog-row", { hasText: title })).toHaveCount(1);
  expect(await backlogTitles(null)).toEqual([title]);

  // The story page and the API say the same.
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.locator(".page-header .status").first()).toHaveText("spike");
  await expect(page.locator(".facts").getByRole("link", { name: callback.name })).toBeVisible();
  const id = Number(new URL(page.url()).pathname.split("/").at(-1));
  const story = await (await request.get(`/api/v1/stories/${id}`, { headers: bearer(sm) })).json();
  expect(story).toMatchObject({ title, type: "spike", featureId: callback.id });
});

test("without JavaScript a backlog section of 45 stories shows 40, and “Show the next 5” shows the rest in order", async ({ pageAs, request }) => {
  const { project, add } = await ownBacklog(request);
  const titles = Array.from({ length: 45 }, (_, i) => `Caller story number ${String(i + 1).padStart(2, "0")}`);
  for (const title of titles) await add(title);

  const page = await pageAs("po@example.com", { javaScriptEnabled: false });
  await page.goto(`/projects/${project.id}/backlog`);
  const backlog = page.getByTestId("section-backlog");
  const rows = backlog.locator(".backlog-row strong");
  await expect(rows).toHaveText(titles.slice(0, 40));
  await expect(backlog.locator(".backlog-row")).toHaveCount(40);
  // No script ran: the rows are not draggable, the link is a plain page load.
  await expect(backlog.locator(".backlog-row").first()).not.toHaveAttribute("draggable", "true");
  const more = page.getByTestId("section-backlog-more");
  await expect(more).toHaveText("Showing 40 of 45. Show the next 5");

  await more.getByRole("link", { name: "Show the next 5" }).click();
  await expect(page).toHaveURL(/[?&]show\.backlog=80/);
  await expect(rows).toHaveText(titles);
  await expect(page.getByTestId("section-backlog-more")).toHaveCount(0);
});
