import { createIdea, getIdea, ideaJson, summaryJson } from "~/ideas/ideas.server";
import { listIdeas } from "~/ideas/idea-lists.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    handler: ({ db, user, request }) => {
      const page = listIdeas(db, user, Object.fromEntries(new URL(request.url).searchParams));
      return { ...page, items: page.items.map(summaryJson) };
    },
  }),
  POST: endpoint({
    status: 201,
    handler: ({ db, user, body }) => ideaJson(getIdea(db, user, createIdea(db, user, body).key)),
  }),
});
