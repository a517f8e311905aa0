import { GrantSchema, grantVotes } from "~/ideas/votes.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { GrantAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    summary: "Grant a user extra votes with a reason (admin).",
    input: GrantSchema,
    response: GrantAnswerSchema,
    status: 201,
    handler: ({ db, user, params, body }) => ({ budget: grantVotes(db, user, idParam(params.id, "user"), body).budget }),
  }),
});
