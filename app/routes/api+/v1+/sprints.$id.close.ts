import { CloseSprintSchema, closeSprint, sprintJson } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { SprintAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ summary: "Close the active sprint; unfinished stories go to the backlog or the next sprint.", input: CloseSprintSchema, response: SprintAnswerSchema, handler: ({ db, user, params, body }) => sprintJson(closeSprint(db, user, idParam(params.id, "sprint"), body)) }),
});
