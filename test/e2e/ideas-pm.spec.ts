import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";
import { bearer, newIdea, newUser } from "../support/api";

function monthsAhead(n: number) {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

test.describe("product manager", () => {
  test("moves an idea through every status; the voters' balances come back on delivery", async ({ pageAs, request }) => {
    const author = await newUser(request);
    const voter = await newUser(request, "partner");
    const idea = await newIdea(request, author.token, `Wallboard of abandoned calls ${Date.now()}`);
    for (const who of [author, voter]) {
      expect((await request.post(`/api/v1/ideas/${idea.key}/vote`, { headers: bearer(who.token) })).status()).toBe(200);
    }
    expect((await (await request.get("/api/v1/me", { headers: bearer(voter.token) })).json()).votes.available).toBe(9);

    const pm = await pageAs("pm@example.com");
    await pm.goto(`/ideas/${idea.key}`);
    const move = pm.getByRole("region", { name: "Move this idea" });

    await move.getByLabel("New status").selectOption("under_pm_review");
    await move.getByLabel(/Public note/).fill("Reviewing with the reporting team.");
    await move.getByRole("button", { name: "Move" }).click();
    await expect(pm.getByRole("status")).toHaveText(`${idea.key} moved to Under PM Review.`);
    // The form now offers the new moves with nothing chosen and an empty note.
    await expect(move.getByLabel("New status")).toHaveValue("");
    await expect(move.getByLabel(/Public note/)).toHaveValue("");
    await expect(move.getByLabel("New status").locator("option")).toHaveText(["Choose a status…", "Accepted", "Not Planned", "Merged"]);

    // Accepted needs a target date: refused next to the field, the note kept.
    await move.getByLabel("New status").selectOption("accepted");
    await move.getByLabel(/Public note/).fill("Planned for the spring release.");
    await move.getByRole("button", { name: "Move" }).click();
    await expect(move.locator("#move-target-error")).toHaveText("Give a target date (YYYY-MM-DD).");
    await expect(move.getByLabel(/Public note/)).toHaveValue("Planned for the spring release.");
    await move.getByLabel(/Target date/).fill(monthsAhead(4));
    await move.getByRole("button", { name: "Move" }).click();
    await expect(pm.getByRole("status")).toHaveText(`${idea.key} moved to Accepted.`);

    await move.getByLabel("New status").selectOption("in_development");
    await move.getByLabel(/Public note/).fill("Engineering started.");
    await move.getByRole("button", { name: "Move" }).click();
    await expect(pm.getByRole("status")).toHaveText(`${idea.key} moved to In Development.`);

    await move.getByLabel("New status").selectOption("delivered");
    await move.getByLabel(/Public note/).fill("Shipped in 9.1.");
    await move.getByLabel(/Release-note link/).fill("https://docs.example.com/release-notes/9.1");
    await move.getByRole("button", { name: "Move" }).click();
    // Delivered cannot be undone: the page asks first with the votes that go back, keeping what was typed.
    await expect(move.getByRole("alert")).toHaveText(`Moving ${idea.key} to Delivered cannot be undone.`);
    await expect(move.getByLabel(/Public note/)).toHaveValue("Shipped in 9.1.");
    await move.getByLabel("I understand: 2 votes go back to their voters.").check();
    await move.getByRole("button", { name: "Move" }).click();
    await expect(pm.getByRole("status")).toHaveText(`${idea.key} moved to Delivered.`);
    await expect(pm.getByRole("link", { name: "release note" })).toHaveAttribute("href", "https://docs.example.com/release-notes/9.1");
    await expect(pm.getByRole("region", { name: "Move this idea" })).toHaveCount(0);

    expect((await (await request.get("/api/v1/me", { headers: bearer(voter.token) })).json()).votes).toEqual({ budget: 10, used: 0, available: 10 });
    const voterPage = await pageAs(voter.email);
    await voterPage.goto("/my-votes");
    await expect(voterPage.getByTestId("balance-available")).toHaveText("10");
    await voterPage.goto("/notifications");
    await expect(voterPage.getByRole("button", { name: new RegExp(`Your vote on ${idea.key}.*came back to you`) })).toBeVisible();
    const history = (await (await request.get(`/api/v1/ideas/${idea.key}`, { headers: bearer(voter.token) })).json()).statusHistory;
    expect(history.map((h: { to: string }) => h.to)).toEqual(["community_review", "under_pm_review", "accepted", "in_development", "delivered"]);
  });

  test("hides a comment with a reason: PMs see it marked, others no longer see it", async ({ pageAs, request }) => {
    const author = await newUser(request);
    const idea = await newIdea(request, author.token, `Queue colours on the wallboard ${Date.now()}`);
    const posted = await request.post(`/api/v1/ideas/${idea.key}/comments`, {
      headers: bearer(author.token),
      data: { body: "Buy our add-on at example.com for this!", kind: "comment" },
    });
    expect(posted.status()).toBe(201);
    const comment = await posted.json();

    const pm = await pageAs("pm@example.com");
    await pm.goto(`/ideas/${idea.key}`);
    const article = pm.getByTestId(`comment-${comment.id}`);
    await article.getByText("Hide…").click();
    await article.getByLabel("Reason for hiding").fill("Advertising");
    await article.getByRole("button", { name: "Hide comment" }).click();
    await expect(pm.getByRole("status")).toContainText("Comment hidden");
    await expect(pm.getByTestId(`comment-${comment.id}`)).toContainText("Hidden: Advertising");

    const reader = await pageAs("customer@example.com");
    await reader.goto(`/ideas/${idea.key}`);
    await expect(reader.getByRole("heading", { name: "Comments (0)" })).toBeVisible();
    await expect(reader.getByText("Buy our add-on")).toHaveCount(0);
  });

  test("sees the overdue clock first on the PM board", async ({ pageAs }) => {
    const pm = await pageAs("pm@example.com");
    await pm.goto("/pm");
    const first = pm.locator("tbody tr").first();
    await expect(first).toContainText("Callback scheduling in the customer's time zone");
    await expect(first).toContainText(/overdue/);
  });
});
