import { MemberChangeSchema, changeMember, removeMember } from "~/delivery/members.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { MemberAnswerSchema, MemberRemovedAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  PATCH: endpoint({
    summary: "Change a member's project role or side; the project's only scrum master keeps the role (409).",
    input: MemberChangeSchema,
    response: MemberAnswerSchema,
    handler: ({ db, user, params, body }) => changeMember(db, user, idParam(params.id, "project"), idParam(params.userId, "member"), body),
  }),
  DELETE: endpoint({
    summary:
      "Remove a member: their history stays; in the project their stories become unassigned, their open blockers and open retrospective actions lose their owner, their days off from today on (not in closed sprints) go. Answers the counts. Not the only scrum master (409).",
    response: MemberRemovedAnswerSchema,
    handler: ({ db, user, params }) => {
      const gone = removeMember(db, user, idParam(params.id, "project"), idParam(params.userId, "member"));
      return { name: gone.name, unassignedStories: gone.unassigned, ownerlessBlockers: gone.blockers, ownerlessRetroActions: gone.retroActions, removedDaysOff: gone.daysOff };
    },
  }),
});
