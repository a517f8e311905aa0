import { storyJson } from "~/delivery/stories.server";
import { WontDoSchema, closeAsWontDo, restoreStory } from "~/delivery/story-removal.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { StoryAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({
    summary: "Close a story as won't do, with a reason: not accepted and not in the running sprint; it leaves the backlog and the forecast.",
    input: WontDoSchema,
    response: StoryAnswerSchema,
    handler: ({ db, user, params, body }) => storyJson(db, closeAsWontDo(db, user, idParam(params.id, "story"), body)),
  }),
  DELETE: endpoint({
    summary: "Restore a story closed as won't do to the backlog.",
    response: StoryAnswerSchema,
    handler: ({ db, user, params }) => storyJson(db, restoreStory(db, user, idParam(params.id, "story"))),
  }),
});
