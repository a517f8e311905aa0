import { DemoSchema, decideAtDemo } from "~/delivery/demo.server";
import { storyJson } from "~/delivery/stories.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { StoryAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  POST: endpoint({ summary: "Record a demo decision on a story (co-product owner, or scrum master on behalf of one).", input: DemoSchema, response: StoryAnswerSchema, handler: ({ db, user, params, body }) => storyJson(db, decideAtDemo(db, user, idParam(params.id, "sprint"), body)) }),
});
