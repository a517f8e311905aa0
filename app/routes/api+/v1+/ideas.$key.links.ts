import { LinkSchema, linkIdea } from "~/ideas-delivery/links.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { IdeaLinkAnswerSchema } from "~/web/api-answers.server";

/** `POST /ideas/:key/links { featureId }` (API.md): pm and admin link an idea to a delivery feature. */
export const { loader, action } = apiRoute({
  POST: endpoint({ summary: "Link an idea to a delivery feature (pm, admin).", input: LinkSchema, response: IdeaLinkAnswerSchema, status: 201, handler: ({ db, user, params, body }) => linkIdea(db, user, params.key ?? "", body) }),
});
