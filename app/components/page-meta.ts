import type { MetaDescriptor } from "@remix-run/node";

/** What a page says of itself when it has nothing more particular to say. */
export const DEFAULT_DESCRIPTION =
  "Sprintlab: delivery projects, backlogs, sprints, demos and go-lives, and the Ideas Lab where customers suggest and vote on ideas.";

/**
 * A page's title and its description, the one way routes fill the head: a route's meta replaces
 * its parents' in Remix, so each one names both or the description would be lost.
 */
export function pageMeta(title: string, description: string = DEFAULT_DESCRIPTION): MetaDescriptor[] {
  return [{ title }, { name: "description", content: description }];
}
