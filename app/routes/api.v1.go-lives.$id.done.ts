import { goLiveJson, markGoLiveDone } from "~/delivery/release.server";
import { apiRoute, endpoint, idParam } from "~/lib/api.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ handler: ({ db, user, params, body }) => goLiveJson(markGoLiveDone(db, user, idParam(params.id, "go-live"), body)) }),
});
