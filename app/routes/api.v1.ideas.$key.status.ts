import { getIdea, ideaJson, moveIdea } from "~/ideas/ideas.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    handler: ({ db, user, params, body }) => {
      moveIdea(db, user, params.key ?? "", body);
      return ideaJson(getIdea(db, user, params.key ?? ""));
    },
  }),
});
