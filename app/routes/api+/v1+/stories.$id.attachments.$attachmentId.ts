import { removeAttachment } from "~/delivery/threads.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  DELETE: endpoint({
    summary: "Remove a link or file from a story (whoever attached it, or the scrum master); a file is deleted, and the story's history records the removal.",
    status: 204,
    handler: ({ db, user, params }) => {
      removeAttachment(db, user, idParam(params.id, "story"), idParam(params.attachmentId, "attachment"));
      return null;
    },
  }),
});
