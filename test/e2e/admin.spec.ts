import { expect, test } from "../support/e2e";
import { demoTest } from "../support/demo-copy";

test.describe("administration", () => {
  test("a customer opening an admin page gets the 403 page", async ({ pageAs, allowConsole }) => {
    allowConsole(/status of 403/);
    const page = await pageAs("customer@example.com");
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You don't have access to this page");
    await expect(page.getByRole("link", { name: "Go to the start page" })).toBeVisible();
    // The layout stays: the customer can go on from here.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Ideas Lab"]);
  });

  test("a customer gets 403 from Delivery, and anyone gets the 404 page for a wrong address", async ({ pageAs, allowConsole }) => {
    allowConsole(/status of 40[34]/);
    const page = await pageAs("partner@example.com");
    expect((await page.goto("/projects"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You don't have access to this page");
    expect((await page.goto("/no/such/page"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });

  test("an admin adds a user, changes their role, and deactivation signs them out at once", async ({ pageAs }) => {
    const admin = await pageAs("admin@example.com");
    await admin.goto("/admin/users");
    // A fresh address each run, so the journey makes its own user however often it runs.
    const email = `olu.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.com`;
    const form = admin.locator("form", { has: admin.getByRole("button", { name: "Add user" }) });
    await form.getByLabel("Name").fill("Olu Adeyemi");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption("customer");
    await form.getByLabel("Company").fill("Acme Health");
    await form.getByLabel("Initial password").fill("a-long-initial-password");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(admin.getByRole("status")).toHaveText(`Olu Adeyemi can now sign in as ${email}.`);

    const row = admin.getByTestId(`user-${email}`);
    await row.getByLabel("Role of Olu Adeyemi").selectOption("partner");
    await row.getByRole("button", { name: "Change role" }).click();
    await expect(admin.getByRole("status")).toHaveText("Olu Adeyemi is now Partner.");
    await expect(row.getByLabel("Role of Olu Adeyemi")).toHaveValue("partner");

    const olu = await pageAs(email);
    await olu.goto("/settings");
    await expect(olu.getByRole("heading", { name: "Settings" })).toBeVisible();

    await row.getByRole("button", { name: "Deactivate Olu Adeyemi" }).click();
    await expect(admin.getByRole("status")).toHaveText("Olu Adeyemi is deactivated and signed out everywhere.");
    await expect(row.getByText("Deactivated")).toBeVisible();

    await olu.reload();
    await expect(olu).toHaveURL(/\/sign-in\?redirectTo=%2Fsettings$/);
  });

  test("a duplicate email is refused next to the field and the typed values stay", async ({ pageAs }) => {
    const admin = await pageAs("admin@example.com");
    await admin.goto("/admin/users");
    const form = admin.locator("form", { has: admin.getByRole("button", { name: "Add user" }) });
    await form.getByLabel("Name").fill("Second Grace");
    await form.getByLabel("Email").fill("customer@example.com");
    await form.getByLabel("Initial password").fill("a-long-initial-password");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.locator("#field-email-error")).toHaveText("A user with this email already exists.");
    await expect(form.getByLabel("Name")).toHaveValue("Second Grace");
    await expect(form.getByLabel("Email")).toHaveValue("customer@example.com");
  });

  demoTest("an admin adds and removes a holiday; a duplicate date is refused with the text kept", async ({ pageAs }) => {
    const admin = await pageAs("admin@example.com");
    await admin.goto("/admin/holidays");
    await expect(admin.getByRole("cell", { name: "Christmas Day", exact: true })).toBeVisible();

    await admin.getByLabel("Date").fill("2027-05-31");
    await admin.getByLabel("Name").fill("Spring bank holiday");
    await admin.getByRole("button", { name: "Add holiday" }).click();
    await expect(admin.getByRole("status")).toHaveText("Spring bank holiday (Mon 31 May 2027) added.");
    await expect(admin.getByRole("cell", { name: "Spring bank holiday", exact: true })).toBeVisible();

    await admin.getByLabel("Date").fill("2027-05-31");
    await admin.getByLabel("Name").fill("Same day again");
    await admin.getByRole("button", { name: "Add holiday" }).click();
    await expect(admin.locator("#field-date-error")).toHaveText("2027-05-31 is already a holiday (Spring bank holiday).");
    await expect(admin.getByLabel("Name")).toHaveValue("Same day again");

    await admin.getByRole("button", { name: "Remove Spring bank holiday" }).click();
    await expect(admin.getByRole("status")).toHaveText("Mon 31 May 2027 is a working day again.");
    await expect(admin.getByRole("cell", { name: "Spring bank holiday", exact: true })).toHaveCount(0);
  });

  test("admin pages work without JavaScript", async ({ pageAs }) => {
    const admin = await pageAs("admin@example.com", { javaScriptEnabled: false });
    await admin.goto("/admin/holidays");
    await admin.getByLabel("Date").fill("2027-08-30");
    await admin.getByLabel("Name").fill("Summer bank holiday");
    await admin.getByRole("button", { name: "Add holiday" }).click();
    await expect(admin.getByRole("status")).toHaveText("Summer bank holiday (Mon 30 Aug 2027) added.");
    await admin.getByRole("button", { name: "Remove Summer bank holiday" }).click();
    await expect(admin.getByRole("status")).toHaveText("Mon 30 Aug 2027 is a working day again.");
  });
});
