import { authorChangeRefusal, type Refusal } from "../lib/comment-changes";

export { newMentions } from "../lib/mentions";
export type { Refusal };

/**
 * The rules of an idea's comments that need no database (SPEC B6): who may change a comment,
 * where a reply goes, and whom an edit newly mentions.
 */

export type CommentState = { authorId: number; hidden: boolean; deletedAt: string | null; kind: string };

/**
 * Only its author edits or deletes a comment, and only while it is up: a PM's hiding stands (the
 * author cannot rewrite what was hidden), and a deleted comment stays deleted. PMs and admins
 * answer someone else's comment by hiding it with a reason, not by changing its words.
 */
export function commentChangeRefusal(actorId: number, comment: CommentState, change: "edit" | "delete"): Refusal | null {
  const refusal = authorChangeRefusal(actorId, comment, change);
  if (refusal) return refusal;
  if (comment.hidden) return { code: "conflict", message: "A product manager hid that comment; it cannot be changed." };
  return null;
}

export type ReplyTarget = { id: number; parentId: number | null; hidden: boolean; deletedAt: string | null };

/**
 * Replies are one level deep. A reply to a reply joins the same thread, under its top-level
 * comment — as in Canny and Fider, where "Reply" under a reply adds to the conversation rather
 * than refusing or nesting deeper: the person typed an answer and it should land where that
 * conversation is read. A thread whose top comment is hidden or deleted takes no new replies.
 */
export function replyParent(target: ReplyTarget, top: ReplyTarget = target): { parentId: number } | Refusal {
  const parent = target.parentId === null ? target : top;
  if (parent.deletedAt || target.deletedAt) return { code: "conflict", message: "That comment was deleted by its author; start a new comment instead." };
  if (parent.hidden || target.hidden) return { code: "conflict", message: "That comment is hidden; start a new comment instead." };
  return { parentId: parent.id };
}

/** An official update is the PM's word on the idea: it starts a thread, it is never a reply. */
export function replyKindRefusal(kind: string): Refusal | null {
  return kind === "official" ? { code: "conflict", message: "An official update is posted on its own, not as a reply." } : null;
}

/** What a page's delete step asks the author to confirm (the API does not ask). */
export const DELETE_CONSEQUENCE = "Your comment will show as “deleted by its author” to everyone; replies to it stay.";
