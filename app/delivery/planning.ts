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
