import { projectJson } from "~/delivery/projects.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { ProjectAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "One project with its kickoff, members and go-lives.", response: ProjectAnswerSchema, handler: ({ db, user, params }) => projectJson(db, user, idParam(params.id, "project")) }),
});
