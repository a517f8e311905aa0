import { apiRoute, endpoint } from "~/lib/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    handler: ({ user }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      company: user.company,
      // The vote ledger arrives with the Ideas Lab; until then every user holds the base budget unspent.
      votes: { budget: 10, used: 0, available: 10 },
    }),
  }),
});
