import { GoLiveSchema, createGoLive, goLiveJson } from "~/delivery/release.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { GoLiveAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ summary: "Plan a go-live: a sprint and at least one feature.", input: GoLiveSchema, response: GoLiveAnswerSchema, status: 201, handler: ({ db, user, params, body }) => goLiveJson(createGoLive(db, user, idParam(params.id, "project"), body)) }),
});
