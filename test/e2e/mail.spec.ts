import { expect, test } from "@playwright/test";
import { freePort, startServer } from "../support/ops";
import { demoCopy, demoTest } from "../support/demo-copy";
import { smtpSink } from "../support/smtp";

/** A real SMTP server on loopback that keeps what it receives, parsed as a mail client would. */
test("a forgotten password: the reset mail arrives over SMTP with an absolute link that opens, and the new password signs in", async ({ page }) => {
  test.setTimeout(90_000);
  const demo = demoCopy("mail");
  const sink = await smtpSink();
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const server = await startServer(demo.file, { PORT: String(port), APP_URL: appUrl, SMTP_URL: sink.url, JOBS_INTERVAL_SECONDS: "1", SHUTDOWN_GRACE_MS: "0" });
  try {
    await page.goto(`${appUrl}/forgot-password`);
    await page.getByLabel("Email").fill("partner@example.com");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "a link to reset the password is on its way" })).toBeVisible();

    await expect.poll(() => sink.mails.length, { timeout: 30_000 }).toBe(1);
    const mail = sink.mails[0];
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain("partner@example.com");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    const plain = mail.text!.match(/https?:\/\/\S+\/set-password\/[\w-]+/)![0];
    const anchor = String(mail.html).match(/<a href="([^"]+)">Reset your password<\/a>/)![1];
    expect(anchor).toBe(plain);
    expect(anchor.startsWith(`${appUrl}/set-password/`)).toBe(true);

    // Follow the link as the reader would, from the mail.
    await page.goto(anchor);
    await expect(page.getByRole("heading", { name: "Set your password" })).toBeVisible();
    await page.getByLabel("New password").fill("a-new-partner-password");
    await page.getByLabel("Repeat it").fill("a-new-partner-password");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    // A partner without a project lands on the Ideas Lab, signed in.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ideas Lab");
    await expect(page.locator(".user-menu .badge")).toHaveText("Partner");
  } finally {
    server.process.kill("SIGTERM");
    await server.exited;
    await sink.close();
    demo.remove();
  }
});

demoTest("asking for reset links too often gets a 429 that says when to try again, next to the field, with the email kept", async ({ page }) => {
  const ask = async () => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("customer@example.com");
    const answer = page.waitForResponse((r) => r.url().includes("/forgot-password") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Send me a link" }).click();
    return (await answer).status();
  };
  for (let i = 0; i < 3; i++) {
    expect(await ask()).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: "on its way" })).toBeVisible();
  }
  expect(await ask()).toBe(429);
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Too many reset requests for this email. Try again in 15 minutes.");
  await expect(page.getByLabel("Email")).toHaveValue("customer@example.com");
});
