import { goLiveJson } from "~/delivery/release.server";
import { GoLiveDoneSchema, markGoLiveDone } from "~/ideas-delivery/go-live-done.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { GoLiveDoneAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    summary: "Mark a go-live done with its release note; linked ideas whose features all shipped become Delivered.",
    input: GoLiveDoneSchema,
    response: GoLiveDoneAnswerSchema,
    handler: ({ db, user, params, body }) => {
      const done = markGoLiveDone(db, user, idParam(params.id, "go-live"), body);
      return { ...goLiveJson(done), deliveredIdeas: done.deliveredIdeas };
    },
  }),
});
