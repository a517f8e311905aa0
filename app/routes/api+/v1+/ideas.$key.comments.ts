import { addComment, commentJson, listComments } from "~/ideas/comments.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ handler: ({ db, user, params }) => listComments(db, user, params.key ?? "").map(commentJson) }),
  POST: endpoint({ status: 201, handler: ({ db, user, params, body }) => commentJson(addComment(db, user, params.key ?? "", body)) }),
});
