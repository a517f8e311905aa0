import { projectJson } from "~/delivery/projects.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ handler: ({ db, user, params }) => projectJson(db, user, idParam(params.id, "project")) }),
});
