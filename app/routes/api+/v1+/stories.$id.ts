import { StoryChangeSchema, getStory, storyJson, updateStory } from "~/delivery/stories.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { StoryAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "One story.", response: StoryAnswerSchema, handler: ({ db, user, params }) => storyJson(getStory(db, user, idParam(params.id, "story"))) }),
  PATCH: endpoint({ summary: "Change a story: content, status, rank, sprint, feature or test result.", input: StoryChangeSchema, response: StoryAnswerSchema, handler: ({ db, user, params, body }) => storyJson(updateStory(db, user, idParam(params.id, "story"), body)) }),
});
