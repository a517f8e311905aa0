import { sprintJson, startSprint } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { SprintAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ summary: "Start a planned sprint.", response: SprintAnswerSchema, handler: ({ db, user, params }) => sprintJson(startSprint(db, user, idParam(params.id, "sprint"))) }),
});
