import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";
import { bearer, newIdea, newUser } from "../support/api";

test.describe("merge and close tell their story", () => {
  test("a PM merges a duplicate and closes an idea; the voters see where their votes went and the numbers stay", async ({ pageAs, request }) => {
    const stamp = Date.now();
    const both = await newUser(request, "customer", "Acme Health");
    const mover = await newUser(request, "partner", "Contoso Partners");
    const target = await newIdea(request, both.token, `Callback scheduling in the caller's time zone ${stamp}`, "CORTE");
    const source = await newIdea(request, mover.token, `Offer callbacks in the caller's local time ${stamp}`, "CORTE");
    const closing = await newIdea(request, both.token, `Dial campaigns from agents' mobile phones ${stamp}`, "COOUT");
    const vote = async (token: string, key: string) => expect((await request.post(`/api/v1/ideas/${key}/vote`, { headers: bearer(token) })).status()).toBe(200);
    await vote(both.token, target.key);
    await vote(both.token, source.key);
    await vote(mover.token, source.key);
    await vote(both.token, closing.key);
    await vote(mover.token, closing.key);

    const pm = await pageAs("pm@example.com");
    await pm.goto(`/ideas/${source.key}`);
    const move = pm.getByRole("region", { name: "Move this idea" });
    await move.getByLabel("New status").selectOption("merged");
    await move.getByLabel(/Public note/).fill("Same need as the time-zone callback idea.");
    await move.getByLabel(/Merge into/).fill(target.key);
    await move.getByRole("button", { name: "Move" }).click();
    // The merge asks first, with what it does to the two votes.
    await move.getByLabel(`I understand: 1 vote moves to ${target.key} and 1 vote goes back to its voter, who voted for both; its followers follow ${target.key}.`).check();
    await move.getByRole("button", { name: "Move" }).click();
    await expect(pm.getByRole("status")).toHaveText(`${source.key} moved to Merged.`);

    await pm.goto(`/ideas/${closing.key}`);
    await move.getByLabel("New status").selectOption("not_planned");
    await move.getByLabel(/Public note/).fill("It would bypass the platform's recording controls.");
    await move.getByRole("button", { name: "Move" }).click();
    await move.getByLabel("I understand: 2 votes go back to their voters.").check();
    await move.getByRole("button", { name: "Move" }).click();
    await expect(pm.getByRole("status")).toHaveText(`${closing.key} moved to Not Planned.`);

    // The customer who had voted for both: the merged idea says where the votes went, offers the target's vote.
    const customer = await pageAs(both.email);
    await customer.goto(`/ideas/${source.key}`);
    const story = customer.getByRole("region", { name: `Merged into ${target.key}` });
    await expect(story).toContainText(`1 vote moved to ${target.key}; 1 vote came back to a voter who had already voted for ${target.key}.`);
    await expect(story).toContainText(`Its followers now follow ${target.key} too.`);
    await expect(story).not.toContainText("went back");
    await expect(story.getByTestId(`votes-${target.key}`)).toHaveText("2");
    await expect(story.getByRole("button", { name: `Voted, take back your vote for ${target.title}` })).toBeVisible();
    await expect(story.getByText("2 of 20 customer and partner votes")).toBeVisible();
    await customer.setViewportSize({ width: 1280, height: 900 });
    await customer.screenshot({ path: test.info().outputPath("merged-1280.png"), fullPage: true });
    await customer.setViewportSize({ width: 375, height: 800 });
    await customer.screenshot({ path: test.info().outputPath("merged-375.png"), fullPage: true });

    // The target lists what was merged into it, with the votes moved and a link to its comments.
    await customer.goto(`/ideas/${target.key}`);
    const mergedFrom = customer.getByRole("region", { name: "Merged into this idea" });
    await expect(mergedFrom.getByRole("link", { name: source.title })).toHaveAttribute("href", `/ideas/${source.key}`);
    await expect(mergedFrom).toContainText("1 vote moved here");
    await expect(mergedFrom.getByRole("link", { name: `0 comments on ${source.key}` })).toHaveAttribute("href", `/ideas/${source.key}#comments`);
    await expect(customer.getByTestId("demand")).toHaveText("2 of 20 customer and partner votes");
    await customer.screenshot({ path: test.info().outputPath("target-375.png"), fullPage: true });
    await customer.setViewportSize({ width: 1280, height: 900 });
    await customer.screenshot({ path: test.info().outputPath("target-1280.png"), fullPage: true });

    // The closed idea keeps the votes it had, on its page, in the list and through the API.
    await customer.goto(`/ideas/${closing.key}`);
    await expect(customer.getByTestId("demand")).toHaveText("Closed with 2 votes from 2 companies");
    await expect(customer.getByTestId(`votes-${closing.key}`)).toHaveText("2");
    await customer.goto(`/portals/pureengage?status=not_planned&q=${encodeURIComponent("mobile phones")}`);
    await expect(customer.getByTestId(`demand-${closing.key}`)).toHaveText("Closed with 2 votes from 2 companies");
    const answer = await (await request.get(`/api/v1/ideas/${closing.key}`, { headers: bearer(both.token) })).json();
    expect(answer).toMatchObject({ status: "not_planned", votes: 0, votesAtClose: 2 });
    expect((await (await request.get(`/api/v1/ideas/${target.key}`, { headers: bearer(both.token) })).json()).mergedFrom).toEqual([source.key]);

    // Each voter of the merged idea heard where their vote went.
    await customer.goto("/notifications");
    await expect(customer.getByRole("button", { name: `${source.key} “${source.title}” was merged into ${target.key}: your vote came back to you because you had already voted for ${target.key} “${target.title}”.` })).toBeVisible();
    const partner = await pageAs(mover.email);
    await partner.goto("/notifications");
    await partner.getByRole("button", { name: `${source.key} “${source.title}” was merged: your vote moved to ${target.key} “${target.title}”.` }).click();
    await expect(partner).toHaveURL(new RegExp(`/ideas/${target.key}$`));
  });
});
