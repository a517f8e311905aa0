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

/** A section of the planning view of the backlog: the active sprint, a planned one, the backlog, or the closed sprints. */
export type BacklogSection<S> = {
  kind: "active" | "planned" | "backlog" | "closed";
  /** The sprint the section plans into; null for the backlog and the closed sprints. */
  sprintId: number | null;
  title: string;
  /** Points of every story in it (hidden and filtered-out ones too): the commitment against the capacity. */
  points: number;
  capacity: number | null;
  stories: S[];
  /** Stories of the section the filters or the accepted / won't-do default keep out of the list. */
  hidden: number;
};

type GroupStory = { id: number; sprintId: number | null; status: string; points: number | null; wontDoAt?: string | null };
type GroupSprint = { id: number; number: number; state: string; capacity: number | null };

/**
 * The backlog as a planning view (issue 13): the active sprint, the planned sprints in order,
 * then the unplanned backlog; stories of closed sprints last. `all` is every story of the
 * project (for the points), `shown` the ones the filters kept, in rank order. Accepted and
 * won't-do stories are left out unless `showClosed`; the closed sprints' section only shows then.
 * Won't-do stories count no points (they left the backlog, SPEC A2).
 */
export function groupBacklog<S extends GroupStory>(input: { sprints: readonly GroupSprint[]; all: readonly GroupStory[]; shown: readonly S[]; showClosed: boolean }): BacklogSection<S>[] {
  const open = [...input.sprints].filter((s) => s.state !== "closed").sort((a, b) => (a.state === b.state ? a.number - b.number : a.state === "active" ? -1 : 1));
  const openIds = new Set(open.map((s) => s.id));
  const sectionOf = (s: { sprintId: number | null }) => (s.sprintId === null ? "backlog" : openIds.has(s.sprintId) ? `sprint-${s.sprintId}` : "closed");
  const sections = new Map<string, BacklogSection<S>>();
  for (const sp of open) {
    sections.set(`sprint-${sp.id}`, { kind: sp.state === "active" ? "active" : "planned", sprintId: sp.id, title: `Sprint ${sp.number}`, points: 0, capacity: sp.capacity, stories: [], hidden: 0 });
  }
  sections.set("backlog", { kind: "backlog", sprintId: null, title: "Backlog", points: 0, capacity: null, stories: [], hidden: 0 });
  sections.set("closed", { kind: "closed", sprintId: null, title: "Closed sprints", points: 0, capacity: null, stories: [], hidden: 0 });
  const inAll = new Map<string, number>();
  for (const s of input.all) {
    const key = sectionOf(s);
    const section = sections.get(key)!;
    if (!s.wontDoAt) section.points += s.points ?? 0;
    inAll.set(key, (inAll.get(key) ?? 0) + 1);
  }
  for (const s of input.shown) {
    if (!input.showClosed && (s.status === "accepted" || s.wontDoAt)) continue;
    sections.get(sectionOf(s))!.stories.push(s);
  }
  const result: BacklogSection<S>[] = [];
  for (const [key, section] of sections) {
    section.hidden = Math.max(0, (inAll.get(key) ?? 0) - section.stories.length);
    if (key === "closed" && (!input.showClosed || section.stories.length === 0)) continue;
    result.push(section);
  }
  return result;
}

/** "13 of 20 points", or "13 points" without a capacity. */
export function pointsAgainstCapacity(points: number, capacity: number | null): string {
  return capacity === null ? `${points} ${points === 1 ? "point" : "points"}` : `${points} of ${capacity} points`;
}

/**
 * How many rows a section of the planning view shows at first, and how many each "Show the
 * next" adds: a project's backlog grows without bound, and 300 stories must stay well under the
 * 150 KB page budget (issue 16).
 */
export const SECTION_PAGE = 40;
/** The closed sprints' accepted stories are history: they come 15 at a time. */
export const CLOSED_PAGE = 15;

/** A section's page size. */
export const pageOf = (section: { kind: string }) => (section.kind === "closed" ? CLOSED_PAGE : SECTION_PAGE);

/** The key of a section, as in its test id and its `show.<key>` URL parameter. */
export function sectionKey(section: { kind: string; sprintId: number | null }): string {
  return section.sprintId === null ? section.kind : `sprint-${section.sprintId}`;
}

/** The URL parameter that says how many rows of a section are shown. */
export const showParam = (key: string) => `show.${key}`;

/** How many rows to show for a `show.<key>` value: a whole number of pages, at least one. */
export function shownCount(value: string | null | undefined, page: number = SECTION_PAGE): number {
  const n = Number(value);
  if (!value || !Number.isFinite(n) || n < page) return page;
  return Math.min(Math.ceil(n / page) * page, 100_000);
}

/**
 * The sections as the page shows them: each cut to its first rows in rank order (`shown` maps a
 * section's key to its `show.<key>` value), with `more` saying how many rows the cut left out.
 * A drag or a move stays among the rows shown; the points still count every story.
 */
export function cutSections<S>(sections: readonly BacklogSection<S>[], shown: (key: string) => string | null | undefined): (BacklogSection<S> & { more: number })[] {
  return sections.map((section) => {
    const limit = shownCount(shown(sectionKey(section)), pageOf(section));
    if (section.stories.length <= limit) return { ...section, more: 0 };
    return { ...section, stories: section.stories.slice(0, limit), more: section.stories.length - limit };
  });
}
