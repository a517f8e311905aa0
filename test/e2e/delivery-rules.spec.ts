import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/e2e";
import { bearer, tokenFor } from "../support/api";

type Sprint = { id: number; number: number; start: string; end: string };

/** A project of this journey's own, with its co-product owner and a developer, and `count` sprints. */
async function ownProject(request: APIRequestContext, kickoffOn: string, count: number) {
  const sm = await tokenFor(request, "sm@example.com");
  const copoToken = await tokenFor(request, "copo@example.com");
  const me = async (token: string) => (await (await request.get("/api/v1/me", { headers: bearer(token) })).json()) as { id: number };
  const [copo, dev] = [await me(copoToken), await me(await tokenFor(request, "dev@example.com"))];
  const project = await (
    await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Northwind Claims IVR ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Northwind Insurance", sowSignedOn: kickoffOn, staffedOn: kickoffOn } })
  ).json();
  for (const [userId, role, side] of [[copo.id, "co_product_owner", "customer"], [dev.id, "team", "delivery"]] as const) {
    expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId, role, side } })).status()).toBe(201);
  }
  const sprints = (await (await request.post(`/api/v1/projects/${project.id}/sprints`, { headers: bearer(sm), data: { count } })).json()) as Sprint[];
  return { project: project as { id: number }, sprints, sm, copoToken };
}

async function doneStory(request: APIRequestContext, sm: string, projectId: number, sprintId: number, title: string) {
  const story = await (await request.post(`/api/v1/projects/${projectId}/stories`, { headers: bearer(sm), data: { title, points: 3, acceptanceCriteria: ["Caller hears the policy menu", "Unknown callers reach the general queue"] } })).json();
  expect((await request.patch(`/api/v1/stories/${story.id}`, { headers: bearer(sm), data: { sprintId } })).status()).toBe(200);
  return story as { id: number; title: string };
}

test("the scrum master gives a planned sprint a later start and records and removes a day off, with messages next to the fields", async ({ pageAs, request }) => {
  // Kickoff 2027-01-04 → 2027-01-24: sprint 1 from 2027-01-25, sprint 2 from 2027-02-15, sprint 3 from 2027-03-08.
  const { project, sprints, sm } = await ownProject(request, "2027-01-04", 3);
  const [, s2, s3] = sprints;
  expect([s2.start, s3.start]).toEqual(["2027-02-15", "2027-03-08"]);
  const page = await pageAs("sm@example.com");
  await page.goto(`/sprints/${s2.id}`);

  await page.getByLabel("Starts on").fill("2027-02-01");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Choose 2027-02-15 or later: an earlier start would overlap what comes before it.")).toBeVisible();
  await expect(page.getByLabel("Starts on")).toHaveValue("2027-02-01");

  await page.getByLabel("Starts on").fill("2027-02-22");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sprint 2 now starts on 2027-02-22; later planned sprints follow." })).toBeVisible();
  await expect(page.getByText("2027-02-22 → 2027-03-14 · planned")).toBeVisible();
  const plan = await (await request.get(`/api/v1/projects/${project.id}/release-plan`, { headers: bearer(sm) })).json();
  expect(plan.sprints.find((s: Sprint) => s.id === s3.id).start).toBe("2027-03-15");

  await page.getByLabel("My day off").fill("2027-02-27");
  await page.getByRole("button", { name: "Add day off" }).click();
  await expect(page.getByText("Choose a working day of sprint 2: 2027-02-27 is not a working day (a weekend or a holiday).")).toBeVisible();
  await expect(page.getByLabel("My day off")).toHaveValue("2027-02-27");
  await page.getByLabel("My day off").fill("2027-03-01");
  await page.getByRole("button", { name: "Add day off" }).click();
  const mine = page.getByTestId("my-days-off");
  await expect(mine).toContainText("1 Mar 2027");
  await mine.getByRole("button", { name: /Remove my day off/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Day off on 2027-03-01 removed." })).toBeVisible();
  await expect(page.getByTestId("my-days-off")).toHaveCount(0);
});

test("a rejected story cannot be accepted until it is done again, and a done story closed to the backlog is decided at the next demo", async ({ pageAs, request }) => {
  const started = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
  const { project, sprints, sm, copoToken } = await ownProject(request, started, 2);
  const [s1, s2] = sprints;
  const rejected = await doneStory(request, sm, project.id, s1.id, "Claims line offers a callback");
  const carried = await doneStory(request, sm, project.id, s1.id, "Claims line reads the policy number back");
  expect((await request.post(`/api/v1/sprints/${s1.id}/start`, { headers: bearer(sm) })).status()).toBe(200);
  for (const story of [rejected, carried]) expect((await request.patch(`/api/v1/stories/${story.id}`, { headers: bearer(sm), data: { status: "done" } })).status()).toBe(200);
  const reject = await request.post(`/api/v1/sprints/${s1.id}/demo`, { headers: bearer(copoToken), data: { storyId: rejected.id, decision: "reject", unmetCriteria: [0], comment: "The callback offer never plays" } });
  expect(reject.status()).toBe(200);

  const copo = await pageAs("copo@example.com");
  await copo.goto(`/sprints/${s1.id}/demo`);
  const card = copo.getByTestId(`demo-${rejected.id}`);
  await expect(card.getByTestId(`back-in-workflow-${rejected.id}`)).toBeVisible();
  await expect(card.getByRole("button", { name: `Accept ${rejected.title}`, exact: true })).toHaveCount(0);
  const again = await request.post(`/api/v1/sprints/${s1.id}/demo`, { headers: bearer(copoToken), data: { storyId: rejected.id, decision: "accept" } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toMatch(/goes back through the workflow/);

  expect((await request.post(`/api/v1/sprints/${s1.id}/close`, { headers: bearer(sm), data: { unfinished: "backlog" } })).status()).toBe(200);
  expect((await request.post(`/api/v1/sprints/${s2.id}/start`, { headers: bearer(sm) })).status()).toBe(200);
  await copo.goto(`/sprints/${s2.id}/demo`);
  const next = copo.getByTestId(`demo-${carried.id}`);
  await expect(next).toContainText("Done in an earlier sprint and carried over");
  await next.getByRole("button", { name: `Accept ${carried.title}`, exact: true }).click();
  await expect(copo.getByTestId(`demo-${carried.id}`).getByText("Accepted", { exact: true })).toBeVisible();
  const story = await (await request.get(`/api/v1/stories/${carried.id}`, { headers: bearer(sm) })).json();
  expect(story).toMatchObject({ status: "accepted", sprintId: s2.id });
});

test("a go-live without a feature in scope is refused next to the field, and the typed name stays", async ({ pageAs, request }) => {
  const { project, sm } = await ownProject(request, "2027-01-04", 2);
  expect((await request.post(`/api/v1/projects/${project.id}/features`, { headers: bearer(sm), data: { name: "Policy lookup" } })).status()).toBe(201);
  const page = await pageAs("sm@example.com");
  await page.goto(`/projects/${project.id}/release`);
  await page.locator("#gl-name").fill("Go-live 1: claims line");
  await page.getByRole("button", { name: "Plan go-live" }).click();
  await expect(page.locator("#gl-features-error")).toHaveText("Choose at least one feature for its scope.");
  await expect(page.locator("#gl-name")).toHaveValue("Go-live 1: claims line");
  await page.getByLabel("Policy lookup").check();
  await page.getByRole("button", { name: "Plan go-live" }).click();
  await expect(page.getByRole("heading", { name: "Go-live 1: claims line" })).toBeVisible();
});
