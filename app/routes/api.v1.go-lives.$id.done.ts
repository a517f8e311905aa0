import { goLiveJson, markGoLiveDone } from "~/delivery/release.server";
import { apiRoute, endpoint, idParam } from "~/lib/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    handler: ({ db, user, params, body }) => {
      const done = markGoLiveDone(db, user, idParam(params.id, "go-live"), body);
      return { ...goLiveJson(done), deliveredIdeas: done.deliveredIdeas };
    },
  }),
});
