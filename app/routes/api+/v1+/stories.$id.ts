import { getStory, storyJson, updateStory } from "~/delivery/stories.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ handler: ({ db, user, params }) => storyJson(getStory(db, user, idParam(params.id, "story"))) }),
  PATCH: endpoint({ handler: ({ db, user, params, body }) => storyJson(updateStory(db, user, idParam(params.id, "story"), body)) }),
});
