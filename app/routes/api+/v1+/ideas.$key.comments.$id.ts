import { EditCommentSchema, commentJson, deleteComment, editComment } from "~/ideas/comments.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { CommentAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  PATCH: endpoint({
    summary: "Edit a comment (its author); the earlier text is kept for PMs and admins.",
    input: EditCommentSchema,
    response: CommentAnswerSchema,
    handler: ({ db, user, params, body }) => commentJson(editComment(db, user, params.key ?? "", idParam(params.id, "comment"), body)),
  }),
  DELETE: endpoint({
    summary: "Delete a comment (its author); it shows as deleted by its author.",
    status: 204,
    handler: ({ db, user, params }) => {
      deleteComment(db, user, params.key ?? "", idParam(params.id, "comment"));
      return null;
    },
  }),
});
