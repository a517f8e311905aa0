import { globalCan } from "~/auth/permissions";
import { UserChangeSchema, getUserById, updateUser, userJson } from "~/auth/users.server";
import { DomainError } from "~/lib/errors";
import { apiRoute, endpoint, idParam, requireApiPermission } from "~/web/api.server";
import { UserAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "One user (admin).",
    response: UserAnswerSchema,
    handler: ({ db, user, params }) => {
      requireApiPermission(globalCan(user.role, "admin.users"));
      const found = getUserById(db, idParam(params.id, "user"));
      if (!found) throw new DomainError("not_found", "No such user.");
      return userJson(found);
    },
  }),
  PATCH: endpoint({
    summary: "Change a user's role, company or active flag (admin; audited).",
    input: UserChangeSchema,
    response: UserAnswerSchema,
    handler: ({ db, user, params, body }) => {
      requireApiPermission(globalCan(user.role, "admin.users"));
      return userJson(updateUser(db, user, idParam(params.id, "user"), body));
    },
  }),
});
