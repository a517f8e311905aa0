import { expect, test } from "../support/e2e";
import { bearer, tokenFor } from "../support/api";

test("the story page edits a story, shows its history, closes it as won't do, restores it and deletes it after asking", async ({ pageAs, request }) => {
  const sm = await tokenFor(request, "sm@example.com");
  const dev = (await (await request.get("/api/v1/me", { headers: bearer(await tokenFor(request, "dev@example.com")) })).json()) as { id: number; name: string };
  const project = (await (
    await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Northwind Claims IVR ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Northwind Insurance", sowSignedOn: "2027-01-04", staffedOn: "2027-01-04", timeZone: "Asia/Tokyo" } })
  ).json()) as { id: number; key: string };
  expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId: dev.id, role: "team", side: "delivery" } })).status()).toBe(201);
  const story = (await (await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title: "Read the policy number back", points: 3 } })).json()) as { id: number; key: string };
  expect(story.key).toBe(`${project.key}-1`);

  const page = await pageAs("sm@example.com");
  await page.goto(`/stories/${story.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${story.key} Read the policy number back`);
  await page.getByText("Edit story", { exact: true }).click();
  await page.getByLabel("Title").fill("ab");
  await page.getByLabel("Acceptance criteria").fill("The caller hears the number digit by digit\nA wrong number can be typed again");
  await page.getByRole("button", { name: "Save story" }).click();
  await expect(page.getByText("Give the story a title.")).toBeVisible();
  await expect(page.getByLabel("Acceptance criteria")).toHaveValue("The caller hears the number digit by digit\nA wrong number can be typed again");

  await page.getByLabel("Title").fill("Read the policy number back digit by digit");
  await page.getByLabel("Assignee").selectOption({ label: dev.name });
  await page.getByRole("button", { name: "Save story" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${story.key} saved.` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${story.key} Read the policy number back digit by digit`);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText(dev.name);
  await expect(details).toContainText("Yes: estimated, with acceptance criteria");
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem").first()).toContainText("changed the");
  const titleChange = history.getByRole("listitem").filter({ hasText: "changed the title" });
  await expect(titleChange.locator("del")).toHaveText("Read the policy number back");
  await expect(titleChange.locator("ins")).toHaveText("Read the policy number back digit by digit");
  await expect(history).toContainText(`changed the assignee`);
  // Times are the project's, and the zone is named once.
  await expect(page.getByText("Times are in Asia/Tokyo, the project's time zone.")).toHaveCount(1);
  await expect(history).not.toContainText("UTC");
  const api = await (await request.get(`/api/v1/stories/${story.id}`, { headers: bearer(sm) })).json();
  expect(api).toMatchObject({ key: story.key, title: "Read the policy number back digit by digit", assignee: { id: dev.id } });

  await page.getByText("Close as won't do", { exact: true }).first().click();
  await page.getByRole("button", { name: "Close as won't do" }).click();
  await expect(page.getByText("Say why the story will not be done.")).toBeVisible();
  await page.getByLabel("Why it will not be done").fill("The customer's new IVR reads it already.");
  await page.getByRole("button", { name: "Close as won't do" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${story.key} closed as won't do: it left the backlog.` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Closed as won't do" })).toContainText("The customer's new IVR reads it already.");
  await page.goto(`/projects/${project.id}/backlog`);
  await expect(page.getByText("Read the policy number back digit by digit")).toHaveCount(0);

  await page.goto(`/stories/${story.id}`);
  await page.getByRole("button", { name: "Restore to the backlog" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${story.key} is back in the backlog.` })).toBeVisible();
  await expect(history).toContainText("restored it to the backlog");

  await page.getByText("Delete a story made by mistake", { exact: true }).click();
  await page.getByRole("button", { name: `Delete ${story.key}` }).click();
  const sentence = `${story.key} is deleted with its 0 comments and 0 attachments; its number is not given out again.`;
  await expect(page.getByLabel(`I understand: ${sentence}`)).toBeVisible();
  expect((await request.get(`/api/v1/stories/${story.id}`, { headers: bearer(sm) })).status()).toBe(200);
  await page.getByLabel(`I understand: ${sentence}`).check();
  await page.getByRole("button", { name: `Delete ${story.key}` }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/backlog`));
  await expect(page.getByRole("status").filter({ hasText: `${story.key} deleted.` })).toBeVisible();
  expect((await request.get(`/api/v1/stories/${story.id}`, { headers: bearer(sm) })).status()).toBe(404);
});

test("a team member edits the story but neither closes nor deletes it", async ({ pageAs, request }) => {
  const sm = await tokenFor(request, "sm@example.com");
  const dev = (await (await request.get("/api/v1/me", { headers: bearer(await tokenFor(request, "dev@example.com")) })).json()) as { id: number };
  const project = (await (
    await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Contoso Billing IVR ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Contoso", sowSignedOn: "2027-01-04", staffedOn: "2027-01-04" } })
  ).json()) as { id: number };
  expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId: dev.id, role: "team", side: "delivery" } })).status()).toBe(201);
  const story = (await (await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title: "Announce the outage window" } })).json()) as { id: number; key: string };

  const page = await pageAs("dev@example.com");
  await page.goto(`/stories/${story.id}`);
  await expect(page.getByText("Edit story", { exact: true })).toBeVisible();
  await expect(page.getByText("Close as won't do")).toHaveCount(0);
  await expect(page.getByText("Delete a story made by mistake", { exact: true })).toHaveCount(0);
  await page.getByText("Edit story", { exact: true }).click();
  await expect(page.getByLabel("Feature")).toHaveCount(0);
  await page.getByLabel("Points").selectOption("5");
  await page.getByRole("button", { name: "Save story" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${story.key} saved.` })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("changed the points");
});

test("the scrum master assigns a card on the board to a developer, who filters the board to their own stories", async ({ pageAs, request }) => {
  const sm = await tokenFor(request, "sm@example.com");
  const dev = (await (await request.get("/api/v1/me", { headers: bearer(await tokenFor(request, "dev@example.com")) })).json()) as { id: number; name: string };
  const started = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
  const project = (await (
    await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Fabrikam Billing IVR ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Fabrikam", sowSignedOn: started, staffedOn: started } })
  ).json()) as { id: number };
  expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId: dev.id, role: "team", side: "delivery" } })).status()).toBe(201);
  const [sprint] = (await (await request.post(`/api/v1/projects/${project.id}/sprints`, { headers: bearer(sm), data: { count: 1 } })).json()) as { id: number }[];
  const make = async (title: string) => {
    const s = (await (await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title, points: 3, acceptanceCriteria: ["It is announced"] } })).json()) as { id: number; key: string };
    expect((await request.patch(`/api/v1/stories/${s.id}`, { headers: bearer(sm), data: { sprintId: sprint.id } })).status()).toBe(200);
    return s;
  };
  const mine = await make("Announce the balance first");
  const other = await make("Offer the payment line");
  expect((await request.post(`/api/v1/sprints/${sprint.id}/start`, { headers: bearer(sm) })).status()).toBe(200);

  const page = await pageAs("sm@example.com");
  await page.goto(`/projects/${project.id}/board`);
  await expect(page).toHaveURL(new RegExp(`/sprints/${sprint.id}$`));
  await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Board" })).toHaveAttribute("aria-current", "page");
  const card = page.getByTestId(`card-${mine.id}`);
  await expect(card).toContainText(mine.key);
  await card.getByText("Assign", { exact: true }).click();
  await card.getByLabel(`Assignee of ${mine.key}`).selectOption({ label: dev.name });
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${mine.key} is now assigned to ${dev.name}.` })).toBeVisible();
  await expect(page.getByTestId(`card-${mine.id}`)).toContainText(`Assigned to ${dev.name}`);

  const devPage = await pageAs("dev@example.com");
  await devPage.goto(`/sprints/${sprint.id}`);
  await devPage.getByRole("navigation", { name: "Whose stories" }).getByRole("link", { name: "Mine" }).click();
  await expect(devPage).toHaveURL(/\?who=mine$/);
  await expect(devPage.getByTestId(`card-${mine.id}`)).toBeVisible();
  await expect(devPage.getByTestId(`card-${other.id}`)).toHaveCount(0);
  await devPage.getByRole("navigation", { name: "Whose stories" }).getByRole("link", { name: "Unassigned" }).click();
  await expect(devPage.getByTestId(`card-${other.id}`)).toBeVisible();
  await expect(devPage.getByTestId(`card-${mine.id}`)).toHaveCount(0);
  await devPage.goto(`/sprints/${sprint.id}?who=everyone`);
  await expect(devPage.getByTestId("list-notice")).toHaveText("There is no “everyone” filter, so the board shows every story.");
  await expect(devPage.getByTestId(`card-${other.id}`)).toBeVisible();
});
