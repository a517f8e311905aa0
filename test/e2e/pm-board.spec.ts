import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";

test.describe("the PM board", () => {
  test("a PM sorts the board by votes, filters by category and answers an overdue clock from its row", async ({ pageAs }) => {
    const pm = await pageAs("pm@example.com");
    await pm.goto("/");
    // A PM lands on the board, which is in the navigation.
    await expect(pm).toHaveURL(/\/pm$/);
    await expect(pm.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "PM board" })).toBeVisible();
    await expect(pm.getByTestId("overdue-count")).toHaveText("1 overdue update");

    await pm.getByRole("link", { name: "Votes", exact: true }).click();
    await expect(pm).toHaveURL(/sort=votes&dir=desc/);
    await expect(pm.getByRole("columnheader", { name: /^Votes/ })).toHaveAttribute("aria-sort", "descending");
    const votes = (await pm.locator("tbody tr td[data-label='Votes']").allTextContents()).map(Number);
    expect(votes.length).toBeGreaterThan(2);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));

    await pm.getByLabel("Category").selectOption({ label: "PureEngage · Routing & Designer (CORTE)" });
    await pm.getByRole("button", { name: "Filter" }).click();
    await expect(pm).toHaveURL(/category=CORTE/);
    await expect(pm).toHaveURL(/sort=votes/);
    const keys = await pm.locator("tbody tr td[data-label='Key']").allTextContents();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith("CORTE-"))).toBe(true);

    const row = pm.getByTestId("board-CORTE-I-1");
    await expect(row).toContainText("Callback scheduling in the customer's time zone");
    await expect(row.getByText(/days overdue/)).toBeVisible();
    await row.getByText("Update or move").click();
    await row.getByLabel("Official update on CORTE-I-1").fill("Engineering is sizing time-zone detection from the caller's number; a decision follows next sprint.");
    await row.getByRole("button", { name: "Post update" }).click();
    await expect(pm.getByRole("status").filter({ hasText: "Official update posted on CORTE-I-1." })).toBeVisible();
    // Still on the board, with its filters; the clock is answered and leaves the overdue count.
    await expect(pm).toHaveURL(/\/pm\?.*category=CORTE/);
    await expect(pm.getByTestId("overdue-count")).toHaveText("0 overdue updates");
    await expect(pm.getByTestId("board-CORTE-I-1")).toContainText("Update posted");
  });

  test("a PM moves an idea from its row, confirming a move that cannot be undone", async ({ pageAs }) => {
    const pm = await pageAs("pm2@example.com");
    await pm.goto("/pm");
    const row = pm.getByTestId("board-CIADM-I-2");
    await expect(row).toContainText("1 vote short of 10");
    await row.getByText("Update or move").click();
    await row.getByLabel("Move CIADM-I-2 to").selectOption({ label: "Not Planned" });
    await row.getByLabel(/Public note/).fill("Bulk changes stay in the admin tool's import, which already takes a spreadsheet.");
    await row.getByRole("button", { name: "Move" }).click();
    const again = pm.getByTestId("board-CIADM-I-2");
    await expect(again.getByRole("alert")).toBeVisible();
    await again.getByLabel(/I understand/).check();
    await again.getByRole("button", { name: "Move" }).click();
    await expect(pm.getByRole("status").filter({ hasText: "CIADM-I-2 moved to Not Planned." })).toBeVisible();
    await expect(pm.getByTestId("board-CIADM-I-2")).toHaveCount(0);
  });

  test("customers land on the Ideas Lab with the ideas they follow and the recently updated on top", async ({ pageAs }) => {
    const customer = await pageAs("customer@example.com");
    await customer.goto("/");
    await expect(customer).toHaveURL(/\/ideas$/);
    await expect(customer.getByRole("heading", { name: /^Ideas you follow \(\d+\)$/ })).toBeVisible();
    await expect(customer.getByRole("region", { name: /Ideas you follow/ }).getByRole("listitem").first()).toBeVisible();
    await expect(customer.getByRole("region", { name: "Recently updated" }).getByRole("listitem")).toHaveCount(5);
  });
});
