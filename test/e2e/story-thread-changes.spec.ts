import { expect, test } from "../support/e2e";
import { bearer, newUser, tokenFor } from "../support/api";

test("a developer edits and deletes their own story comment; the scrum master removes the developer's attachment (without JavaScript)", async ({ pageAs, request }) => {
  const sm = await tokenFor(request, "sm@example.com");
  const dev = await newUser(request, "staff");
  const project = (await (
    await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Thread fixes ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Northwind Insurance", sowSignedOn: "2027-01-04", staffedOn: "2027-01-04", timeZone: "Asia/Tokyo" } })
  ).json()) as { id: number };
  expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId: dev.id, role: "team", side: "delivery" } })).status()).toBe(201);
  const story = (await (await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title: "Read the claim number back" } })).json()) as { id: number };

  const page = await pageAs(dev.email);
  await page.goto(`/stories/${story.id}`);
  await page.getByLabel("Add to the conversation").fill("The number has nine digits.");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Comment posted." })).toBeVisible();
  await page.getByLabel("Link name").fill("Claim format");
  await page.getByLabel("Address").fill("https://example.test/claim-format");
  await page.getByRole("button", { name: "Attach link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link attached." })).toBeVisible();

  const thread = page.getByRole("region", { name: "Conversation" });
  const comment = thread.locator("article.comment").first();
  await comment.getByText("Edit", { exact: true }).click();
  await comment.getByLabel("Your comment").fill("   ");
  await comment.getByRole("button", { name: "Save changes" }).click();
  await expect(comment.getByText("Write the comment.")).toBeVisible();
  await comment.getByLabel("Your comment").fill("The number has ten digits since 2026.");
  await comment.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Comment saved." })).toBeVisible();
  await expect(comment).toContainText("The number has ten digits since 2026.");
  await expect(comment.locator(".comment__meta")).toContainText("edited");

  await comment.getByRole("button", { name: "Delete" }).click();
  await expect(comment.getByText("Deleting a comment cannot be undone.")).toBeVisible();
  await comment.getByLabel(/I understand/).check();
  await comment.getByRole("button", { name: "Delete comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Comment deleted." })).toBeVisible();
  await expect(comment).toContainText("Deleted by its author.");
  await expect(comment).not.toContainText("ten digits");

  // The scrum master, without JavaScript, removes the developer's link after confirming.
  const smPage = await pageAs("sm@example.com", { javaScriptEnabled: false });
  await smPage.goto(`/stories/${story.id}`);
  const attachments = smPage.getByRole("region", { name: "Attachments" });
  await attachments.getByRole("button", { name: "Remove Claim format" }).click();
  await expect(attachments.getByText("Removing Claim format cannot be undone.")).toBeVisible();
  await attachments.getByLabel(/I understand/).check();
  await attachments.getByRole("button", { name: "Remove Claim format" }).click();
  await expect(smPage.getByRole("status").filter({ hasText: "Attachment removed." })).toBeVisible();
  await expect(attachments.getByText("Claim format")).toHaveCount(0);
  await expect(smPage.getByRole("region", { name: "History" })).toContainText("removed the attachment “Claim format”");
});
