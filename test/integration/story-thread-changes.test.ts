import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { notifications, storyAttachments, storyCommentRevisions, storyComments } from "../../db/schema";
import { addMember, createProject } from "~/delivery/projects.server";
import { createStory } from "~/delivery/stories.server";
import { storyPage } from "~/delivery/story-page.server";
import { deleteStory } from "~/delivery/story-removal.server";
import { STORY_COMMENT_DELETE_CONSEQUENCE, attachmentRemovalConsequence } from "~/delivery/thread-rules";
import { addFileAttachment, addLinkAttachment, addStoryComment, attachmentFile, deleteStoryComment, editStoryComment, removeAttachment, storyThread, threadNote } from "~/delivery/threads.server";
import { freshDb } from "../support/db";
import { makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

const tag = () => Math.random().toString(36).slice(2, 8);

async function project() {
  const sm = await makeUser(db, "staff");
  const dev = await makeUser(db, "staff", { email: `dev-${tag()}@example.test` });
  const other = await makeUser(db, "staff", { email: `other-${tag()}@example.test` });
  const copo = await makeUser(db, "customer", { email: `copo-${tag()}@example.test` });
  const outsider = await makeUser(db, "customer");
  const p = createProject(db, sm, { name: "Acme — IVR", customer: "Acme", sowSignedOn: "2026-01-05", staffedOn: "2026-01-05", timeZone: "Europe/Berlin" });
  addMember(db, sm, p.id, { userId: dev.id, role: "team" });
  addMember(db, sm, p.id, { userId: other.id, role: "team" });
  addMember(db, sm, p.id, { userId: copo.id, role: "co_product_owner" });
  const story = createStory(db, sm, p.id, { title: "Route VIP callers first" });
  return { sm, dev, other, copo, outsider, project: p, story };
}

const handle = (email: string) => email.split("@")[0];
const mentionsOf = (db: Db, userId: number) => db.select().from(notifications).where(eq(notifications.userId, userId)).all().filter((n) => n.text.includes("mentioned you"));

describe("story comments are corrected in place (issue 13, decision 11)", () => {
  it("the author edits their comment: marked edited, the earlier text kept, only new mentions told", async () => {
    const { dev, sm, copo, other, story } = await project();
    const c = addStoryComment(db, dev, story.id, { body: `Asking @${handle(copo.email)}` });
    expect(mentionsOf(db, copo.id)).toHaveLength(1);
    const edited = editStoryComment(db, dev, story.id, c.id, { body: `Asking @${handle(copo.email)} and @${handle(other.email)}` });
    expect(edited.edited).toBe(true);
    expect(edited.editedAt).not.toBeNull();
    expect(mentionsOf(db, copo.id)).toHaveLength(1);
    expect(mentionsOf(db, other.id)).toHaveLength(1);
    const kept = db.select().from(storyCommentRevisions).where(eq(storyCommentRevisions.commentId, c.id)).all();
    expect(kept.map((r) => r.body)).toEqual([`Asking @${handle(copo.email)}`]);
    // The scrum master reads the earlier text; a team member does not.
    expect(storyThread(db, sm, story.id).comments[0].revisions?.map((r) => r.body)).toEqual([`Asking @${handle(copo.email)}`]);
    expect(storyThread(db, other, story.id).comments[0].revisions).toBeNull();
    // The same text again changes nothing.
    editStoryComment(db, dev, story.id, c.id, { body: edited.body });
    expect(db.select().from(storyCommentRevisions).all()).toHaveLength(1);
  });

  it("nobody else edits or deletes it, the scrum master included; an empty edit is refused with the field's sentence", async () => {
    const { dev, sm, other, outsider, story } = await project();
    const c = addStoryComment(db, dev, story.id, { body: "Mine" });
    expect(refusal(() => editStoryComment(db, sm, story.id, c.id, { body: "Rewritten" })).code).toBe("forbidden");
    expect(refusal(() => deleteStoryComment(db, other, story.id, c.id)).code).toBe("forbidden");
    expect(refusal(() => editStoryComment(db, outsider, story.id, c.id, { body: "x" })).code).toBe("not_found");
    expect(refusal(() => editStoryComment(db, dev, story.id, 99_999, { body: "x" })).code).toBe("not_found");
    const empty = refusal(() => editStoryComment(db, dev, story.id, c.id, { body: "  " }));
    expect(empty.code).toBe("invalid");
    expect(empty.fields?.body).toBe("Write the comment.");
    expect(db.select().from(storyComments).where(eq(storyComments.id, c.id)).get()?.body).toBe("Mine");
  });

  it("a demo or customer-test note is not edited or deleted", async () => {
    const { copo, story } = await project();
    threadNote(db, story.id, copo.id, "demo", "Accepted at the demo");
    const note = storyThread(db, copo, story.id).comments[0];
    expect(note.mine).toBe(false);
    expect(refusal(() => editStoryComment(db, copo, story.id, note.id, { body: "Rejected" })).code).toBe("conflict");
    expect(refusal(() => deleteStoryComment(db, copo, story.id, note.id)).code).toBe("conflict");
  });

  it("a delete asks the page first, then leaves a marker with the text kept", async () => {
    const { dev, sm, story } = await project();
    const c = addStoryComment(db, dev, story.id, { body: "Wrong story" });
    const asked = refusal(() => deleteStoryComment(db, dev, story.id, c.id, { given: "" }));
    expect(asked.consequence).toBe(STORY_COMMENT_DELETE_CONSEQUENCE);
    deleteStoryComment(db, dev, story.id, c.id, { given: STORY_COMMENT_DELETE_CONSEQUENCE });
    const shown = storyThread(db, sm, story.id).comments[0];
    expect(shown).toMatchObject({ deleted: true, body: "", html: "", mine: false });
    expect(shown.revisions?.[0]).toMatchObject({ body: "Wrong story", deletion: true });
    expect(refusal(() => editStoryComment(db, dev, story.id, c.id, { body: "Back" })).code).toBe("conflict");
    // A story deleted by mistake takes its comments' earlier texts with it.
    deleteStory(db, sm, story.id);
    expect(db.select().from(storyCommentRevisions).all()).toEqual([]);
  });
});

describe("attachments are removed by their uploader or the scrum master (issue 13)", () => {
  it("the uploader removes a file: the row stays out of sight, the history says so, the bytes go", async () => {
    const { dev, other, sm, story } = await project();
    const dir = mkdtempSync(join(tmpdir(), "attachments-"));
    const file = addFileAttachment(db, dev, story.id, { name: "flow.pdf", size: 3, bytes: new Uint8Array([1, 2, 3]) }, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(refusal(() => removeAttachment(db, other, story.id, file.id, { dir })).code).toBe("forbidden");
    const asked = refusal(() => removeAttachment(db, dev, story.id, file.id, { dir, confirmation: { given: "" } }));
    expect(asked.consequence).toBe(attachmentRemovalConsequence({ name: "flow.pdf", kind: "file" }));
    expect(existsSync(join(dir, file.storedAs!))).toBe(true);
    removeAttachment(db, dev, story.id, file.id, { dir, confirmation: { given: asked.consequence } });
    expect(existsSync(join(dir, file.storedAs!))).toBe(false);
    expect(db.select().from(storyAttachments).where(eq(storyAttachments.id, file.id)).get()).toMatchObject({ removedById: dev.id });
    const page = storyPage(db, sm, story.id);
    expect(page.attachments).toEqual([]);
    expect(page.history[0]).toMatchObject({ by: dev.name, what: "removed the attachment “flow.pdf”" });
    expect(refusal(() => attachmentFile(db, dev, file.id, dir)).code).toBe("not_found");
    expect(refusal(() => removeAttachment(db, dev, story.id, file.id, { dir })).code).toBe("conflict");
  });

  it("the scrum master removes someone's link; a non-member is told it does not exist", async () => {
    const { dev, sm, outsider, story } = await project();
    const link = addLinkAttachment(db, dev, story.id, { name: "Spec", url: "https://example.test/spec" });
    expect(storyThread(db, sm, story.id).attachments[0].removable).toBe(true);
    expect(refusal(() => removeAttachment(db, outsider, story.id, link.id)).code).toBe("not_found");
    expect(refusal(() => removeAttachment(db, sm, story.id, 99_999)).code).toBe("not_found");
    removeAttachment(db, sm, story.id, link.id);
    expect(storyPage(db, dev, story.id).history[0].what).toBe("removed the attachment “Spec”");
  });
});
