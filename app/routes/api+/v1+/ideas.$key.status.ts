import { getIdea, ideaJson } from "~/ideas/ideas.server";
import { MoveSchema, moveIdea } from "~/ideas/idea-moves.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { IdeaAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    summary: "Move an idea to another status with a public note (PMs).",
    input: MoveSchema,
    response: IdeaAnswerSchema,
    handler: ({ db, user, params, body }) => {
      moveIdea(db, user, params.key ?? "", body);
      return ideaJson(getIdea(db, user, params.key ?? ""));
    },
  }),
});
