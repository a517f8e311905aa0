import { expect, test } from "../support/e2e";
import { bearer, newIdea, newUser } from "../support/api";

test.describe("comments people can correct", () => {
  test("a customer edits a comment (the guideline refuses a word, the text stays) and a PM sees the earlier text", async ({ pageAs, request }) => {
    const me = await newUser(request);
    const idea = await newIdea(request, me.token, `Queue table export to a sheet ${Date.now()}`);
    const page = await pageAs(me.email);
    await page.goto(`/ideas/${idea.key}`);
    await page.getByLabel("Add a comment").fill("Our supervisors export the queue table every Monday.");
    await page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Comment posted." })).toBeVisible();

    const comment = page.locator("article.comment", { hasText: "Our supervisors export the queue table" });
    await comment.getByText("Edit", { exact: true }).click();
    await comment.getByLabel("Your comment").fill("Exporting the queue table by hand is awful.");
    await comment.getByRole("button", { name: "Save changes" }).click();
    await expect(comment.getByText(/keep it positive.*awful/i)).toBeVisible();
    await expect(comment.getByLabel("Your comment")).toHaveValue("Exporting the queue table by hand is awful.");

    await comment.getByLabel("Your comment").fill("Our supervisors export the queue table every Monday and Thursday.");
    await comment.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Comment updated." })).toBeVisible();
    const edited = page.locator("article.comment", { hasText: "every Monday and Thursday" });
    await expect(edited.locator(".comment__meta")).toContainText("edited");
    // Customers see that it was edited, not what it said before.
    await expect(edited.getByText("show earlier text")).toHaveCount(0);

    const pm = await pageAs("pm@example.com");
    await pm.goto(`/ideas/${idea.key}`);
    const seen = pm.locator("article.comment", { hasText: "every Monday and Thursday" });
    await seen.getByText("edited — show earlier text").click();
    await expect(seen.locator(".comment__revisions")).toContainText("Our supervisors export the queue table every Monday.");
    await expect(seen.locator(".comment__revisions")).toContainText(`replaced by ${me.name}`);
  });

  test("replies sit under their comment; its author deletes it after the confirm step, without JavaScript", async ({ pageAs, request }) => {
    const author = await newUser(request);
    const peer = await newUser(request, "partner");
    const idea = await newIdea(request, author.token, `Wallboard tile per skill ${Date.now()}`);
    const posted = await request.post(`/api/v1/ideas/${idea.key}/comments`, { headers: bearer(author.token), data: { body: "Please add the skill column too." } });
    const top = await posted.json();

    const reader = await pageAs(peer.email, { javaScriptEnabled: false });
    await reader.goto(`/ideas/${idea.key}`);
    const thread = reader.getByTestId(`comment-${top.id}`);
    await thread.getByText("Reply", { exact: true }).click();
    await thread.getByLabel(`Reply to ${author.name}`).fill("Agreed, the skill matters most to us.");
    await thread.getByRole("button", { name: "Post reply" }).click();
    await expect(reader.getByRole("status").filter({ hasText: "Reply posted." })).toBeVisible();
    await expect(reader.getByTestId(`comment-${top.id}`).getByRole("group", { name: `Replies to ${author.name}` })).toContainText("Agreed, the skill matters most to us.");

    const page = await pageAs(author.email, { javaScriptEnabled: false });
    await page.goto(`/ideas/${idea.key}`);
    const mine = page.getByTestId(`comment-${top.id}`);
    await mine.getByRole("button", { name: "Delete", exact: true }).click();
    const asked = page.getByTestId(`comment-${top.id}`);
    await expect(asked.getByRole("alert")).toHaveText("Deleting a comment cannot be undone.");
    await asked.getByLabel(/I understand: Your comment will show as “deleted by its author”/).check();
    await asked.getByRole("button", { name: "Delete comment" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Comment deleted." })).toBeVisible();
    const gone = page.getByTestId(`comment-${top.id}`);
    await expect(gone.locator(".comment__deleted")).toHaveText("Deleted by its author.");
    await expect(gone).not.toContainText("Please add the skill column too.");
    await expect(gone).toContainText("Agreed, the skill matters most to us.");
    await expect(page.getByRole("heading", { name: "Comments (1)" })).toBeVisible();
  });

  test("the API edits and deletes a comment for its author only; the portal list shows a confirmed work-around", async ({ pageAs, request }) => {
    const author = await newUser(request, "partner");
    const other = await newUser(request);
    const idea = await newIdea(request, other.token, `Callback report per queue ${Date.now()}`);
    const tip = await (
      await request.post(`/api/v1/ideas/${idea.key}/comments`, { headers: bearer(author.token), data: { body: "Export the callback table to a sheet meanwhile.", kind: "workaround" } })
    ).json();
    expect(tip).toMatchObject({ edited: false, deleted: false, parentId: null });

    const refused = await request.patch(`/api/v1/ideas/${idea.key}/comments/${tip.id}`, { headers: bearer(other.token), data: { body: "Not mine to change." } });
    expect(refused.status()).toBe(403);
    const patched = await request.patch(`/api/v1/ideas/${idea.key}/comments/${tip.id}`, { headers: bearer(author.token), data: { body: "Export the callback table to a sheet each morning meanwhile." } });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toMatchObject({ id: tip.id, body: "Export the callback table to a sheet each morning meanwhile.", edited: true, deleted: false });

    const page = await pageAs(other.email);
    await page.goto(`/ideas/${idea.key}`);
    await page.getByTestId(`comment-${tip.id}`).getByRole("button", { name: "Works for me" }).click();
    await expect(page.getByRole("status").filter({ hasText: "you confirmed the work-around" })).toBeVisible();
    await page.goto(`/portals/pureengage?sort=new&q=${encodeURIComponent("Callback report per queue")}`);
    await expect(page.getByTestId(`idea-${idea.key}`)).toContainText("Work-around confirmed");

    expect((await request.delete(`/api/v1/ideas/${idea.key}/comments/${tip.id}`, { headers: bearer(other.token) })).status()).toBe(403);
    expect((await request.delete(`/api/v1/ideas/${idea.key}/comments/${tip.id}`, { headers: bearer(author.token) })).status()).toBe(204);
    const after = await (await request.get(`/api/v1/ideas/${idea.key}/comments`, { headers: bearer(other.token) })).json();
    expect(after).toEqual([expect.objectContaining({ id: tip.id, deleted: true, body: "" })]);
    await page.reload();
    await expect(page.getByTestId(`idea-${idea.key}`)).not.toContainText("Work-around confirmed");
  });
});
