import { MemberChangeSchema, changeMember, removeMember } from "~/delivery/members.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { MemberAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  PATCH: endpoint({
    summary: "Change a member's project role or side; the project's only scrum master keeps the role (409).",
    input: MemberChangeSchema,
    response: MemberAnswerSchema,
    handler: ({ db, user, params, body }) => changeMember(db, user, idParam(params.id, "project"), idParam(params.userId, "member"), body),
  }),
  DELETE: endpoint({
    summary: "Remove a member: their history stays, their stories in the project become unassigned; not the only scrum master (409).",
    status: 204,
    handler: ({ db, user, params }) => {
      removeMember(db, user, idParam(params.id, "project"), idParam(params.userId, "member"));
      return null;
    },
  }),
});
