import { decideAtDemo } from "~/delivery/demo.server";
import { storyJson } from "~/delivery/stories.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ handler: ({ db, user, params, body }) => storyJson(decideAtDemo(db, user, idParam(params.id, "sprint"), body)) }),
});
