import { createProject, listProjects, projectJson, projectPhase } from "~/delivery/projects.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    handler: ({ db, user }) => listProjects(db, user).map((p) => ({ id: p.id, name: p.name, customer: p.customer, kind: p.kind, phase: projectPhase(db, p) })),
  }),
  POST: endpoint({ status: 201, handler: ({ db, user, body }) => projectJson(db, user, createProject(db, user, body).id) }),
});
