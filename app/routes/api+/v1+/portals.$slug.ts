import { PortalChangeSchema, getPortal, portalJson, updatePortal } from "~/ideas/portals.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { PortalAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "One portal with its categories.", response: PortalAnswerSchema, handler: ({ db, params, user }) => portalJson(getPortal(db, params.slug ?? "", user)) }),
  PATCH: endpoint({ summary: "Rename a portal or change its vote threshold (admin).", input: PortalChangeSchema, response: PortalAnswerSchema, handler: ({ db, user, params, body }) => portalJson(updatePortal(db, user, params.slug ?? "", body)) }),
});
