import { expect, test } from "../support/e2e";
import { bearer, newIdea, newUser } from "../support/api";

test.describe("the Ideas Lab day to day", () => {
  test("a customer on a 375 px phone votes from the top of an idea page", async ({ pageAs, request }) => {
    const author = await newUser(request);
    const idea = await newIdea(request, author.token, "Show the queue's longest wait on the wallboard");
    const me = await newUser(request, "partner");
    const page = await pageAs(me.email);
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(`/ideas/${idea.key}`);
    const vote = page.getByRole("button", { name: `Vote for ${idea.title}` });
    const box = await vote.boundingBox();
    expect(box, "the vote button is laid out").not.toBeNull();
    expect(box!.y + box!.height, "the vote button is on the first screen").toBeLessThanOrEqual(667);
    await vote.click();
    await expect(page.getByRole("button", { name: `Voted, take back your vote for ${idea.title}` })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId(`votes-${idea.key}`)).toHaveText("1");
    const state = await (await request.get(`/api/v1/ideas/${idea.key}`, { headers: bearer(me.token) })).json();
    expect(state.votedByMe).toBe(true);
  });

  test("an idea list with an unknown status, sort or page shows ideas and says what it fell back to", async ({ pageAs, request }) => {
    const me = await newUser(request);
    const page = await pageAs(me.email);
    await page.goto("/portals/pureengage?status=shipped&sort=hottest");
    await expect(page.getByText("There is no status “shipped”, so every status is shown.")).toBeVisible();
    await expect(page.getByText("Ideas cannot be sorted by “hottest”; they are sorted by top votes.")).toBeVisible();
    await expect(page.locator(".idea-row").first()).toBeVisible();

    await page.goto("/portals/pureengage?page=999");
    await expect(page.getByRole("heading", { name: "Page 999 is past the end" })).toBeVisible();
    await page.getByRole("link", { name: "Go to page 1" }).click();
    await expect(page).toHaveURL(/page=1/);
    await expect(page.locator(".idea-row").first()).toBeVisible();
  });

  test("the edit history says what changed, old → new", async ({ pageAs, request }) => {
    const me = await newUser(request);
    const idea = await newIdea(request, me.token, "Export the wallboard layout as a file");
    const page = await pageAs(me.email);
    await page.goto(`/ideas/${idea.key}/edit`);
    await page.getByLabel("Title").fill("Export and import the wallboard layout as a file");
    await page.getByRole("button", { name: /Save/ }).click();
    await expect(page).toHaveURL(new RegExp(`/ideas/${idea.key}$`));
    const history = page.getByRole("region", { name: "Edit history" });
    await expect(history).toContainText("Title: Export the wallboard layout as a file → Export and import the wallboard layout as a file");
  });

  test("a PM's move form shows only what the chosen status needs", async ({ pageAs, request }) => {
    const author = await newUser(request);
    const idea = await newIdea(request, author.token, "Colour the wallboard tiles by service level");
    const page = await pageAs("pm@example.com");
    await page.goto(`/ideas/${idea.key}`);
    const move = page.getByRole("region", { name: "Move this idea" });
    await expect(move.getByLabel(/Merge into/)).toHaveCount(0);
    await move.getByLabel("New status").selectOption("merged");
    await expect(move.getByLabel("Merge into idea (its key)")).toBeVisible();
    await move.getByLabel("New status").selectOption("not_planned");
    await expect(move.getByLabel(/Merge into/)).toHaveCount(0);
    await expect(move.getByLabel("Public note: the reason it is not planned")).toBeVisible();

    const noJs = await pageAs("pm@example.com", { javaScriptEnabled: false });
    await noJs.goto(`/ideas/${idea.key}`);
    const plain = noJs.getByRole("region", { name: "Move this idea" });
    await expect(plain.getByLabel("Merge into idea (its key, for Merged)")).toBeVisible();
    await expect(plain.getByLabel("Public note (for Not Planned, the reason)")).toBeVisible();
  });

  test("the funnel gives each stage's conversion", async ({ pageAs }) => {
    const page = await pageAs("pm@example.com", { javaScriptEnabled: false });
    await page.goto("/portals/pureengage/insights");
    const funnel = page.getByRole("table", { name: /Ideas that reached each stage/ });
    await expect(funnel.getByRole("columnheader", { name: "Of previous stage" })).toBeVisible();
    await expect(funnel.getByRole("row").nth(2)).toContainText("%");
  });
});
