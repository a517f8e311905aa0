import { expect, test } from "../support/e2e";
import { bearer, newIdea, newUser, tokenFor } from "../support/api";
import { freePort, startServer } from "../support/ops";
import { demoCopy } from "../support/demo-copy";
import { openDatabase } from "../../db/client.server";
import { smtpSink } from "../support/smtp";

test("a status change and an official update reach a follower with what was said; opening one lands on its entry and marks it read", async ({ pageAs, request }) => {
  const author = await newUser(request);
  const follower = await newUser(request, "partner");
  const idea = await newIdea(request, author.token, `Queue wallboard with callbacks waiting ${Date.now()}`);
  expect((await request.post(`/api/v1/ideas/${idea.key}/vote`, { headers: bearer(follower.token) })).status()).toBe(200);
  const pm = await tokenFor(request, "pm@example.com");
  const moved = await request.post(`/api/v1/ideas/${idea.key}/status`, { headers: bearer(pm), data: { status: "under_pm_review", note: "Sizing it with the wallboard team this sprint." } });
  expect(moved.status()).toBe(200);
  const update = await request.post(`/api/v1/ideas/${idea.key}/comments`, { headers: bearer(pm), data: { kind: "official", body: "The tile will show callbacks waiting per queue." } });
  expect(update.status()).toBe(201);

  const page = await pageAs(follower.email);
  await page.goto("/notifications");
  const group = page.getByRole("region", { name: /\d{4}/ }).first();
  await expect(group.getByRole("heading", { name: "PureEngage", level: 3 })).toBeVisible();
  const statusItem = page.locator("li.notification").filter({ hasText: "moved to Under PM Review" });
  await expect(statusItem).toContainText("Sizing it with the wallboard team this sprint.");
  await expect(statusItem).toContainText(idea.key);
  await expect(statusItem).toContainText("New");
  const updateItem = page.locator("li.notification").filter({ hasText: "Official update on" });
  await expect(updateItem).toContainText("The tile will show callbacks waiting per queue.");

  await statusItem.getByRole("button", { name: new RegExp(`^${idea.key} .*moved to Under PM Review\\.$`) }).click();
  await expect(page).toHaveURL(new RegExp(`/ideas/${idea.key}#status-\\d+$`));
  const anchor = new URL(page.url()).hash;
  await expect(page.locator(anchor)).toContainText("Under PM Review");

  await page.goto("/notifications");
  await expect(statusItem).not.toContainText("New");
  await expect(updateItem).toContainText("New");
  await updateItem.getByRole("button", { name: "Mark as read" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Notification marked as read." })).toBeVisible();
  await expect(updateItem).not.toContainText("New");
  await updateItem.getByRole("button", { name: /^Official update on/ }).click();
  await expect(page).toHaveURL(new RegExp(`/ideas/${idea.key}#comment-\\d+$`));
  await expect(page.locator(new URL(page.url()).hash)).toContainText("The tile will show callbacks waiting per queue.");
});

test("each user chooses the digest and immediate official updates on the settings page, and the API answers the same", async ({ pageAs, request }) => {
  const user = await newUser(request);
  const page = await pageAs(user.email);
  await page.goto("/settings");
  const email = page.getByRole("region", { name: "Email" });
  await expect(email.getByRole("radio", { name: /^Daily/ })).toBeChecked();
  await email.getByRole("radio", { name: /^Weekly/ }).check();
  await email.getByRole("checkbox", { name: /official update on ideas I follow at once/ }).check();
  await email.getByRole("button", { name: "Save email choices" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Email choices saved. A weekly digest, and official updates at once." })).toBeVisible();
  await page.reload();
  await expect(email.getByRole("radio", { name: /^Weekly/ })).toBeChecked();
  await expect(email.getByRole("checkbox", { name: /official update on ideas I follow at once/ })).toBeChecked();
  const api = await request.get("/api/v1/me/notification-settings", { headers: bearer(user.token) });
  expect(await api.json()).toEqual({ digest: "weekly", immediateOfficialUpdates: true });

  await email.getByRole("radio", { name: /^Off/ }).check();
  await email.getByRole("checkbox", { name: /official update on ideas I follow at once/ }).uncheck();
  await email.getByRole("button", { name: "Save email choices" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Email choices saved. No digest emails." })).toBeVisible();
  expect(await (await request.get("/api/v1/me/notification-settings", { headers: bearer(user.token) })).json()).toEqual({ digest: "off", immediateOfficialUpdates: false });
});

/** A real SMTP server on loopback that keeps what it receives, parsed as a mail client would. */
test("a digest arrives over SMTP with an unsubscribe link that, without signing in, asks first and then turns the digest off", async ({ browser }) => {
  test.setTimeout(90_000);
  const demo = demoCopy("unsubscribe");
  // Yesterday's digest waits in the outbox of the demo's customer.
  const db = openDatabase(demo.file, { migrate: false });
  const customer = db.$client.prepare("SELECT id FROM users WHERE email = 'customer@example.com'").get() as { id: number };
  db.$client.prepare("UPDATE outbox SET sent_at = coalesce(sent_at, '2026-01-01T00:00:00.000Z')").run();
  db.$client.prepare("INSERT INTO outbox (user_id, kind, day, subject, body) VALUES (?, 'digest', '2026-01-01', 'Your Sprintlab digest for 2026-01-01', '- COANA-I-1 moved to Accepted. (/ideas/COANA-I-1)')").run(customer.id);
  db.$client.close();
  const sink = await smtpSink();
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const server = await startServer(demo.file, { PORT: String(port), APP_URL: appUrl, SMTP_URL: sink.url, JOBS_INTERVAL_SECONDS: "1", SHUTDOWN_GRACE_MS: "0" });
  const context = await browser.newContext();
  try {
    await expect.poll(() => sink.mails.length, { timeout: 30_000 }).toBe(1);
    const mail = sink.mails[0];
    const headerOf = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(headerOf("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const link = headerOf("list-unsubscribe")!.match(/^<([^>]+)>$/)![1];
    expect(link.startsWith(`${appUrl}/unsubscribe/`)).toBe(true);
    expect(mail.text).toContain(`Stop these digest emails (${link})`);

    // Opened from the mail, signed out: a confirm page; looking changes nothing.
    const page = await context.newPage();
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
    await expect(page.getByText("customer@example.com")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("button", { name: "Unsubscribe" })).toBeVisible();
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("heading", { name: "Digest emails are off" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Unsubscribed: no more digest emails." })).toBeVisible();

    // A forged link says so, with a 404.
    const forged = await page.goto(link.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
    expect(forged!.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This unsubscribe link does not work" })).toBeVisible();
  } finally {
    await context.close();
    server.process.kill("SIGTERM");
    await server.exited;
    await sink.close();
    demo.remove();
  }
});
