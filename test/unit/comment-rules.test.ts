import { describe, expect, it } from "vitest";
import { commentChangeRefusal, newMentions, replyKindRefusal, replyParent } from "../../app/ideas/comment-rules";

const up = { authorId: 7, hidden: false, deletedAt: null, kind: "comment" };

describe("who may edit or delete a comment (B6)", () => {
  it("its author may, while it is up", () => {
    expect(commentChangeRefusal(7, up, "edit")).toBeNull();
    expect(commentChangeRefusal(7, up, "delete")).toBeNull();
  });

  it("nobody else may: a PM or an admin hides it with a reason instead", () => {
    expect(commentChangeRefusal(8, up, "edit")).toEqual({ code: "forbidden", message: "Only its author edits a comment." });
    expect(commentChangeRefusal(8, up, "delete")?.code).toBe("forbidden");
  });

  it("a deleted comment stays deleted, and a hidden one cannot be rewritten by its author", () => {
    expect(commentChangeRefusal(7, { ...up, deletedAt: "2026-11-02T09:00:00.000Z" }, "edit")?.code).toBe("conflict");
    expect(commentChangeRefusal(7, { ...up, deletedAt: "2026-11-02T09:00:00.000Z" }, "delete")?.code).toBe("conflict");
    expect(commentChangeRefusal(7, { ...up, hidden: true }, "edit")).toMatchObject({ code: "conflict", message: expect.stringMatching(/hid/) });
  });

  it("asks who is changing it before the state: someone else learns nothing about a deleted comment", () => {
    expect(commentChangeRefusal(8, { ...up, deletedAt: "2026-11-02T09:00:00.000Z" }, "edit")?.code).toBe("forbidden");
  });
});

describe("replies are one level deep", () => {
  const top = { id: 1, parentId: null, hidden: false, deletedAt: null };
  const reply = { id: 2, parentId: 1, hidden: false, deletedAt: null };

  it("a reply to a top-level comment hangs under it", () => {
    expect(replyParent(top)).toEqual({ parentId: 1 });
  });

  it("a reply to a reply joins the same thread, under its top-level comment (as in Canny and Fider)", () => {
    expect(replyParent(reply, top)).toEqual({ parentId: 1 });
  });

  it("a thread whose top comment is deleted or hidden takes no new replies", () => {
    expect(replyParent({ ...top, deletedAt: "2026-11-02T09:00:00.000Z" })).toMatchObject({ code: "conflict" });
    expect(replyParent(reply, { ...top, hidden: true })).toMatchObject({ code: "conflict" });
    expect(replyParent({ ...reply, deletedAt: "2026-11-02T09:00:00.000Z" }, top)).toMatchObject({ code: "conflict" });
  });

  it("an official update starts its own thread; comments and work-arounds may be replies", () => {
    expect(replyKindRefusal("official")?.code).toBe("conflict");
    expect(replyKindRefusal("comment")).toBeNull();
    expect(replyKindRefusal("workaround")).toBeNull();
  });
});

describe("mentions an edit adds", () => {
  it("only handles that were not in the earlier text", () => {
    expect(newMentions("Thanks @ana", "Thanks @ana and @Ben.")).toEqual(["ben"]);
  });

  it("none when the edit only rewords around the same people", () => {
    expect(newMentions("@ana can you check?", "@ANA could you check, please?")).toEqual([]);
  });

  it("all of them for a first text", () => {
    expect(newMentions("", "@ana @ben")).toEqual(["ana", "ben"]);
  });
});
