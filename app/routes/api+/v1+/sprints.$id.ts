import { SprintChangeSchema, sprintJson, updateSprint } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { SprintAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  PATCH: endpoint({ summary: "Change a sprint's goal or capacity, or give a planned sprint a later start (later planned sprints re-lay).", input: SprintChangeSchema, response: SprintAnswerSchema, handler: ({ db, user, params, body }) => sprintJson(updateSprint(db, user, idParam(params.id, "sprint"), body)) }),
});
