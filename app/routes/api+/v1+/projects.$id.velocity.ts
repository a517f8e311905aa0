import { getProject } from "~/delivery/projects.server";
import { projectVelocity } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { VelocityAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "Committed and accepted points of the last closed sprints.",
    response: VelocityAnswerSchema,
    handler: ({ db, user, params }) => {
      const { project } = getProject(db, user, idParam(params.id, "project"));
      return projectVelocity(db, project.id).sprints;
    },
  }),
});
