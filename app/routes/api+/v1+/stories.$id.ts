import { StoryChangeSchema, getStory, storyJson, updateStory } from "~/delivery/stories.server";
import { deleteStory } from "~/delivery/story-removal.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { StoryAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "One story.", response: StoryAnswerSchema, handler: ({ db, user, params }) => storyJson(db, getStory(db, user, idParam(params.id, "story"))) }),
  PATCH: endpoint({ summary: "Change a story: content, type, assignee, status, rank, sprint, feature or test result.", input: StoryChangeSchema, response: StoryAnswerSchema, handler: ({ db, user, params, body }) => storyJson(db, updateStory(db, user, idParam(params.id, "story"), body)) }),
  DELETE: endpoint({
    summary: "Delete a story made by mistake: only one never in a started sprint (else 409; close it as won't do instead).",
    status: 204,
    handler: ({ db, user, params }) => {
      deleteStory(db, user, idParam(params.id, "story"));
      return null;
    },
  }),
});
