import { lastThree, type VelocityPoint } from "./velocity";

/** `stories`: how many stories its features hold; none means nothing ships with it yet. */
export type GoLiveScope = { id: number; sprintNumber: number; remainingPoints: number; unestimated: number; stories: number };

export type GoLiveForecast = {
  id: number;
  forecastSprint: number | null;
  optimisticSprint: number | null;
  pessimisticSprint: number | null;
  unestimated: number;
  noScope: boolean;
  atRisk: boolean;
};

function sprintFor(remaining: number, rate: number, firstOpenSprint: number): number | null {
  if (remaining <= 0) return Math.max(firstOpenSprint - 1, 0);
  if (rate <= 0) return null;
  return firstOpenSprint + Math.ceil(remaining / rate) - 1;
}

/**
 * SPEC A8, cumulative in go-live order: go-live k completes in the sprint where the remaining
 * points of go-lives 1…k are done at the team's velocity — the mean of the last three closed
 * sprints, or the planned capacity before any closed — with optimistic and pessimistic sprints
 * from the highest and lowest of those. At risk: forecast after its sprint, no forecast at all,
 * unestimated stories in its scope, or no scope at all (nothing to ship is never on track).
 */
export function forecast(input: {
  goLives: readonly GoLiveScope[];
  closed: readonly VelocityPoint[];
  plannedCapacity: number | null;
  firstOpenSprint: number;
}): { velocity: { mean: number; low: number; high: number } | null; goLives: GoLiveForecast[] } {
  const recent = lastThree(input.closed);
  const v = recent ?? (input.plannedCapacity ? { mean: input.plannedCapacity, low: input.plannedCapacity, high: input.plannedCapacity } : null);
  let cumulative = 0;
  const goLives = input.goLives.map((g) => {
    cumulative += g.remainingPoints;
    const forecastSprint = v ? sprintFor(cumulative, v.mean, input.firstOpenSprint) : null;
    return {
      id: g.id,
      forecastSprint,
      optimisticSprint: v ? sprintFor(cumulative, v.high, input.firstOpenSprint) : null,
      pessimisticSprint: v ? sprintFor(cumulative, v.low, input.firstOpenSprint) : null,
      unestimated: g.unestimated,
      noScope: g.stories === 0,
      atRisk: g.stories === 0 || forecastSprint === null || forecastSprint > g.sprintNumber || g.unestimated > 0,
    };
  });
  return { velocity: v, goLives };
}
