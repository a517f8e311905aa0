export type BlockerOrderItem = { side: "delivery" | "customer"; raisedAt: string; resolvedAt: string | null };

/** Open blockers first — customer side first, then oldest first — then resolved ones, latest first. */
export function orderBlockers<T extends BlockerOrderItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if ((a.resolvedAt === null) !== (b.resolvedAt === null)) return a.resolvedAt === null ? -1 : 1;
    if (a.resolvedAt === null) {
      if (a.side !== b.side) return a.side === "customer" ? -1 : 1;
      return a.raisedAt.localeCompare(b.raisedAt);
    }
    return b.resolvedAt!.localeCompare(a.resolvedAt!);
  });
}

/** Whole days a blocker has been open on `today`. */
export function ageInDays(raisedAt: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(today) - Date.parse(raisedAt.slice(0, 10))) / 86_400_000));
}
