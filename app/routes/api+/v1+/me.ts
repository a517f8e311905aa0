import { voteBalance } from "~/ideas/votes.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
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
