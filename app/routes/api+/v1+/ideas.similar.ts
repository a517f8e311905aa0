import { summaryJson } from "~/ideas/ideas.server";
import { SimilarSchema, similarIdeasFor } from "~/ideas/idea-lists.server";
import { apiRoute, endpoint } from "~/web/api.server";
import { IdeaSummaryAnswerSchema } from "~/web/api-answers.server";
import { z } from "zod";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "Up to five ideas like the text (the intake's similar-ideas lookup), tolerant of typos, compounds and spacing, from every portal, best first.",
    query: SimilarSchema,
    response: z.array(IdeaSummaryAnswerSchema),
    handler: ({ db, user, request }) => similarIdeasFor(db, user, Object.fromEntries(new URL(request.url).searchParams)).map(summaryJson),
  }),
});
