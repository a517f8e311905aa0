import { z } from "zod";
import { NewCommentSchema, addComment, commentJson, listComments } from "~/ideas/comments.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { CommentAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "The comments of an idea the user may see.", response: z.array(CommentAnswerSchema), handler: ({ db, user, params }) => listComments(db, user, params.key ?? "").map(commentJson) }),
  POST: endpoint({ summary: "Comment, post a work-around, or (PMs) an official update.", input: NewCommentSchema, response: CommentAnswerSchema, status: 201, handler: ({ db, user, params, body }) => commentJson(addComment(db, user, params.key ?? "", body)) }),
});
