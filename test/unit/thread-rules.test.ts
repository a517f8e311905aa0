import { describe, expect, it } from "vitest";
import { attachmentRemovalRefusal, storyCommentChangeRefusal } from "../../app/delivery/thread-rules";
import { newMentions } from "../../app/lib/mentions";

describe("a story thread's rules (issue 13)", () => {
  it("only its author changes a comment, not once deleted, never a demo or test note", () => {
    expect(storyCommentChangeRefusal(1, { authorId: 1, deletedAt: null, kind: "comment" }, "edit")).toBeNull();
    expect(storyCommentChangeRefusal(2, { authorId: 1, deletedAt: null, kind: "comment" }, "edit")?.code).toBe("forbidden");
    expect(storyCommentChangeRefusal(1, { authorId: 1, deletedAt: "2026-01-01T00:00:00Z", kind: "comment" }, "delete")?.code).toBe("conflict");
    expect(storyCommentChangeRefusal(1, { authorId: 1, deletedAt: null, kind: "test" }, "edit")?.message).toBe("A customer-test note is part of that record; it is not edited.");
  });

  it("its uploader or the scrum master removes an attachment, once", () => {
    expect(attachmentRemovalRefusal(1, false, { uploadedById: 1, removedAt: null })).toBeNull();
    expect(attachmentRemovalRefusal(2, true, { uploadedById: 1, removedAt: null })).toBeNull();
    expect(attachmentRemovalRefusal(2, false, { uploadedById: 1, removedAt: null })?.code).toBe("forbidden");
    expect(attachmentRemovalRefusal(1, false, { uploadedById: 1, removedAt: "2026-01-01T00:00:00Z" })?.code).toBe("conflict");
  });

  it("an edit tells only the handles it adds", () => {
    expect(newMentions("hi @ana", "hi @ana and @bo")).toEqual(["bo"]);
  });
});
