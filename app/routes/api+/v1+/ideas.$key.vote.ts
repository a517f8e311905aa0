import { castVote, withdrawVote } from "~/ideas/votes.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ handler: ({ db, user, params }) => castVote(db, user, params.key ?? "") }),
  DELETE: endpoint({ handler: ({ db, user, params }) => withdrawVote(db, user, params.key ?? "") }),
});
