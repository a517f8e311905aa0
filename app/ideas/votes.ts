import type { Role } from "../../db/schema/auth";
import type { IdeaStatus } from "../../db/schema/ideas";
import { STATUS_LABELS, isOpen } from "./lifecycle";

export const BASE_BUDGET = 10;

export type VoteBalance = { budget: number; used: number; available: number };

/** The balance from the ledger: 10 + grants − spends + returns, and the active votes. */
export function balanceFrom(grants: number, activeVotes: number): VoteBalance {
  const budget = BASE_BUDGET + grants;
  return { budget, used: activeVotes, available: budget - activeVotes };
}

/** Only customer and partner votes count toward a portal's threshold (SPEC B3). */
export function countsTowardThreshold(role: Role): boolean {
  return role === "customer" || role === "partner";
}

/** Why a vote is refused, or null when it may be cast. */
export function voteRefusal(input: { status: IdeaStatus; alreadyVoted: boolean; available: number }): string | null {
  if (!isOpen(input.status)) return `This idea is ${STATUS_LABELS[input.status]}: it no longer takes votes.`;
  if (input.alreadyVoted) return "You already voted for this idea.";
  if (input.available <= 0) {
    return "You have spent all your votes. Take a vote back from another idea, or ask an admin for more.";
  }
  return null;
}
