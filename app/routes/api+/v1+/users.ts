import { globalCan } from "~/auth/permissions";
import { createUser, listUsers, userJson } from "~/auth/users.server";
import { apiRoute, endpoint, requireApiPermission } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    handler: ({ db, user }) => {
      requireApiPermission(globalCan(user.role, "admin.users"));
      return listUsers(db).map(userJson);
    },
  }),
  POST: endpoint({
    status: 201,
    handler: async ({ db, user, body }) => {
      requireApiPermission(globalCan(user.role, "admin.users"));
      return userJson(await createUser(db, user, body));
    },
  }),
});
