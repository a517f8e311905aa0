import { listBacklog, storyJson } from "~/delivery/stories.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    handler: ({ db, user, params, request }) =>
      listBacklog(db, user, idParam(params.id, "project"), Object.fromEntries(new URL(request.url).searchParams)).map(storyJson),
  }),
});
