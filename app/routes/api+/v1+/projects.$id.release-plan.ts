import { releasePlan, releasePlanJson } from "~/delivery/release.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { ReleasePlanAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "Kickoff, sprints and go-lives with their forecast.", response: ReleasePlanAnswerSchema, handler: ({ db, user, params }) => releasePlanJson(releasePlan(db, user, idParam(params.id, "project"))) }),
});
