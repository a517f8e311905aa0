import { summaryJson } from "~/ideas/ideas.server";
import { SearchSchema, search } from "~/ideas-delivery/search.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { SearchAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "Stories (by key or words) and ideas (by key or words) the user may see: an exact key first, then up to ten of each, best match first.",
    query: SearchSchema,
    response: SearchAnswerSchema,
    handler: ({ db, user, request }) => {
      const found = search(db, user, Object.fromEntries(new URL(request.url).searchParams));
      return { stories: found.stories, ideas: found.ideas.map(summaryJson), exact: found.exact };
    },
  }),
});
