import { getProject } from "~/delivery/projects.server";
import { projectVelocity } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    handler: ({ db, user, params }) => {
      const { project } = getProject(db, user, idParam(params.id, "project"));
      return projectVelocity(db, project.id).sprints;
    },
  }),
});
