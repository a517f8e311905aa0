import { releasePlan, releasePlanJson } from "~/delivery/release.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ handler: ({ db, user, params }) => releasePlanJson(releasePlan(db, user, idParam(params.id, "project"))) }),
});
