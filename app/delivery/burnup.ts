/**
 * Release burnup (SPEC A9): per sprint, total scope vs accepted points, against the baseline,
 * with the forecast band from the last three velocities (mean, lowest, highest) continuing from
 * the last closed sprint. The series runs on past the planned sprints to the forecast finish, so
 * the band is seen reaching the scope; the running sprint is marked, its figures being partial.
 */
export type BurnupPoint = {
  sprint: number;
  scope: number | null;
  accepted: number | null;
  baseline: number | null;
  forecastMean: number | null;
  forecastLow: number | null;
  forecastHigh: number | null;
  /** closed; running (its figures are as of now); planned; or beyond the plan, up to the forecast finish. */
  state: "closed" | "running" | "planned" | "beyond";
};

export function burnup(input: {
  /** Sprints in order; `measured` holds scope and accepted at close (or now, for the active one). */
  sprints: { number: number; measured: { scope: number; accepted: number } | null; closed: boolean }[];
  baseline: number | null;
  velocity: { mean: number; low: number; high: number } | null;
  /** The sprint the release plan forecasts the last go-live to finish in: the series runs on to it. */
  forecastFinish?: number | null;
}): BurnupPoint[] {
  const last = input.sprints.at(-1)?.number ?? 0;
  const beyond = input.forecastFinish && input.forecastFinish > last ? input.forecastFinish - last : 0;
  // Never more than a release's worth of extra sprints, whatever the forecast says.
  const extra = Array.from({ length: Math.min(beyond, 52) }, (_, i) => ({ number: last + i + 1, measured: null, closed: false, beyond: true }));
  const all: { number: number; measured: { scope: number; accepted: number } | null; closed: boolean; beyond?: boolean }[] = [...input.sprints, ...extra];
  const lastClosed = [...input.sprints].reverse().find((s) => s.closed && s.measured);
  const start = lastClosed?.measured?.accepted ?? 0;
  let ahead = 0;
  let running = false;
  return all.map((s): BurnupPoint => {
    const future = !s.closed;
    if (future && (lastClosed || !input.sprints.some((x) => x.closed))) ahead++;
    // The first open sprint with figures is the running one (only the active sprint is measured).
    const isRunning = !running && future && !s.beyond && s.measured !== null;
    if (isRunning) running = true;
    const band = (rate: number) => (future && input.velocity ? Math.round((start + rate * ahead) * 10) / 10 : s === lastClosed ? start : null);
    return {
      sprint: s.number,
      scope: s.measured?.scope ?? null,
      accepted: s.measured?.accepted ?? null,
      baseline: input.baseline,
      forecastMean: input.velocity ? band(input.velocity.mean) : null,
      forecastLow: input.velocity ? band(input.velocity.low) : null,
      forecastHigh: input.velocity ? band(input.velocity.high) : null,
      state: s.closed ? "closed" : isRunning ? "running" : s.beyond ? "beyond" : "planned",
    };
  });
}

/**
 * The sprint the mean forecast reaches the scope (the latest scope measured): where the series
 * is seen to finish. None without a forecast, or when it never gets there within the series.
 */
export function forecastFinishOf(points: readonly BurnupPoint[]): number | null {
  const scope = [...points].reverse().find((p) => p.scope !== null)?.scope ?? null;
  if (scope === null) return null;
  return points.find((p) => p.state !== "closed" && p.forecastMean !== null && p.forecastMean >= scope)?.sprint ?? null;
}
