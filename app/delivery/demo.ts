export type DemoDecision = "accept" | "accept_with_follow_up" | "reject";

/**
 * SPEC A4: may this decision be recorded? Decisions happen on any day of an active sprint, on a
 * story of the sprint that is done (or already decided, to supersede it). A rejection names the
 * unmet acceptance criteria; a follow-up needs a title for the new story.
 */
export function demoRefusal(input: {
  sprintState: "planned" | "active" | "closed";
  storyInSprint: boolean;
  storyStatus: "todo" | "in_progress" | "done" | "accepted";
  alreadyDecided: boolean;
  decision: DemoDecision;
  unmetCriteria: readonly number[];
  criteriaCount: number;
  followUpTitle: string | null;
}): { message: string; fields?: Record<string, string> } | null {
  if (input.sprintState !== "active") return { message: "Demo decisions are recorded while the sprint is active; a closed sprint's decisions are final." };
  if (!input.storyInSprint) return { message: "This story is not in the sprint being demonstrated." };
  if (input.storyStatus !== "done" && !input.alreadyDecided) return { message: "Only a done story is demonstrated for a decision." };
  if (input.decision === "reject") {
    if (input.unmetCriteria.length === 0) return { message: "Name the acceptance criteria that are not met.", fields: { unmetCriteria: "Tick the criteria not met." } };
    if (input.unmetCriteria.some((i) => !Number.isInteger(i) || i < 0 || i >= input.criteriaCount)) {
      return { message: "Those criteria are not on the story.", fields: { unmetCriteria: "Tick criteria of this story." } };
    }
  }
  if (input.decision === "accept_with_follow_up" && !(input.followUpTitle ?? "").trim()) {
    return { message: "Give the follow-up story a title.", fields: { "followUp.title": "Give the follow-up story a title." } };
  }
  return null;
}

/** What a decision does to the story: accepted, or back to in progress or to the backlog. */
export function demoEffect(decision: DemoDecision, then: "in_progress" | "backlog" | null): { status: "accepted" | "in_progress" | "todo"; leavesSprint: boolean } {
  if (decision !== "reject") return { status: "accepted", leavesSprint: false };
  return then === "backlog" ? { status: "todo", leavesSprint: true } : { status: "in_progress", leavesSprint: false };
}
