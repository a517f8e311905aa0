import { castVote, withdrawVote } from "~/ideas/votes.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { VoteAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ summary: "Vote for an idea (one vote of the budget).", response: VoteAnswerSchema, handler: ({ db, user, params }) => castVote(db, user, params.key ?? "") }),
  DELETE: endpoint({ summary: "Take a vote back.", response: VoteAnswerSchema, handler: ({ db, user, params }) => withdrawVote(db, user, params.key ?? "") }),
});
