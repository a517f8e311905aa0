import { z } from "zod";
import { BacklogFilterSchema, listBacklog, storiesJson } from "~/delivery/stories.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { StoryAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "Every story of the project in rank order; `sprint=none` for unplanned ones only; stories closed as won't do only with `wontDo=yes`.",
    query: BacklogFilterSchema,
    response: z.array(StoryAnswerSchema),
    handler: ({ db, user, params, request }) =>
      storiesJson(db, listBacklog(db, user, idParam(params.id, "project"), Object.fromEntries(new URL(request.url).searchParams))),
  }),
});
