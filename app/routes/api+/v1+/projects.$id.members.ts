import { MemberSchema, addMember } from "~/delivery/projects.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { MemberAddedAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    summary: "Add a member to the project with a project role.",
    input: MemberSchema,
    response: MemberAddedAnswerSchema,
    status: 201,
    handler: ({ db, user, params, body }) => {
      addMember(db, user, idParam(params.id, "project"), body);
      return { ok: true };
    },
  }),
});
