/**
 * Who may change a comment once it is written, wherever comments are (the Ideas Lab's and a
 * story's thread; decision 11): only its author, and only while it is not deleted. Nobody
 * rewrites someone else's words; the row stays and the earlier text is kept.
 */

export type Refusal = { code: "forbidden" | "conflict"; message: string };

export type ChangeableComment = { authorId: number; deletedAt: string | null };

export function authorChangeRefusal(actorId: number, comment: ChangeableComment, change: "edit" | "delete"): Refusal | null {
  if (comment.authorId !== actorId) {
    return { code: "forbidden", message: change === "edit" ? "Only its author edits a comment." : "Only its author deletes a comment." };
  }
  if (comment.deletedAt) return { code: "conflict", message: "That comment was deleted." };
  return null;
}
