import { DEMO_PASSWORD, expect, test } from "../support/e2e";

/**
 * `home`: the heading `/` lands on — PMs on their board, members of a project on My work, customers
 * and partners on no project on the Ideas Lab; the admin, on none, chooses.
 */
const ROLES: { email: string; nav: string[]; badge: string; home: string | RegExp }[] = [
  { email: "admin@example.com", nav: ["Delivery", "Ideas Lab", "PM board", "Admin"], badge: "Admin", home: /^Welcome/ },
  // The demo's PM is also the product release's co-product owner: My work is there, the PM board stays home.
  { email: "pm@example.com", nav: ["My work", "Delivery", "Ideas Lab", "PM board"], badge: "Product manager", home: "PM board" },
  { email: "pm2@example.com", nav: ["Delivery", "Ideas Lab", "PM board"], badge: "Product manager", home: "PM board" },
  { email: "sm@example.com", nav: ["My work", "Delivery", "Ideas Lab"], badge: "Staff", home: "My work" },
  { email: "po@example.com", nav: ["My work", "Delivery", "Ideas Lab"], badge: "Staff", home: "My work" },
  { email: "dev@example.com", nav: ["My work", "Delivery", "Ideas Lab"], badge: "Staff", home: "My work" },
  // The co-product owner is a customer on a project, so Delivery shows and she starts on My work.
  { email: "copo@example.com", nav: ["My work", "Delivery", "Ideas Lab"], badge: "Customer", home: "My work" },
  { email: "customer@example.com", nav: ["Ideas Lab"], badge: "Customer", home: "Ideas Lab" },
  { email: "partner@example.com", nav: ["Ideas Lab"], badge: "Partner", home: "Ideas Lab" },
];

test.describe("sign-in page", () => {
  for (const role of ROLES) {
    test(`${role.email} signs in and sees the right navigation`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in$/);
      await page.getByLabel("Email").fill(role.email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(role.home);
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link")).toHaveText(role.nav);
      await expect(page.locator(".user-menu .badge")).toHaveText(role.badge);
    });
  }

  test("a wrong password shows a message and keeps the email typed", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("pm@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("That email and password do not match an active account.");
    await expect(page.getByLabel("Email")).toHaveValue("pm@example.com");
    await expect(page.getByLabel("Password")).toHaveValue("");
  });

  test("empty fields get their messages next to them", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#field-email-error")).toHaveText("Enter your email address.");
    await expect(page.locator("#field-password-error")).toHaveText("Enter your password.");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("five failures lock the email with a clear message", async ({ page }) => {
    const email = `locked-out-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`guess-${i}`);
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await page.getByRole("button", { name: "Sign in" }).click();
      expect((await answered).status()).toBe(400);
      await expect(page.getByRole("alert")).toContainText("do not match");
      // The answer re-renders the form without the password (never echoed): wait for it, so the
      // next attempt's typing cannot land before that render and be wiped by it.
      await expect(page.getByLabel("Password")).toHaveValue("");
    }
    await page.getByLabel("Password").fill("one-more");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText(/Too many failed sign-ins for this email. Try again in 15 minutes./);
    await expect(page.getByLabel("Email")).toHaveValue(email);
  });

  test("works with JavaScript disabled, then signs out", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("customer@example.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Customers and partners land on the Ideas Lab.
    await expect(page).toHaveURL(/\/ideas$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ideas Lab");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fsettings$/);
    await context.close();
  });

  test("signing out ends the session on the server", async ({ page, context }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("partner@example.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Customers and partners land on the Ideas Lab.
    await expect(page).toHaveURL(/\/ideas$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ideas Lab");
    const cookies = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    // Replaying the old cookie must not bring the session back.
    await context.addCookies(cookies);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("returns to the page asked for after signing in", async ({ page }) => {
    await page.goto("/admin/holidays");
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fadmin%2Fholidays$/);
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/holidays$/);
    await expect(page.getByRole("heading", { name: "Holidays", exact: true })).toBeVisible();
  });
});
