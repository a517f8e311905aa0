import { z } from "zod";
import { listPortals, portalJson } from "~/ideas/portals.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { PortalAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "Every portal with its categories.", response: z.array(PortalAnswerSchema), handler: ({ db, user }) => listPortals(db, user).map(portalJson) }),
});
