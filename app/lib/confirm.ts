import { DomainError } from "./errors";

/**
 * What a page sends for a change that cannot be undone: the consequence sentence the person
 * ticked. The JSON API passes none and is not asked (API.md): only pages confirm.
 */
export type Confirmation = { given: unknown };

/** "1 vote", "3 votes". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Refuse the change until the page confirmed exactly this consequence. The sentence is the
 * checkbox's value, so a confirmation given for other numbers (more votes came in, another
 * option was picked) asks again with the new ones instead of doing something not agreed to.
 */
export function requireConfirmation(confirmation: Confirmation | undefined, change: string, consequence: string): void {
  if (!confirmation || confirmation.given === consequence) return;
  throw new DomainError("invalid", `${change} cannot be undone.`, {
    fields: {
      confirm: typeof confirmation.given === "string" && confirmation.given
        ? "What will happen has changed since you confirmed: read it again and tick the box."
        : "Tick the box to confirm, then send again.",
    },
    consequence,
  });
}
