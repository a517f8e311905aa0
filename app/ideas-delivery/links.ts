import type { IdeaStatus } from "../../db/schema/enums";

/** Ideas a PM may link to delivery features (SPEC B10), and that a go-live may deliver. */
export const LINKABLE: readonly IdeaStatus[] = ["accepted", "in_development"];

export function isLinkable(status: IdeaStatus): boolean {
  return LINKABLE.includes(status);
}

/**
 * Which ideas a go-live delivers (SPEC B10): those linked to one of its features, still Accepted or
 * In Development, whose every linked feature has now shipped (its go-live done). An idea linked
 * to several features is delivered when the last of them ships.
 */
export function ideasToDeliver(
  links: readonly { ideaId: number; featureId: number }[],
  ideaStatus: ReadonlyMap<number, IdeaStatus>,
  goLiveFeatures: ReadonlySet<number>,
  shippedFeatures: ReadonlySet<number>,
): number[] {
  const byIdea = new Map<number, number[]>();
  for (const l of links) byIdea.set(l.ideaId, [...(byIdea.get(l.ideaId) ?? []), l.featureId]);
  const out: number[] = [];
  for (const [ideaId, featureIds] of byIdea) {
    const status = ideaStatus.get(ideaId);
    if (!status || !isLinkable(status)) continue;
    if (!featureIds.some((f) => goLiveFeatures.has(f))) continue;
    if (featureIds.every((f) => shippedFeatures.has(f) || goLiveFeatures.has(f))) out.push(ideaId);
  }
  return out.sort((a, b) => a - b);
}

/** What marking a go-live done does to the linked ideas, in the words its confirm step shows. */
export function goLiveDoneConsequence(deliveredKeys: readonly string[]): string {
  if (!deliveredKeys.length) return "no linked idea becomes Delivered.";
  const ideas = deliveredKeys.length === 1 ? "1 idea becomes" : `${deliveredKeys.length} ideas become`;
  return `${ideas} Delivered (${deliveredKeys.join(", ")}) and ${deliveredKeys.length === 1 ? "its" : "their"} votes go back to their voters.`;
}

/** The one-click move a PM is offered: an Accepted idea once a linked story is in an active sprint. */
export function offersInDevelopment(status: IdeaStatus, linkedStoryInActiveSprint: boolean): boolean {
  return status === "accepted" && linkedStoryInActiveSprint;
}
