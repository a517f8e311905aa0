import { getIdea, ideaJson } from "~/ideas/ideas.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    handler: ({ db, user, params, body }) => {
      moveIdea(db, user, params.key ?? "", body);
      return ideaJson(getIdea(db, user, params.key ?? ""));
    },
  }),
});
