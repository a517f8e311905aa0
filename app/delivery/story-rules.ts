/** When a story may be deleted or closed as won't do (SPEC A2). */
import type { StoryEvent } from "./burndown";
import { stateAt } from "./burndown";

type SprintStart = { id: number; startSeq: number };

/**
 * Was the story ever in a sprint once that sprint had started: in it at the start, or moved in
 * afterwards? Read from the story's own events, so a story taken out of a sprint before it
 * started does not count.
 */
export function wasInStartedSprint(events: readonly StoryEvent[], storyId: number, started: readonly SprintStart[]): boolean {
  return started.some(
    (sp) => stateAt(events, sp.startSeq).get(storyId)?.sprintId === sp.id || events.some((e) => e.kind === "sprint" && e.sprintId === sp.id && e.seq > sp.startSeq),
  );
}

/** Why a story cannot be closed as won't do now, or null when it can. */
export function wontDoRefusal(story: { key: string | null; status: string; wontDo: boolean; sprintState: "planned" | "active" | "closed" | null }): string | null {
  const name = story.key ?? "The story";
  if (story.wontDo) return `${name} is already closed as won't do.`;
  if (story.status === "accepted") return `${name} is accepted: it was delivered, so there is nothing to close.`;
  if (story.sprintState === "active") return `${name} is in the running sprint: take it out of the sprint first, or decide it at the demo.`;
  return null;
}
