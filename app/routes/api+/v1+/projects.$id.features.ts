import { FeatureSchema, createFeature } from "~/delivery/stories.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { FeatureAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ summary: "Add a feature to the project.", input: FeatureSchema, response: FeatureAnswerSchema, status: 201, handler: ({ db, user, params, body }) => createFeature(db, user, idParam(params.id, "project"), body) }),
});
