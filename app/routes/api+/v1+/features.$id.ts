import { FeatureChangeSchema, updateFeature } from "~/delivery/feature-edits.server";
import { deleteFeature } from "~/ideas-delivery/feature-removal.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { FeatureAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  PATCH: endpoint({ summary: "Rename a feature or change its description.", input: FeatureChangeSchema, response: FeatureAnswerSchema, handler: ({ db, user, params, body }) => updateFeature(db, user, idParam(params.id, "feature"), body) }),
  DELETE: endpoint({
    summary: "Delete a feature made by mistake: only when no story belongs to it (else 409, counting them; move them to another feature first).",
    status: 204,
    handler: ({ db, user, params }) => {
      deleteFeature(db, user, idParam(params.id, "feature"));
      return null;
    },
  }),
});
