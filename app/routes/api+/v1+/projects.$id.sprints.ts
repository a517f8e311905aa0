import { z } from "zod";
import { GenerateSprintsSchema, generateSprints, sprintJson } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { SprintAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ summary: "Generate the next sprints.", input: GenerateSprintsSchema, response: z.array(SprintAnswerSchema), status: 201, handler: ({ db, user, params, body }) => generateSprints(db, user, idParam(params.id, "project"), body).map(sprintJson) }),
});
