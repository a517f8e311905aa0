import { grantVotes } from "~/ideas/votes.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    status: 201,
    handler: ({ db, user, params, body }) => ({ budget: grantVotes(db, user, idParam(params.id, "user"), body).budget }),
  }),
});
