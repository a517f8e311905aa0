import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";

test.describe("Delivery charts and portfolio", () => {
  test("the portfolio sorts by a column without JavaScript, and says so when asked for a column it lacks", async ({ pageAs }) => {
    const page = await pageAs("sm@example.com", { javaScriptEnabled: false });
    await page.goto("/projects");
    const firstProject = () => page.locator("table tbody tr").first().locator("td").first();
    await page.getByRole("link", { name: /^Project/ }).click();
    await expect(page).toHaveURL(/sort=name&dir=asc/);
    await expect(page.getByRole("columnheader", { name: /Project/ })).toHaveAttribute("aria-sort", "ascending");
    const ascending = await firstProject().textContent();
    await page.getByRole("link", { name: /^Project/ }).click();
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    await expect(page.getByRole("columnheader", { name: /Project/ })).toHaveAttribute("aria-sort", "descending");
    expect(await firstProject().textContent()).not.toBe(ascending);
    await page.getByRole("link", { name: /^Status/ }).click();
    await expect(page).toHaveURL(/sort=status&dir=asc/);
    await page.goto("/projects?sort=budget");
    await expect(page.getByRole("status").filter({ hasText: "There is no column “budget” to sort by" })).toBeVisible();
  });

  test("the sprint page's burndown shows a Today marker, with today's row named in the table", async ({ pageAs }) => {
    const page = await pageAs("sm@example.com");
    await page.goto("/sprints/4");
    const chart = page.locator("figure.chart");
    await expect(chart.locator("svg text", { hasText: /^Today$/ })).toBeVisible();
    await expect(chart.locator("li", { hasText: "Today" })).toBeVisible();
    await expect(chart.locator("tr[aria-current=date]")).toContainText("(today)");
  });
});
