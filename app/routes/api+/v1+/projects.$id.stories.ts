import { createStory, storyJson } from "~/delivery/stories.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ status: 201, handler: ({ db, user, params, body }) => storyJson(createStory(db, user, idParam(params.id, "project"), body)) }),
});
