/**
 * Release burnup (SPEC A9): per sprint, total scope vs accepted points, against the baseline,
 * with the forecast band from the last three velocities (mean, lowest, highest) continuing from
 * the last closed sprint.
 */
export type BurnupPoint = {
  sprint: number;
  scope: number | null;
  accepted: number | null;
  baseline: number | null;
  forecastMean: number | null;
  forecastLow: number | null;
  forecastHigh: number | null;
};

export function burnup(input: {
  /** Sprints in order; `measured` holds scope and accepted at close (or now, for the active one). */
  sprints: { number: number; measured: { scope: number; accepted: number } | null; closed: boolean }[];
  baseline: number | null;
  velocity: { mean: number; low: number; high: number } | null;
}): BurnupPoint[] {
  const lastClosed = [...input.sprints].reverse().find((s) => s.closed && s.measured);
  const start = lastClosed?.measured?.accepted ?? 0;
  let ahead = 0;
  return input.sprints.map((s) => {
    const future = !s.closed;
    if (future && (lastClosed || !input.sprints.some((x) => x.closed))) ahead++;
    const band = (rate: number) => (future && input.velocity ? Math.round((start + rate * ahead) * 10) / 10 : s === lastClosed ? start : null);
    return {
      sprint: s.number,
      scope: s.measured?.scope ?? null,
      accepted: s.measured?.accepted ?? null,
      baseline: input.baseline,
      forecastMean: input.velocity ? band(input.velocity.mean) : null,
      forecastLow: input.velocity ? band(input.velocity.low) : null,
      forecastHigh: input.velocity ? band(input.velocity.high) : null,
    };
  });
}
