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

/**
 * The folded planning panel of a running sprint in one line: the points committed against the
 * capacity (and the scope change since the start), the working days left, and what the open
 * panel holds that asks for attention. The goal is not repeated: the page's header shows it.
 */
export function planningSummary(input: { commitment: number; scopeChange: number | null; capacity: number | null; daysLeft: number; actions: number; warnings: number }): string {
  const parts: string[] = [];
  const scope = input.scopeChange ? ` (${input.scopeChange > 0 ? "+" : "−"}${Math.abs(input.scopeChange)} since the start)` : "";
  parts.push(`${input.commitment} points committed${scope}${input.capacity === null ? ", no capacity set" : ` against a capacity of ${input.capacity}`}`);
  parts.push(input.daysLeft === 0 ? "no working day left" : `${input.daysLeft} working ${input.daysLeft === 1 ? "day" : "days"} left`);
  if (input.actions) parts.push(`${input.actions} open retrospective ${input.actions === 1 ? "action" : "actions"}`);
  if (input.warnings) parts.push(`${input.warnings} ${input.warnings === 1 ? "warning" : "warnings"}`);
  return parts.join(" · ");
}
