import { sprintJson, startSprint } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ handler: ({ db, user, params }) => sprintJson(startSprint(db, user, idParam(params.id, "sprint"))) }),
});
