import { GoLiveChangeSchema, deleteGoLive, updateGoLive } from "~/delivery/go-live-edits.server";
import { goLiveJson } from "~/delivery/release.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { GoLiveAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  PATCH: endpoint({
    summary: "Change a go-live: name, sprint, scope, cutover (with a reason), hypercare end, release-note link; logged. A done go-live changes only its name and hypercare.",
    input: GoLiveChangeSchema,
    response: GoLiveAnswerSchema,
    handler: ({ db, user, params, body }) => goLiveJson(updateGoLive(db, user, idParam(params.id, "go-live"), body)),
  }),
  DELETE: endpoint({
    summary: "Delete a go-live made by mistake: only while not done and without a go / no-go (else 409); its features go back to unplanned.",
    status: 204,
    handler: ({ db, user, params }) => {
      deleteGoLive(db, user, idParam(params.id, "go-live"));
      return null;
    },
  }),
});
