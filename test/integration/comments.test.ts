import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../db/client.server";
import { commentRevisions, notifications } from "../../db/schema";
import { addComment, deleteComment, editComment, hideComment, listComments, toggleWorkaroundConfirmation } from "~/ideas/comments.server";
import { DELETE_CONSEQUENCE } from "~/ideas/comment-rules";
import { getIdea } from "~/ideas/ideas.server";
import { listIdeas } from "~/ideas/idea-lists.server";
import { updateUser } from "~/auth/users.server";
import { freshDb } from "../support/db";
import { refusal } from "../support/refusal";
import { makeIdea, makePortal, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

async function world() {
  const { prefix, pm, admin, slug } = await makePortal(db);
  const customer = await makeUser(db, "customer");
  const peer = await makeUser(db, "partner");
  const key = makeIdea(db, customer, prefix).key;
  return { prefix, pm, admin, slug, customer, peer, key };
}

const noticesOf = (userId: number) => db.select().from(notifications).where(eq(notifications.userId, userId)).all();

describe("editing a comment (B6)", () => {
  it("marks it edited and keeps each earlier text, with who replaced it and when, for PMs and admins only", async () => {
    const { pm, admin, customer, peer, key } = await world();
    const c = addComment(db, customer, key, { body: "We export the table by hand every Monday." });
    const edited = editComment(db, customer, key, c.id, { body: "We export the table by hand every Monday and Thursday." });
    expect(edited).toMatchObject({ body: "We export the table by hand every Monday and Thursday.", edited: true, deleted: false });
    editComment(db, customer, key, c.id, { body: "We export it by hand twice a week." });

    const seenByPeer = listComments(db, peer, key).find((x) => x.id === c.id)!;
    expect(seenByPeer).toMatchObject({ body: "We export it by hand twice a week.", edited: true, revisions: null });
    for (const reader of [pm, admin]) {
      const seen = listComments(db, reader, key).find((x) => x.id === c.id)!;
      expect(seen.revisions?.map((r) => r.body)).toEqual(["We export the table by hand every Monday and Thursday.", "We export the table by hand every Monday."]);
      expect(seen.revisions?.[1]).toMatchObject({ by: customer.name, writtenAt: c.createdAt, deletion: false });
      expect(seen.revisions?.[0].writtenAt).toBe(seen.revisions?.[1].replacedAt);
    }
  });

  it("the same text again is no edit", async () => {
    const { customer, key } = await world();
    const c = addComment(db, customer, key, { body: "We export the table by hand every Monday." });
    expect(editComment(db, customer, key, c.id, { body: "  We export the table by hand every Monday. " }).edited).toBe(false);
    expect(db.select().from(commentRevisions).all()).toHaveLength(0);
  });

  it("only its author edits it; a hidden comment and a comment of another idea are not edited", async () => {
    const { pm, admin, prefix, customer, peer, key } = await world();
    const c = addComment(db, customer, key, { body: "We export the table by hand every Monday." });
    for (const other of [peer, pm, admin]) expect(refusal(() => editComment(db, other, key, c.id, { body: "Rewritten by someone else." })).code).toBe("forbidden");
    const elsewhere = makeIdea(db, customer, prefix, "Operation log of supervisor actions").key;
    expect(refusal(() => editComment(db, customer, elsewhere, c.id, { body: "Moved?" })).code).toBe("not_found");
    hideComment(db, pm, c.id, { reason: "Duplicate of the description" });
    expect(refusal(() => editComment(db, customer, key, c.id, { body: "Sneaky rewrite after hiding." })).code).toBe("conflict");
    expect(db.select().from(commentRevisions).all()).toHaveLength(0);
  });

  it("the language guard reads the edited text: refused with the guideline quote, nothing changes", async () => {
    const { customer, key } = await world();
    const c = addComment(db, customer, key, { body: "We export the table by hand every Monday." });
    const error = refusal(() => editComment(db, customer, key, c.id, { body: "Exporting by hand is awful." }));
    expect(error.code).toBe("invalid");
    expect(error.fields?.body).toMatch(/keep it positive.*awful/i);
    expect(listComments(db, customer, key).find((x) => x.id === c.id)).toMatchObject({ body: "We export the table by hand every Monday.", edited: false });
    expect(db.select().from(commentRevisions).all()).toHaveLength(0);
  });
});

describe("deleting a comment", () => {
  it("shows it as deleted by its author to everyone, keeps its text for PMs, and stops counting it", async () => {
    const { pm, customer, peer, key } = await world();
    const c = addComment(db, customer, key, { body: "Please add the skill column too." });
    const reply = addComment(db, peer, key, { body: "Agreed, the skill matters most.", parentId: c.id });
    expect(getIdea(db, customer, key).commentCount).toBe(2);
    deleteComment(db, customer, key, c.id);

    const seen = listComments(db, peer, key);
    expect(seen.find((x) => x.id === c.id)).toMatchObject({ deleted: true, body: "", revisions: null });
    // Its replies stay, under it.
    expect(seen.find((x) => x.id === reply.id)).toMatchObject({ parentId: c.id, body: "Agreed, the skill matters most." });
    expect(listComments(db, pm, key).find((x) => x.id === c.id)?.revisions).toEqual([expect.objectContaining({ body: "Please add the skill column too.", deletion: true, by: customer.name })]);
    expect(getIdea(db, customer, key).commentCount).toBe(1);

    expect(refusal(() => deleteComment(db, customer, key, c.id)).code).toBe("conflict");
    expect(refusal(() => editComment(db, customer, key, c.id, { body: "Back again?" })).code).toBe("conflict");
    expect(refusal(() => hideComment(db, pm, c.id, { reason: "Too late" })).code).toBe("conflict");
    expect(refusal(() => addComment(db, peer, key, { body: "Replying to a deleted comment.", parentId: c.id })).code).toBe("conflict");
  });

  it("only its author deletes it; a page asks to confirm the consequence first", async () => {
    const { pm, admin, customer, peer, key } = await world();
    const c = addComment(db, customer, key, { body: "Please add the skill column too." });
    for (const other of [peer, pm, admin]) expect(refusal(() => deleteComment(db, other, key, c.id, { given: DELETE_CONSEQUENCE })).code).toBe("forbidden");
    const ask = refusal(() => deleteComment(db, customer, key, c.id, { given: null }));
    expect(ask).toMatchObject({ code: "invalid", consequence: DELETE_CONSEQUENCE });
    expect(listComments(db, customer, key)[0].deleted).toBe(false);
    deleteComment(db, customer, key, c.id, { given: DELETE_CONSEQUENCE });
    expect(listComments(db, customer, key)[0].deleted).toBe(true);
  });

  it("a hidden comment stays as the PM left it: not deleted by its author, and not uncounted twice", async () => {
    const { pm, key } = await world();
    const c = addComment(db, pm, key, { body: "Draft note posted too early." });
    hideComment(db, pm, c.id, { reason: "Posted too early" });
    expect(refusal(() => deleteComment(db, pm, key, c.id)).code).toBe("conflict");
    expect(getIdea(db, pm, key).commentCount).toBe(0);
  });
});

describe("replies, one level deep", () => {
  it("a reply hangs under its comment, and a reply to a reply joins the same thread", async () => {
    const { pm, customer, peer, key } = await world();
    const top = addComment(db, customer, key, { body: "Please add the skill column too." });
    const first = addComment(db, peer, key, { body: "Agreed, the skill matters most.", parentId: top.id });
    const second = addComment(db, customer, key, { body: "Thanks, that is the one.", parentId: first.id });
    expect(first.parentId).toBe(top.id);
    expect(second.parentId).toBe(top.id);
    expect(refusal(() => addComment(db, pm, key, { body: "Official answer in a thread.", kind: "official", parentId: top.id })).code).toBe("conflict");
  });

  it("refuses a parent of another idea, a hidden one for those who do not see it, and a reply that breaks the language guide", async () => {
    const { pm, prefix, customer, peer, key } = await world();
    const elsewhere = makeIdea(db, customer, prefix, "Operation log of supervisor actions").key;
    const top = addComment(db, customer, key, { body: "Please add the skill column too." });
    expect(refusal(() => addComment(db, peer, elsewhere, { body: "Wrong thread.", parentId: top.id })).code).toBe("not_found");
    const noise = addComment(db, customer, key, { body: "Visit our shop for deals." });
    hideComment(db, pm, noise.id, { reason: "Advertising" });
    expect(refusal(() => addComment(db, peer, key, { body: "Where is the shop?", parentId: noise.id })).code).toBe("not_found");
    expect(refusal(() => addComment(db, pm, key, { body: "Hidden for now.", parentId: noise.id })).code).toBe("conflict");
    expect(refusal(() => addComment(db, peer, key, { body: "That is a stupid column.", parentId: top.id })).fields?.body).toMatch(/stupid/);
  });
});

describe("@mentions in comments", () => {
  it("tell the mentioned users who can see the idea, never the author, and nobody a handle does not match", async () => {
    const { customer, key } = await world();
    const ana = await makeUser(db, "staff", { email: "ana.ruiz@example.test", name: "Ana Ruiz" });
    const ben = await makeUser(db, "customer", { email: "ben@contoso.test", name: "Ben Okafor" });
    const admin = await makeUser(db, "admin");
    updateUser(db, admin, ben.id, { active: false });
    addComment(db, customer, key, { body: `@ana.ruiz and @ben, is this yours? (cc @${customer.email.split("@")[0]}, @nobody)` });
    const told = noticesOf(ana.id);
    expect(told).toHaveLength(1);
    expect(told[0].text).toMatch(new RegExp(`${customer.name} mentioned you in a comment on ${key}`));
    expect(told[0].link).toMatch(new RegExp(`^/ideas/${key}#comment-\\d+$`));
    // A deactivated account cannot sign in to see the idea: it is not told.
    expect(noticesOf(ben.id)).toHaveLength(0);
    expect(noticesOf(customer.id)).toHaveLength(0);
  });

  it("an edit tells only the people it newly mentions", async () => {
    const { customer, key } = await world();
    const ana = await makeUser(db, "staff", { email: "ana@example.test" });
    const ben = await makeUser(db, "staff", { email: "ben@example.test" });
    const c = addComment(db, customer, key, { body: "@ana can you check the export?" });
    editComment(db, customer, key, c.id, { body: "@ana can you check the export, with @ben?" });
    editComment(db, customer, key, c.id, { body: "@ana and @ben: can you check the export?" });
    expect(noticesOf(ana.id)).toHaveLength(1);
    expect(noticesOf(ben.id)).toHaveLength(1);
  });

  it("a refused edit tells nobody", async () => {
    const { customer, key } = await world();
    const ana = await makeUser(db, "staff", { email: "ana@example.test" });
    const c = addComment(db, customer, key, { body: "Can someone check the export?" });
    refusal(() => editComment(db, customer, key, c.id, { body: "@ana this export is garbage." }));
    expect(noticesOf(ana.id)).toHaveLength(0);
  });
});

describe("the work-around badge in lists", () => {
  it("shows on the ideas with a confirmed work-around that is still up", async () => {
    const { prefix, slug, customer, peer, key } = await world();
    const other = makeIdea(db, customer, prefix, "Operation log of supervisor actions").key;
    const tip = addComment(db, peer, key, { body: "Export the segment table to a sheet meanwhile.", kind: "workaround" });
    addComment(db, peer, other, { body: "Not confirmed by anyone yet.", kind: "workaround" });
    toggleWorkaroundConfirmation(db, customer, key, tip.id);
    const badges = () => Object.fromEntries(listIdeas(db, customer, { portal: slug }).items.map((i) => [i.key, i.workaroundConfirmed]));
    expect(badges()).toEqual({ [key]: true, [other]: false });
    expect(getIdea(db, customer, key).workaroundConfirmed).toBe(true);
    deleteComment(db, peer, key, tip.id);
    expect(badges()).toEqual({ [key]: false, [other]: false });
  });

  it("costs the same queries for a page of two ideas as for a page of eight (no query per row)", async () => {
    const { prefix, slug, customer, peer } = await world();
    const statementsFor = () => {
      const prepare = vi.spyOn(db.$client, "prepare");
      listIdeas(db, customer, { portal: slug });
      const n = prepare.mock.calls.length;
      prepare.mockRestore();
      return n;
    };
    const confirmOn = (key: string) => {
      const tip = addComment(db, peer, key, { body: "Export the segment table to a sheet meanwhile.", kind: "workaround" });
      toggleWorkaroundConfirmation(db, customer, key, tip.id);
    };
    confirmOn(makeIdea(db, customer, prefix, "Operation log of supervisor actions").key);
    const few = statementsFor();
    expect(few).toBeGreaterThan(0);
    for (let i = 0; i < 6; i++) confirmOn(makeIdea(db, customer, prefix, `Wallboard tile for queue number ${i}`).key);
    expect(listIdeas(db, customer, { portal: slug }).items.filter((i) => i.workaroundConfirmed)).toHaveLength(7);
    expect(statementsFor()).toBe(few);
  });
});
