import { getPortal, portalJson, updatePortal } from "~/ideas/portals.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ handler: ({ db, params }) => portalJson(getPortal(db, params.slug ?? "")) }),
  PATCH: endpoint({ handler: ({ db, user, params, body }) => portalJson(updatePortal(db, user, params.slug ?? "", body)) }),
});
