import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";
import { bearer, newUser } from "../support/api";

test.describe("customer in the Ideas Lab", () => {
  test("finds a similar idea while typing the title and votes for it instead", async ({ pageAs, request }) => {
    const me = await newUser(request);
    const page = await pageAs(me.email);
    await page.goto("/portals/pureengage/new");
    await page.getByLabel("Title").pressSequentially("Callback in the time zone of the caller", { delay: 10 });
    const similar = page.getByRole("region", { name: /Similar ideas/ });
    const match = similar.getByTestId("similar-CORTE-I-1");
    await expect(match).toContainText("Callback scheduling in the customer's time zone");
    await match.getByRole("button", { name: "Vote for Callback scheduling in the customer's time zone" }).click();
    await expect(match.getByRole("button", { name: /take back your vote/i })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("votes-left")).toHaveText("9 votes left");
    // Said in the page's polite live region, which was there before the vote.
    await expect(page.getByRole("status")).toHaveText("Vote recorded for Callback scheduling in the customer's time zone, 9 of 10 votes left.");
    await expect(page.getByRole("status")).toHaveAttribute("aria-live", "polite");
    const state = await (await request.get("/api/v1/ideas/CORTE-I-1", { headers: bearer(me.token) })).json();
    expect(state.votedByMe).toBe(true);
  });

  test("a typo and a compound still find the duplicate while typing, and the API says the same", async ({ pageAs, request }) => {
    const me = await newUser(request);
    const page = await pageAs(me.email);
    await page.goto("/portals/pureengage/new");
    await page.getByLabel("Title").pressSequentially("Calback in the timezone of the caller", { delay: 10 });
    const similar = page.getByRole("region", { name: /Similar ideas/ });
    await expect(similar.getByTestId("similar-CORTE-I-1")).toContainText("Callback scheduling in the customer's time zone");
    const answer = await request.get(`/api/v1/ideas/similar?q=${encodeURIComponent("calback timezone")}&portal=pureengage`, { headers: bearer(me.token) });
    expect(answer.status()).toBe(200);
    expect((await answer.json())[0]).toMatchObject({ key: "CORTE-I-1", portal: "pureengage" });
    const unknown = await request.get("/api/v1/ideas/similar?q=callback&portal=no-such-portal", { headers: bearer(me.token) });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
  });

  test("spends all 10 votes, is refused the 11th with the message, un-votes and votes elsewhere", async ({ pageAs, request }) => {
    const me = await newUser(request);
    for (const key of ["CIADM-I-1", "CIADM-I-2", "CIREP-I-1", "CIREC-I-1", "PCARC-I-1", "PCARC-I-2", "PCWFM-I-1", "PCWFM-I-3", "PCSTA-I-3"]) {
      expect((await request.post(`/api/v1/ideas/${key}/vote`, { headers: bearer(me.token) })).status(), key).toBe(200);
    }
    const page = await pageAs(me.email);
    await page.goto("/portals/pureengage?sort=new");
    await expect(page.getByTestId("votes-left")).toHaveText("1 vote left");
    const queue = page.getByTestId("idea-COANA-I-2");
    const campaign = page.getByTestId("idea-COOUT-I-2");

    await queue.getByRole("button", { name: /^Vote for/ }).click();
    await expect(queue.getByRole("button", { name: /take back your vote/i })).toBeVisible();
    await expect(page.getByTestId("votes-left")).toHaveText("0 votes left");

    await campaign.getByRole("button", { name: /^Vote for/ }).click();
    await expect(campaign.getByRole("alert")).toHaveText(
      "You have spent all your votes. Take a vote back from another idea, or ask an admin for more.",
    );
    await expect(campaign.getByRole("button", { name: /^Vote for/ })).toHaveAttribute("aria-pressed", "false");

    await queue.getByRole("button", { name: /take back your vote/i }).click();
    await expect(page.getByTestId("votes-left")).toHaveText("1 vote left");
    await expect(page.getByRole("status")).toHaveText(/^Vote taken back from .+, 1 of 10 votes left\.$/);
    await campaign.getByRole("button", { name: /^Vote for/ }).click();
    await expect(campaign.getByRole("button", { name: /take back your vote/i })).toBeVisible();
    await expect(page.getByTestId("votes-left")).toHaveText("0 votes left");

    await page.goto("/my-votes");
    await expect(page.getByTestId("balance-available")).toHaveText("0");
    await expect(page.getByRole("link", { name: "Pause a campaign automatically when the abandon rate passes a limit" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Took the vote back from COANA-I-2" })).toBeVisible();
  });

  test("votes without JavaScript through a plain form", async ({ pageAs, request }) => {
    const me = await newUser(request, "partner");
    const page = await pageAs(me.email, { javaScriptEnabled: false });
    await page.goto("/portals/purecloud");
    await page.getByTestId("idea-PCARC-I-1").getByRole("button", { name: /^Vote for/ }).click();
    await expect(page.getByRole("status")).toHaveText("Vote recorded for PCARC-I-1, 9 of 10 votes left.");
    await expect(page.getByTestId("idea-PCARC-I-1").getByRole("button", { name: /take back your vote/i })).toBeVisible();
  });

  test("a refused title keeps the typed text and quotes the guideline", async ({ pageAs, request }) => {
    const me = await newUser(request);
    const page = await pageAs(me.email);
    await page.goto("/portals/purecloud/new");
    await page.getByLabel("Title").fill("The worst part of scheduling agents");
    await page.getByLabel("Description").fill("Planners rebuild the schedule by hand every Friday afternoon.");
    await page.getByLabel("Category").selectOption({ label: "Workforce Management" });
    await page.getByRole("button", { name: "Submit idea" }).click();
    await expect(page.locator("#field-title-error")).toContainText("worst");
    await expect(page.getByLabel("Title")).toHaveValue("The worst part of scheduling agents");
    await expect(page.getByLabel("Description")).toHaveValue("Planners rebuild the schedule by hand every Friday afternoon.");

    await page.getByLabel("Title").fill("Rebuild agent schedules automatically each week");
    await page.getByRole("button", { name: "Submit idea" }).click();
    await expect(page.getByRole("status")).toContainText(/PCWFM-I-\d+ is open for votes and comments/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rebuild agent schedules automatically each week");
  });
});
