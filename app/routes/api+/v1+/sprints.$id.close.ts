import { closeSprint, sprintJson } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ handler: ({ db, user, params, body }) => sprintJson(closeSprint(db, user, idParam(params.id, "sprint"), body)) }),
});
