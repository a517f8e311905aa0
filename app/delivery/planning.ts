/**
 * Sprint planning (SPEC A3) warns, never refuses, when the commitment exceeds the capacity or
 * the mean velocity of the last three closed sprints.
 */
export function planningWarnings(input: { commitment: number; capacity: number | null; meanVelocity: number | null }): string[] {
  const warnings: string[] = [];
  if (input.capacity !== null && input.commitment > input.capacity) {
    warnings.push(`The commitment of ${input.commitment} points exceeds the capacity of ${input.capacity}.`);
  }
  if (input.meanVelocity !== null && input.commitment > input.meanVelocity) {
    warnings.push(`The commitment of ${input.commitment} points exceeds the mean velocity of the last three sprints (${Math.round(input.meanVelocity * 10) / 10}).`);
  }
  return warnings;
}

/**
 * The planning panel's commitment: before the start, what the sprint holds; once started, what it
 * held at the start (the burndown's committed, SPEC A9), with later scope changes shown apart.
 */
export function commitmentOf(input: { started: boolean; committedAtStart: number; inSprintNow: number }): { commitment: number; scopeChange: number | null } {
  if (!input.started) return { commitment: input.inSprintNow, scopeChange: null };
  return { commitment: input.committedAtStart, scopeChange: input.inSprintNow - input.committedAtStart };
}

/**
 * A suggested capacity: the mean velocity of the last three sprints, scaled by the share of the
 * team's person-days that are available this sprint (days off taken out). Null without a velocity
 * or a team.
 */
export function suggestCapacity(input: { meanVelocity: number | null; workingDays: number; daysOffPerMember: readonly number[] }): number | null {
  const members = input.daysOffPerMember.length;
  if (input.meanVelocity === null || members === 0 || input.workingDays === 0) return null;
  const available = input.daysOffPerMember.reduce((n, off) => n + Math.max(0, input.workingDays - off), 0);
  return Math.round((input.meanVelocity * available) / (input.workingDays * members));
}
