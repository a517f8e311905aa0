import { addDays, format, parseISO } from "date-fns";

/**
 * The rules of the "My work" page: what counts as owed by one person today. Pure, so the page and
 * its tests agree on them.
 */

/** How far ahead of its cutover a go-live of a sprint not yet started is already due a go / no-go. */
export const GO_NO_GO_LEAD_DAYS = 14;

/**
 * A go-live awaits its co-product owners' go / no-go once it is undecided and not done, and its
 * sprint is running (or over), or its cutover is at most two weeks away.
 */
export function awaitsGoNoGo(goLive: { decision: string | null; doneAt: string | null; cutoverOn: string }, sprintState: "planned" | "active" | "closed", today: string): boolean {
  if (goLive.decision !== null || goLive.doneAt !== null) return false;
  if (sprintState !== "planned") return true;
  return goLive.cutoverOn <= format(addDays(parseISO(today), GO_NO_GO_LEAD_DAYS), "yyyy-MM-dd");
}

/** Working days of the sprint still ahead, today included when it is one. */
export function workingDaysLeft(workingDays: readonly string[], today: string): number {
  return workingDays.filter((d) => d >= today).length;
}

type Points = { status: "todo" | "in_progress" | "done" | "accepted"; points: number | null };

/** A running sprint's points now: all of them, done (done or accepted), accepted, and done but not yet accepted. */
export function sprintPoints(stories: readonly Points[]) {
  const sum = (keep: (s: Points) => boolean) => stories.filter(keep).reduce((n, s) => n + (s.points ?? 0), 0);
  return {
    total: sum(() => true),
    done: sum((s) => s.status === "done" || s.status === "accepted"),
    accepted: sum((s) => s.status === "accepted"),
    doneNotAccepted: sum((s) => s.status === "done"),
  };
}

const STATUS_ORDER = { in_progress: 0, todo: 1, done: 2, accepted: 3 } as const;

/** Assigned stories in the order one works them: in progress, then to do, then done (awaiting the demo); by rank within. */
export function byWorkOrder<T extends { status: keyof typeof STATUS_ORDER; rank: number; projectName: string }>(stories: readonly T[]): T[] {
  return [...stories].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.projectName.localeCompare(b.projectName) || a.rank - b.rank);
}
