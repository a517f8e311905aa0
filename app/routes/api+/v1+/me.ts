import { voteBalance } from "~/ideas/votes.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { MeAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "The token's user and their vote budget.",
    response: MeAnswerSchema,
    handler: ({ db, user }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      company: user.company,
      votes: voteBalance(db, user.id),
    }),
  }),
});
