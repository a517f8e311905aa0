export type VelocityPoint = { sprint: number; committed: number; accepted: number };

/** The last seven closed sprints, committed at start vs accepted at close, and the mean accepted. */
export function velocity(closed: readonly VelocityPoint[]): { sprints: VelocityPoint[]; mean: number | null } {
  const sprints = [...closed].sort((a, b) => a.sprint - b.sprint).slice(-7);
  const mean = sprints.length ? sprints.reduce((a, s) => a + s.accepted, 0) / sprints.length : null;
  return { sprints, mean: mean === null ? null : Math.round(mean * 10) / 10 };
}

/** Mean, lowest and highest accepted points of the last three closed sprints. */
export function lastThree(closed: readonly VelocityPoint[]): { mean: number; low: number; high: number } | null {
  const recent = [...closed].sort((a, b) => a.sprint - b.sprint).slice(-3).map((s) => s.accepted);
  if (!recent.length) return null;
  return { mean: recent.reduce((a, b) => a + b, 0) / recent.length, low: Math.min(...recent), high: Math.max(...recent) };
}
