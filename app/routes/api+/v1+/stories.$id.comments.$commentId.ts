import { CommentSchema, deleteStoryComment, editStoryComment, storyCommentJson } from "~/delivery/threads.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { StoryCommentAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  PATCH: endpoint({
    summary: "Edit a comment on a story (its author only); the earlier text is kept, and only members the edit newly @mentions are notified.",
    input: CommentSchema,
    response: StoryCommentAnswerSchema,
    handler: ({ db, user, params, body }) => storyCommentJson(editStoryComment(db, user, idParam(params.id, "story"), idParam(params.commentId, "comment"), body)),
  }),
  DELETE: endpoint({
    summary: "Delete a comment on a story (its author only); it stays in the thread as deleted by its author.",
    status: 204,
    handler: ({ db, user, params }) => {
      deleteStoryComment(db, user, idParam(params.id, "story"), idParam(params.commentId, "comment"));
      return null;
    },
  }),
});
