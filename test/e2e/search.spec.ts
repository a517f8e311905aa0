import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/e2e";
import { bearer, newUser, tokenFor } from "../support/api";

const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function projectWithStory(request: APIRequestContext, sm: string, title: string) {
  const project = (await (
    await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Contoso Retail IVR ${unique()}`, customer: "Contoso Retail", sowSignedOn: "2027-01-04", staffedOn: "2027-01-04" } })
  ).json()) as { id: number; key: string; name: string };
  const story = (await (await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title, points: 3 } })).json()) as { id: number; key: string };
  return { project, story };
}

test("find a story by key from the header, and by words on the results page", async ({ pageAs, request }) => {
  const sm = await tokenFor(request, "sm@example.com");
  // A word of its own, so that the demo's stories never crowd the result.
  const word = `loyalty${Date.now().toString(36)}`;
  const { project, story } = await projectWithStory(request, sm, `Greet ${word} members by name`);

  const page = await pageAs("sm@example.com");
  await page.goto("/");
  const box = page.getByRole("banner").getByLabel("Search");
  await box.fill(story.key.toLowerCase());
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/stories/${story.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${story.key} Greet ${word} members by name`);

  await page.getByRole("banner").getByLabel("Search").fill(`${word} memb`);
  await page.getByRole("banner").getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const stories = page.getByTestId("search-stories");
  await expect(stories.getByRole("listitem")).toHaveCount(1);
  await expect(stories).toContainText(story.key);
  await expect(stories).toContainText(project.name);
  await stories.getByRole("link", { name: `Greet ${word} members by name` }).click();
  await expect(page).toHaveURL(new RegExp(`/stories/${story.id}$`));

  await page.goto(`/search?q=${encodeURIComponent(`"${word}zz OR (`)}`);
  await expect(page.getByTestId("search-empty")).toContainText("Try fewer words");
  await expect(page.getByLabel("Key or words")).toHaveValue(`"${word}zz OR (`);
});

test("a customer's search does not list another project's story", async ({ pageAs, request }) => {
  const sm = await tokenFor(request, "sm@example.com");
  // A customer of this journey's own: adding the demo customer to a project would change where it lands for other journeys.
  const customer = await newUser(request, "customer");
  const customerToken = customer.token;
  const word = `hold${Date.now().toString(36)}`;
  const mine = await projectWithStory(request, sm, `Play ${word} music from the customer's own list`);
  const theirs = await projectWithStory(request, sm, `Play ${word} music chosen per queue`);
  expect((await request.post(`/api/v1/projects/${mine.project.id}/members`, { headers: bearer(sm), data: { userId: customer.id, role: "viewer", side: "customer" } })).status()).toBe(201);

  const page = await pageAs(customer.email);
  await page.goto("/");
  await page.getByRole("banner").getByLabel("Search").fill(`${word} music`);
  await page.getByRole("banner").getByLabel("Search").press("Enter");
  const stories = page.getByTestId("search-stories");
  await expect(stories.getByRole("listitem")).toHaveCount(1);
  await expect(stories).toContainText(mine.story.key);
  await expect(page.getByText(theirs.story.key)).toHaveCount(0);

  // The other project's key is not a way in either: it finds nothing instead of opening the story.
  await page.goto(`/search?q=${theirs.story.key}`);
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByText(`Play ${word} music chosen per queue`)).toHaveCount(0);

  const api = (await (await request.get(`/api/v1/search?q=${word}`, { headers: bearer(customerToken) })).json()) as { stories: { key: string }[] };
  expect(api.stories.map((s) => s.key)).toEqual([mine.story.key]);
});

test("the results page works without JavaScript", async ({ pageAs, request }) => {
  const sm = await tokenFor(request, "sm@example.com");
  const word = `wrapup${Date.now().toString(36)}`;
  const { story } = await projectWithStory(request, sm, `Show ${word} codes after each call`);
  const page = await pageAs("sm@example.com", { javaScriptEnabled: false });
  await page.goto("/");
  await page.getByRole("banner").getByLabel("Search").fill(word);
  await page.getByRole("banner").getByLabel("Search").press("Enter");
  await expect(page.getByTestId("search-stories")).toContainText(story.key);
  await page.getByLabel("Key or words").fill(story.key);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`/stories/${story.id}$`));
});
