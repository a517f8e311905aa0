import { generateSprints, sprintJson } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ status: 201, handler: ({ db, user, params, body }) => generateSprints(db, user, idParam(params.id, "project"), body).map(sprintJson) }),
});
