import { addDays, format, parseISO } from "date-fns";

export const KICKOFF_WEEKS = [3, 4] as const;

export type Kickoff = { start: string; end: string; weeks: 3 | 4 };

function plusDays(iso: string, days: number): string {
  return format(addDays(parseISO(iso), days), "yyyy-MM-dd");
}

/**
 * SPEC A1: the Kickoff / Release Planning phase starts on the later of the SOW signature and the
 * staffing-complete dates (working day or not), or on a later start the scrum master chose, and
 * lasts 3 or 4 whole weeks: from 2026-01-12 with 3 weeks it ends 2026-02-01.
 * Returns the field messages instead when the input breaks a rule.
 */
export function kickoffPhase(input: {
  sowSignedOn: string;
  staffedOn: string;
  chosenStart?: string | null;
  weeks: number;
}): { ok: true; kickoff: Kickoff } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  if (input.weeks !== 3 && input.weeks !== 4) fields.kickoffWeeks = "Kickoff lasts 3 or 4 whole weeks.";
  const earliest = input.sowSignedOn > input.staffedOn ? input.sowSignedOn : input.staffedOn;
  if (input.chosenStart && input.chosenStart < earliest) {
    fields.kickoffStart = `Kickoff cannot start before ${earliest}, the later of the SOW signature and staffing dates.`;
  }
  if (Object.keys(fields).length) return { ok: false, fields };
  const start = input.chosenStart && input.chosenStart > earliest ? input.chosenStart : earliest;
  const weeks = input.weeks as 3 | 4;
  return { ok: true, kickoff: { start, end: plusDays(start, weeks * 7 - 1), weeks } };
}
