import { addMember } from "~/delivery/projects.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    status: 201,
    handler: ({ db, user, params, body }) => {
      addMember(db, user, idParam(params.id, "project"), body);
      return { ok: true };
    },
  }),
});
