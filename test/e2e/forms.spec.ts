import type { Locator, Page } from "@playwright/test";
import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";
import { bearer, newIdea, newUser, tokenFor } from "../support/api";

/**
 * Forms that cannot duplicate and changes that ask before they cannot be undone (issue 11
 * points 22 and 23): with JavaScript a page stays mounted after its redirect, so these prove
 * the form comes back empty and a double click posts once; without JavaScript the redirect
 * brings a clean page and a refusal keeps the typed text.
 */

/**
 * The server answers at once, but the browser gets each posted answer a moment later: a second
 * click then falls inside the request, as it does for a person on a slow line.
 */
async function slowAnswers(page: Page) {
  await page.route("**/*", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch({ maxRedirects: 0 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.fulfill({ response });
  });
}

/** Two clicks in a row, the second one even on a disabled button (which then does nothing). */
async function clickTwice(button: Locator) {
  await button.click();
  await button.click({ force: true });
}

async function toAcme(page: Page, sprint?: number) {
  await page.goto("/projects");
  await page.getByRole("link", { name: "Acme Health — cloud contact center migration" }).click();
  if (sprint) await page.getByRole("link", { name: new RegExp(`^Sprint ${sprint}$`) }).click();
}

test.describe("with JavaScript", () => {
  test("a comment posts once on two quick clicks and the form comes back empty", async ({ pageAs, request }) => {
    const author = await newUser(request);
    const idea = await newIdea(request, author.token, `Queue colours on the wallboard ${Date.now()}`);
    const page = await pageAs(author.email);
    await slowAnswers(page);
    await page.goto(`/ideas/${idea.key}`);
    const text = `The same happens on the supervisor wallboard ${Date.now()}`;
    await page.getByLabel("Add a comment").fill(text);
    await page.getByLabel("Kind").selectOption("workaround");
    await clickTwice(page.getByRole("button", { name: "Post", exact: true }));
    await expect(page.getByRole("status")).toHaveText("Comment posted.");
    await expect(page.getByLabel("Add a comment")).toHaveValue("");
    await expect(page.getByLabel("Kind")).toHaveValue("comment");
    await expect(page.getByRole("button", { name: "Post", exact: true })).toBeEnabled();
    await page.reload();
    await expect(page.locator("article", { hasText: text })).toHaveCount(1);
  });

  test("a blocker and a retrospective action post once; only the form that was sent resets", async ({ pageAs }) => {
    const dev = await pageAs("dev@example.com");
    await slowAnswers(dev);
    await toAcme(dev);
    await dev.getByRole("link", { name: "Blockers", exact: true }).click();
    const title = `Acme firewall change for the SIP trunk ${Date.now()}`;
    await dev.getByLabel("What blocks the work").fill(title);
    await dev.getByLabel("Side that must act").selectOption("delivery");
    await clickTwice(dev.getByRole("button", { name: "Raise blocker" }));
    await expect(dev.getByRole("status")).toHaveText("Blocker raised.");
    await expect(dev.getByLabel("What blocks the work")).toHaveValue("");
    await expect(dev.getByLabel("Side that must act")).toHaveValue("customer");
    await dev.reload();
    await expect(dev.locator("li", { hasText: title })).toHaveCount(1);

    await toAcme(dev, 3);
    await dev.getByRole("link", { name: "Retrospective" }).click();
    const wentWell = "Demo went smoothly with the Acme supervisors";
    await dev.getByLabel("Add to “Went well”").fill(wentWell);
    const action = `Agree the cutover checklist with Acme IT ${Date.now()}`;
    await dev.getByLabel("Add to “Actions”").fill(action);
    await dev.getByLabel("Owner").selectOption({ label: "Sam Okafor" });
    await clickTwice(dev.getByRole("button", { name: "Add" }).nth(2));
    await expect(dev.getByRole("status")).toHaveText("Added to the retrospective.");
    await expect(dev.getByLabel("Add to “Actions”")).toHaveValue("");
    await expect(dev.getByLabel("Owner")).toHaveValue("");
    // The other column's form was not sent: what was typed there stays.
    await expect(dev.getByLabel("Add to “Went well”")).toHaveValue(wentWell);
    await dev.reload();
    await expect(dev.locator("article", { hasText: action })).toHaveCount(1);
  });

  test("a go-live is planned once on two quick clicks and the form comes back empty", async ({ pageAs }) => {
    const sm = await pageAs("sm@example.com");
    await slowAnswers(sm);
    await toAcme(sm);
    await expect(sm).toHaveURL(/\/projects\/\d+$/);
    await sm.goto(`${sm.url()}/release`);
    const name = `Go-live 3: web callback ${Date.now()}`;
    const plan = sm.getByRole("region", { name: "Plan a go-live" });
    await plan.getByLabel("Name").fill(name);
    await plan.getByRole("group", { name: "Features in scope" }).getByRole("checkbox").first().check();
    await clickTwice(plan.getByRole("button", { name: "Plan go-live" }));
    await expect(sm.getByRole("status")).toContainText(`${name} planned for`);
    await expect(plan.getByLabel("Name")).toHaveValue("");
    await sm.reload();
    await expect(sm.getByRole("heading", { name })).toHaveCount(1);
  });

  test("Not Planned asks first with the votes that go back; nothing moves until confirmed", async ({ pageAs, request }) => {
    const author = await newUser(request);
    const voters = [author, await newUser(request, "partner"), await newUser(request)];
    const idea = await newIdea(request, author.token, `Export queue statistics on a schedule ${Date.now()}`);
    for (const who of voters) expect((await request.post(`/api/v1/ideas/${idea.key}/vote`, { headers: bearer(who.token) })).status()).toBe(200);
    const status = async () => (await (await request.get(`/api/v1/ideas/${idea.key}`, { headers: bearer(author.token) })).json()).status;

    const pm = await pageAs("pm@example.com");
    await pm.goto(`/ideas/${idea.key}`);
    const move = pm.getByRole("region", { name: "Move this idea" });
    await expect(move.getByLabel("New status")).toHaveValue("");
    await move.getByLabel("New status").selectOption("not_planned");
    await move.getByLabel(/Public note/).fill("Covered by the scheduled reports roadmap.");
    await move.getByRole("button", { name: "Move" }).click();
    await expect(move.getByRole("alert")).toHaveText(`Moving ${idea.key} to Not Planned cannot be undone.`);
    await expect(move.getByLabel("I understand: 3 votes go back to their voters.")).toBeFocused();
    await expect(move.getByLabel(/Public note/)).toHaveValue("Covered by the scheduled reports roadmap.");
    expect(await status()).toBe("community_review");

    await move.getByLabel("I understand: 3 votes go back to their voters.").check();
    await move.getByRole("button", { name: "Move" }).click();
    await expect(pm.getByRole("status")).toHaveText(`${idea.key} moved to Not Planned.`);
    expect(await status()).toBe("not_planned");
    expect((await (await request.get("/api/v1/me", { headers: bearer(voters[1].token) })).json()).votes.used).toBe(0);
  });

  test("closing a sprint says where its unfinished stories go, and asks again when the choice changes", async ({ pageAs, request }) => {
    const sm = await pageAs("sm@example.com");
    await toAcme(sm);
    await expect(sm).toHaveURL(/\/projects\/\d+$/);
    const projectId = sm.url().split("/").at(-1);
    await sm.getByRole("link", { name: /^Sprint 4$/ }).click();
    await expect(sm.getByRole("heading", { level: 1 })).toHaveText("Sprint 4");
    const sprintId = Number(sm.url().split("/").at(-1));
    const token = await tokenFor(request, "sm@example.com");
    const inSprint = async () => (await (await request.get(`/api/v1/projects/${projectId}/backlog`, { headers: bearer(token) })).json()).filter((s: { sprintId: number | null }) => s.sprintId === sprintId).length;
    const cards = (column: string) => sm.locator(`section[aria-labelledby="col-${column}"] .story-card`).count();
    const unfinished = (await cards("todo")) + (await cards("in_progress")) + (await cards("done"));
    const accepted = await cards("accepted");
    expect(unfinished).toBeGreaterThan(1);
    const close = sm.getByRole("region", { name: "Close the sprint" });
    await close.getByRole("button", { name: "Close sprint 4" }).click();
    await expect(close.getByRole("alert")).toHaveText("Closing Sprint 4 cannot be undone.");
    await close.getByLabel(`I understand: ${unfinished} unfinished stories go to the top of the backlog; the sprint report is frozen.`).check();

    // Another choice is another consequence: the page asks again, the box unticked.
    await close.getByLabel("Unfinished stories go", { exact: true }).selectOption("next");
    await close.getByRole("button", { name: "Close sprint 4" }).click();
    const next = close.getByLabel(`I understand: ${unfinished} unfinished stories go into Sprint 5; the sprint report is frozen.`);
    await expect(next).not.toBeChecked();
    await expect(close.getByText("What will happen has changed since you confirmed")).toBeVisible();
    expect(await inSprint()).toBe(unfinished + accepted);

    await next.check();
    await close.getByRole("button", { name: "Close sprint 4" }).click();
    await expect(sm.getByRole("status")).toContainText("Sprint 4 closed");
    await expect(sm.getByRole("region", { name: "Close the sprint" })).toHaveCount(0);
  });
});

test.describe("without JavaScript", () => {
  test("a refused blocker keeps the typed text; a raised one leaves a clean form", async ({ pageAs }) => {
    const dev = await pageAs("dev@example.com", { javaScriptEnabled: false });
    await toAcme(dev);
    await dev.getByRole("link", { name: "Blockers", exact: true }).click();
    await dev.getByLabel("What blocks the work").fill("ab");
    await dev.getByLabel("Side that must act").selectOption("delivery");
    await dev.getByRole("button", { name: "Raise blocker" }).click();
    await expect(dev.getByText("Say what blocks the work.")).toBeVisible();
    await expect(dev.getByLabel("What blocks the work")).toHaveValue("ab");
    await expect(dev.getByLabel("Side that must act")).toHaveValue("delivery");

    const title = `Acme to whitelist the recording storage ${Date.now()}`;
    await dev.getByLabel("What blocks the work").fill(title);
    await dev.getByRole("button", { name: "Raise blocker" }).click();
    await expect(dev.getByRole("status")).toHaveText("Blocker raised.");
    await expect(dev.getByLabel("What blocks the work")).toHaveValue("");
    await expect(dev.locator("li", { hasText: title })).toHaveCount(1);
  });

  test("a merge asks first with the votes that move and come back; the server refuses it unticked", async ({ pageAs, request }) => {
    const author = await newUser(request);
    const both = await newUser(request, "partner");
    const source = await newIdea(request, author.token, `Callback in the caller's time zone ${Date.now()}`);
    const target = await newIdea(request, author.token, `Callback scheduling by time zone ${Date.now()}`);
    for (const who of [author, both]) expect((await request.post(`/api/v1/ideas/${source.key}/vote`, { headers: bearer(who.token) })).status()).toBe(200);
    expect((await request.post(`/api/v1/ideas/${target.key}/vote`, { headers: bearer(both.token) })).status()).toBe(200);
    const status = async () => (await (await request.get(`/api/v1/ideas/${source.key}`, { headers: bearer(author.token) })).json()).status;

    const pm = await pageAs("pm@example.com", { javaScriptEnabled: false });
    await pm.goto(`/ideas/${source.key}`);
    const move = pm.getByRole("region", { name: "Move this idea" });
    await move.getByLabel("New status").selectOption("merged");
    await move.getByLabel(/Public note/).fill("The same need as the scheduling idea.");
    await move.getByLabel(/Merge into/).fill(target.key);
    await move.getByRole("button", { name: "Move" }).click();
    await expect(move.getByRole("alert")).toHaveText(`Moving ${source.key} to Merged cannot be undone.`);
    const sentence = `I understand: 1 vote moves to ${target.key} and 1 vote goes back to its voter, who voted for both; its followers follow ${target.key}.`;
    await expect(move.getByLabel(sentence)).toBeVisible();
    await expect(move.getByLabel(/Merge into/)).toHaveValue(target.key);
    await expect(move.getByLabel("New status")).toHaveValue("merged");

    // Sent without the box ticked: the server refuses it, next to the box.
    await move.getByRole("button", { name: "Move" }).click();
    await expect(move.locator("#move-confirm-error")).toHaveText("Tick the box to confirm, then send again.");
    expect(await status()).toBe("community_review");

    await move.getByLabel(sentence).check();
    await move.getByRole("button", { name: "Move" }).click();
    await expect(pm.getByRole("status")).toHaveText(`${source.key} moved to Merged.`);
    expect(await status()).toBe("merged");
  });
});
