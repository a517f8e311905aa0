import { editIdea, getIdea, ideaJson } from "~/ideas/ideas.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ handler: ({ db, user, params }) => ideaJson(getIdea(db, user, params.key ?? "")) }),
  PATCH: endpoint({
    handler: ({ db, user, params, body }) => {
      editIdea(db, user, params.key ?? "", body);
      return ideaJson(getIdea(db, user, params.key ?? ""));
    },
  }),
});
