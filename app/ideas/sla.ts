import { addBusinessDays } from "../calendar/business-days";

export const SLA_BUSINESS_DAYS = 30;

export type SlaState = "open" | "met" | "missed";

/** Due on the 30th business day after the day of entry, that day not counted (SPEC B4). */
export function slaDueDate(enteredOn: string, holidays: ReadonlySet<string>): string {
  return addBusinessDays(enteredOn, SLA_BUSINESS_DAYS, holidays);
}

/**
 * Met when answered on or before the due date; missed when answered later, or when still
 * unanswered after the due date (from the day after it); open otherwise.
 */
export function slaState(clock: { dueOn: string; answeredOn: string | null }, today: string): SlaState {
  if (clock.answeredOn) return clock.answeredOn <= clock.dueOn ? "met" : "missed";
  return today > clock.dueOn ? "missed" : "open";
}
