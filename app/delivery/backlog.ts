/** Story points of SPEC A2; null is unestimated. */
export const POINTS = [0, 1, 2, 3, 5, 8, 13, 21] as const;

/** Ready (SPEC A2): estimated and with at least one acceptance criterion. */
export function isReady(story: { points: number | null; acceptanceCriteria: readonly string[] }): boolean {
  return story.points !== null && story.acceptanceCriteria.some((c) => c.trim().length > 0);
}

/** Acceptance criteria typed one per line. */
export function parseCriteria(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-*•]\s*/, "").trim())
    .filter(Boolean);
}

/**
 * A rank between two neighbours, for a move that rewrites one row. `null` neighbours mean the
 * top or the bottom of the list.
 */
export function rankBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 1000;
  if (before === null) return after! - 1000;
  if (after === null) return before + 1000;
  return (before + after) / 2;
}

/** Where a story lands when moved up, down or to the top of the ranked list of `ranks`. */
export function rankForMove(ranks: readonly number[], index: number, move: "up" | "down" | "top"): number | null {
  if (move === "top") return index === 0 ? null : rankBetween(null, ranks[0]);
  if (move === "up") return index === 0 ? null : rankBetween(index > 1 ? ranks[index - 2] : null, ranks[index - 1]);
  return index >= ranks.length - 1 ? null : rankBetween(ranks[index + 1], index + 2 < ranks.length ? ranks[index + 2] : null);
}

/** A story's status as people read it. */
export const STORY_STATUS_LABELS: Record<string, string> = { todo: "To do", in_progress: "In progress", done: "Done", accepted: "Accepted" };
