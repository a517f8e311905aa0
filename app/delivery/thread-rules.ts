import { authorChangeRefusal, type Refusal } from "../lib/comment-changes";

/**
 * The rules of a story's thread that need no database (issue 13, decision 11): who may change a
 * comment or remove an attachment, and what a page asks before it does so.
 */

export type StoryCommentState = { authorId: number; deletedAt: string | null; kind: string };

/**
 * Only its author edits or deletes a comment (the scrum master included: nobody rewrites another
 * person's words). A demo decision's or customer test's note is part of that record, not a
 * comment: it is never edited or deleted.
 */
export function storyCommentChangeRefusal(actorId: number, comment: StoryCommentState, change: "edit" | "delete"): Refusal | null {
  const refusal = authorChangeRefusal(actorId, comment, change);
  if (refusal) return refusal;
  if (comment.kind !== "comment") return { code: "conflict", message: `A ${comment.kind === "demo" ? "demo" : "customer-test"} note is part of that record; it is not ${change === "edit" ? "edited" : "deleted"}.` };
  return null;
}

export type AttachmentState = { uploadedById: number; removedAt: string | null };

/** Its uploader or the project's scrum master (and admins) removes an attachment, once. */
export function attachmentRemovalRefusal(actorId: number, managesProject: boolean, attachment: AttachmentState): Refusal | null {
  if (attachment.uploadedById !== actorId && !managesProject) return { code: "forbidden", message: "Only whoever attached it, or the scrum master, removes an attachment." };
  if (attachment.removedAt) return { code: "conflict", message: "That attachment was removed already." };
  return null;
}

/** What a page's delete step asks the author to confirm (the API does not ask). */
export const STORY_COMMENT_DELETE_CONSEQUENCE = "Your comment will show as “deleted by its author” to everyone in the project.";

/** What a page's remove step asks (the API does not ask). */
export function attachmentRemovalConsequence(attachment: { name: string; kind: "link" | "file" }): string {
  return attachment.kind === "file"
    ? `The file “${attachment.name}” is removed from the story and deleted; the story's history keeps a line saying you removed it.`
    : `The link “${attachment.name}” is removed from the story; the story's history keeps a line saying you removed it.`;
}
