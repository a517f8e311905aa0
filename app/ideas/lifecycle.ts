import { addMonths, format, parseISO } from "date-fns";
import type { IdeaStatus } from "../../db/schema/ideas";
import { count } from "../lib/confirm";

/** SPEC B3's table of allowed moves; anything not listed is refused. */
export const ALLOWED_MOVES: Record<IdeaStatus, readonly IdeaStatus[]> = {
  community_review: ["under_pm_review", "not_planned", "merged"],
  under_pm_review: ["accepted", "not_planned", "merged"],
  accepted: ["in_development", "not_planned"],
  in_development: ["delivered", "not_planned"],
  delivered: [],
  not_planned: [],
  merged: [],
};

export const STATUS_LABELS: Record<IdeaStatus, string> = {
  community_review: "Community Review",
  under_pm_review: "Under PM Review",
  accepted: "Accepted",
  in_development: "In Development",
  delivered: "Delivered",
  not_planned: "Not Planned",
  merged: "Merged",
};

export const CLOSED_STATUSES: readonly IdeaStatus[] = ["delivered", "not_planned", "merged"];

export function isOpen(status: IdeaStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}

/** A move into a status with no way out cannot be undone, so a page asks to confirm it first. */
export function isFinal(status: IdeaStatus): boolean {
  return ALLOWED_MOVES[status].length === 0;
}

/**
 * What a final move does to the votes, in the words the confirm step shows: Delivered and Not
 * Planned give every vote back; a merge moves each vote to the target, except that a voter who
 * voted for both gets that vote back.
 */
export function finalMoveConsequence(to: IdeaStatus, votes: { total: number; onTargetToo?: number; target?: string }): string {
  if (to === "merged") {
    const back = votes.onTargetToo ?? 0;
    const moved = votes.total - back;
    if (votes.total === 0) return `it has no votes to move; its followers follow ${votes.target}.`;
    return `${count(moved, "vote")} ${moved === 1 ? "moves" : "move"} to ${votes.target}${back ? ` and ${count(back, "vote")} ${back === 1 ? "goes" : "go"} back to ${back === 1 ? "its voter, who" : "people who"} voted for both` : ""}; its followers follow ${votes.target}.`;
  }
  if (votes.total === 0) return "it has no votes to give back.";
  return votes.total === 1 ? "1 vote goes back to its voter." : `${votes.total} votes go back to their voters.`;
}

/** Votes go back to their voters when an idea ends without merging (merge moves them instead). */
export function returnsVotes(status: IdeaStatus): boolean {
  return status === "delivered" || status === "not_planned";
}

export type MoveInput = {
  note?: string | null;
  targetDate?: string | null;
  releaseNoteUrl?: string | null;
  mergeInto?: string | null;
};

export type MoveCheck = { ok: true } | { ok: false; message: string; fields: Record<string, string> };

function allowedText(from: IdeaStatus): string {
  const moves = ALLOWED_MOVES[from];
  if (moves.length === 0) return `${STATUS_LABELS[from]} is final: no further moves are allowed.`;
  return `From ${STATUS_LABELS[from]} an idea may move to ${moves.map((s) => STATUS_LABELS[s]).join(", ")}.`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The latest target date allowed when accepting on `today`: 12 months ahead. */
export function latestTargetDate(today: string): string {
  return format(addMonths(parseISO(today), 12), "yyyy-MM-dd");
}

/**
 * May an idea move from `from` to `to` with this input, on `today`? Checks the table and the
 * fields each move needs; refusals name the allowed moves or the missing field.
 */
export function checkMove(from: IdeaStatus, to: IdeaStatus, input: MoveInput, today: string): MoveCheck {
  if (!ALLOWED_MOVES[from].includes(to)) {
    return { ok: false, message: `${STATUS_LABELS[from]} cannot move to ${STATUS_LABELS[to]}. ${allowedText(from)}`, fields: { status: allowedText(from) } };
  }
  const fields: Record<string, string> = {};
  const note = input.note?.trim() ?? "";
  if (!note) {
    fields.note = to === "not_planned" ? "Give the public reason why this is not planned." : "Write the public note that goes with this move.";
  }
  if (to === "accepted") {
    const date = input.targetDate ?? "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fields.targetDate = "Give a target date (YYYY-MM-DD).";
    else if (date < today) fields.targetDate = "The target date cannot be in the past.";
    else if (date > latestTargetDate(today)) fields.targetDate = `Accepted means within 12 months: pick a date on or before ${latestTargetDate(today)}.`;
  }
  if (to === "delivered") {
    const url = input.releaseNoteUrl?.trim() ?? "";
    if (!isHttpUrl(url)) fields.releaseNoteUrl = "Give the release-note link (http or https).";
  }
  if (to === "merged" && !input.mergeInto?.trim()) fields.mergeInto = "Name the idea this one duplicates (its key).";
  if (Object.keys(fields).length) return { ok: false, message: "Some fields need attention.", fields };
  return { ok: true };
}

/** A Community Review idea whose customer and partner votes reach the threshold moves on. */
export function reachesThreshold(status: IdeaStatus, thresholdVotes: number, threshold: number): boolean {
  return status === "community_review" && thresholdVotes >= threshold;
}

/** Customers and partners see a target as a quarter, e.g. "2026-Q3". */
export function targetQuarter(date: string | null): string | null {
  if (!date) return null;
  const [year, month] = date.split("-").map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Past its target date and not yet delivered or closed. */
export function isLate(status: IdeaStatus, targetDate: string | null, today: string): boolean {
  return (status === "accepted" || status === "in_development") && targetDate !== null && targetDate < today;
}
