import { listPortals, portalJson } from "~/ideas/portals.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ handler: ({ db }) => listPortals(db).map(portalJson) }),
});
