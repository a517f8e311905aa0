import { z } from "zod";
import { ProjectSchema, createProject, listProjects, projectJson, projectPhase } from "~/delivery/projects.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { ProjectAnswerSchema, ProjectListItemAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "The projects the user may see.",
    response: z.array(ProjectListItemAnswerSchema),
    handler: ({ db, user }) => listProjects(db, user).map((p) => ({ id: p.id, name: p.name, customer: p.customer, kind: p.kind, phase: projectPhase(db, p) })),
  }),
  POST: endpoint({ summary: "Create a project (admin, staff).", input: ProjectSchema, response: ProjectAnswerSchema, status: 201, handler: ({ db, user, body }) => projectJson(db, user, createProject(db, user, body).id) }),
});
