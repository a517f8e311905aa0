import { goLiveJson } from "~/delivery/release.server";
import { markGoLiveDone } from "~/ideas-delivery/go-live-done.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    handler: ({ db, user, params, body }) => {
      const done = markGoLiveDone(db, user, idParam(params.id, "go-live"), body);
      return { ...goLiveJson(done), deliveredIdeas: done.deliveredIdeas };
    },
  }),
});
