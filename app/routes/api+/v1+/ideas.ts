import { NewIdeaSchema, createIdea, getIdea, ideaJson, summaryJson } from "~/ideas/ideas.server";
import { ListFiltersSchema, listIdeas } from "~/ideas/idea-lists.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { IdeaAnswerSchema, IdeaPageAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "A page of ideas, filtered and sorted.",
    query: ListFiltersSchema,
    response: IdeaPageAnswerSchema,
    handler: ({ db, user, request }) => {
      const page = listIdeas(db, user, Object.fromEntries(new URL(request.url).searchParams));
      return { ...page, items: page.items.map(summaryJson) };
    },
  }),
  POST: endpoint({
    summary: "Submit an idea in a category.",
    input: NewIdeaSchema,
    response: IdeaAnswerSchema,
    status: 201,
    handler: ({ db, user, body }) => ideaJson(getIdea(db, user, createIdea(db, user, body).key)),
  }),
});
