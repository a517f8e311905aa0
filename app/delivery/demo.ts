export type DemoDecision = "accept" | "accept_with_follow_up" | "reject";

type StoryStatus = "todo" | "in_progress" | "done" | "accepted";

/**
 * The decisions a story's status allows at a demo (SPEC A4): a done story may be accepted (with or
 * without a follow-up) or rejected; an accepted one may still be superseded by a rejection or by
 * an acceptance with a follow-up until the sprint closes. A rejected story is back in the workflow
 * and must be done again before anyone decides on it.
 */
export function allowedDecisions(storyStatus: StoryStatus): DemoDecision[] {
  if (storyStatus === "done") return ["accept", "accept_with_follow_up", "reject"];
  if (storyStatus === "accepted") return ["accept_with_follow_up", "reject"];
  return [];
}

/**
 * SPEC A4: may this decision be recorded? Decisions happen on any day of an active sprint, on a
 * story of the sprint (or a done one carried over in the backlog) whose status allows it. A
 * rejection names the unmet acceptance criteria; a follow-up needs a title for the new story.
 */
export function demoRefusal(input: {
  sprintState: "planned" | "active" | "closed";
  storyInSprint: boolean;
  storyStatus: StoryStatus;
  decision: DemoDecision;
  unmetCriteria: readonly number[];
  criteriaCount: number;
  followUpTitle: string | null;
}): { message: string; fields?: Record<string, string> } | null {
  if (input.sprintState !== "active") return { message: "Demo decisions are recorded while the sprint is active; a closed sprint's decisions are final." };
  if (!input.storyInSprint) return { message: "This story is not in the sprint being demonstrated." };
  if (!allowedDecisions(input.storyStatus).includes(input.decision)) {
    if (input.storyStatus === "accepted") return { message: "This story is already accepted; it can still be rejected, or accepted with a follow-up." };
    return { message: "Only a done story is demonstrated for a decision: a rejected story goes back through the workflow (in progress, then done) first." };
  }
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
