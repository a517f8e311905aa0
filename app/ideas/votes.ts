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

/** How many companies a set of voters came from (voters without a company count for none). */
export function companyCount(companies: readonly (string | null)[]): number {
  return new Set(companies.filter((c): c is string => Boolean(c?.trim())).map((c) => c.trim())).size;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "37 votes from 21 companies" (the companies left out when none is known). */
export function votesFromCompanies(votes: number, companies: number | null): string {
  const text = plural(votes, "vote", "votes");
  return companies ? `${text} from ${plural(companies, "company", "companies")}` : text;
}

export type Demand = {
  status: IdeaStatus;
  votes: number;
  thresholdVotes: number;
  voteThreshold: number;
  votesAtClose: number | null;
  companiesAtClose: number | null;
};

/**
 * The demand line shown with an idea (SPEC B3, B5): progress toward the threshold while it
 * applies (Community Review), the votes it closed with once Delivered or Not Planned, else none.
 */
export function demandLine(d: Demand): string | null {
  if (d.status === "community_review") return `${d.thresholdVotes} of ${d.voteThreshold} customer and partner votes`;
  if (d.status === "delivered") return `Delivered with ${votesFromCompanies(d.votesAtClose ?? 0, d.companiesAtClose)}`;
  if (d.status === "not_planned") return `Closed with ${votesFromCompanies(d.votesAtClose ?? 0, d.companiesAtClose)}`;
  return null;
}

/** The count in an idea's vote box: the live votes, or for a closed idea the votes it closed with. */
export function shownVotes(d: Pick<Demand, "status" | "votes" | "votesAtClose">): number {
  return d.status === "delivered" || d.status === "not_planned" ? (d.votesAtClose ?? 0) : d.votes;
}

type IdeaName = { key: string; title: string };

/** What a merge did with the merged idea's votes, said on its page; a vote never "went back" here. */
export function mergeStory(moved: number, returned: number, target: IdeaName): string {
  if (moved === 0 && returned === 0) return `It had no votes when it was merged into ${target.key}.`;
  const parts: string[] = [];
  if (moved) parts.push(`${plural(moved, "vote", "votes")} moved to ${target.key}`);
  if (returned) {
    parts.push(
      `${plural(returned, "vote", "votes")} came back to ${returned === 1 ? "a voter who had" : "voters who had"} already voted for ${target.key}`,
    );
  }
  return `${parts.join("; ")}.`;
}

/** The note each voter of a merged idea gets: where their vote went. */
export function mergeVoteNotice(source: IdeaName, target: IdeaName, moved: boolean): string {
  return moved
    ? `${source.key} “${source.title}” was merged: your vote moved to ${target.key} “${target.title}”.`
    : `${source.key} “${source.title}” was merged into ${target.key}: your vote came back to you because you had already voted for ${target.key} “${target.title}”.`;
}
