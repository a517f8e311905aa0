import { z } from "zod";
import { globalCan } from "~/auth/permissions";
import { NewUserSchema, createUser, listUsers, userJson } from "~/auth/users.server";
import { apiRoute, endpoint, requireApiPermission } from "~/web/api.server";
import { UserAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "Every user (admin).",
    response: z.array(UserAnswerSchema),
    handler: ({ db, user }) => {
      requireApiPermission(globalCan(user.role, "admin.users"));
      return listUsers(db).map(userJson);
    },
  }),
  POST: endpoint({
    summary: "Create a user (admin).",
    input: NewUserSchema,
    response: UserAnswerSchema,
    status: 201,
    handler: async ({ db, user, body }) => {
      requireApiPermission(globalCan(user.role, "admin.users"));
      return userJson(await createUser(db, user, body));
    },
  }),
});
