import { expect, test } from "../support/e2e";

test("an access request is approved and the new user sets a password and signs in", async ({ browser, pageAs }) => {
  const email = `new.customer.${Date.now()}@wingtip.example`;
  const visitor = await browser.newPage();
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Request access" }).click();
  await visitor.getByLabel("Name").fill("Noor Haddad");
  await visitor.getByLabel("Work email").fill(email);
  await visitor.getByLabel("Company").fill("Wingtip Telecom");
  await visitor.getByLabel("Partner").check();
  await visitor.getByLabel("Why would you like access?").fill("We run the Wingtip contact center and want to vote on reporting ideas.");
  await visitor.getByRole("button", { name: "Send request" }).click();
  await expect(visitor.getByRole("heading", { name: "Thanks — request received" })).toBeVisible();

  const admin = await pageAs("admin@example.com");
  await admin.goto("/admin/access-requests");
  await admin.getByTestId(`access-${email}`).getByRole("button", { name: "Approve" }).click();
  const link = (await admin.getByTestId("set-password-link").textContent())!.trim();
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]+$/);
  await admin.goto("/admin/outbox");
  await expect(admin.getByText(`To ${email}`)).toBeVisible();

  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await visitor.getByLabel("New password").fill("wingtip-password-1");
  await visitor.getByLabel("Repeat it").fill("wingtip-password-1");
  await visitor.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Ideas Lab");
  await expect(visitor.locator(".user-menu .badge")).toHaveText("Partner");

  // The link is spent.
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "This link no longer works" })).toBeVisible();

  await visitor.goto("/");
  await visitor.getByRole("button", { name: "Sign out" }).click();
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByLabel("Password").fill("wingtip-password-1");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Ideas Lab");
  await visitor.close();
});
