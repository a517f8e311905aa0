/** A story's one optional assignee (SPEC A2): initials on cards, and the board's filter. */

export const ASSIGNEE_FILTERS = ["all", "mine", "unassigned"] as const;
export type AssigneeFilter = (typeof ASSIGNEE_FILTERS)[number];

export const ASSIGNEE_FILTER_LABELS: Record<AssigneeFilter, string> = { all: "All", mine: "Mine", unassigned: "Unassigned" };

/** "Dana Whitfield" → "DW", "Priya" → "PR", "María-José López" → "ML"; at most two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return "?";
  const letters = words.length === 1 ? [...words[0]].slice(0, 2) : [[...words[0]][0], [...words[words.length - 1]][0]];
  return letters.join("").toLocaleUpperCase();
}

/** The stories a board filter keeps: everything, the viewer's own, or nobody's yet. */
export function filterByAssignee<T extends { assigneeId: number | null }>(stories: readonly T[], filter: AssigneeFilter, viewerId: number): T[] {
  if (filter === "mine") return stories.filter((s) => s.assigneeId === viewerId);
  if (filter === "unassigned") return stories.filter((s) => s.assigneeId === null);
  return [...stories];
}
