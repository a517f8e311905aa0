import { NewStorySchema, createStory, storyJson } from "~/delivery/stories.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { StoryAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ summary: "Add a story at the bottom of the backlog.", input: NewStorySchema, response: StoryAnswerSchema, status: 201, handler: ({ db, user, params, body }) => storyJson(db, createStory(db, user, idParam(params.id, "project"), body)) }),
});
