import { EditIdeaSchema, editIdea, getIdea, ideaJson } from "~/ideas/ideas.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { IdeaAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "One idea.", response: IdeaAnswerSchema, handler: ({ db, user, params }) => ideaJson(getIdea(db, user, params.key ?? "")) }),
  PATCH: endpoint({
    summary: "Edit an idea (its author in Community Review, or a PM).",
    input: EditIdeaSchema,
    response: IdeaAnswerSchema,
    handler: ({ db, user, params, body }) => {
      editIdea(db, user, params.key ?? "", body);
      return ideaJson(getIdea(db, user, params.key ?? ""));
    },
  }),
});
