import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";

export type TimelineEntry = { kind: "kickoff" | "sprint" | "cutover" | "hypercare" | "transition"; label: string; start: string; end: string };

/**
 * The release timeline (SPEC A8): kickoff, the sprints, each go-live's cutover and hypercare, and
 * the Transition to Customer Care after the last hypercare ends.
 */
export function timeline(input: {
  kickoff: { start: string; end: string };
  sprints: { number: number; start: string; end: string }[];
  goLives: { name: string; cutoverOn: string; hypercareEnd: string }[];
}): { entries: TimelineEntry[]; start: string; end: string } {
  const entries: TimelineEntry[] = [{ kind: "kickoff", label: "Kickoff / Release Planning", start: input.kickoff.start, end: input.kickoff.end }];
  for (const s of input.sprints) entries.push({ kind: "sprint", label: `Sprint ${s.number}`, start: s.start, end: s.end });
  for (const g of input.goLives) {
    entries.push({ kind: "cutover", label: `${g.name}: cutover`, start: g.cutoverOn, end: g.cutoverOn });
    entries.push({ kind: "hypercare", label: `${g.name}: hypercare`, start: format(addDays(parseISO(g.cutoverOn), 1), "yyyy-MM-dd"), end: g.hypercareEnd });
  }
  const lastHypercare = input.goLives.map((g) => g.hypercareEnd).sort().at(-1);
  if (lastHypercare) {
    const start = format(addDays(parseISO(lastHypercare), 1), "yyyy-MM-dd");
    entries.push({ kind: "transition", label: "Transition to Customer Care", start, end: start });
  }
  const start = entries.map((e) => e.start).sort()[0];
  const end = entries.map((e) => e.end).sort().at(-1)!;
  return { entries, start, end };
}

/** Where an entry sits on a bar from `start` to `end`, in percent. */
export function position(entry: { start: string; end: string }, start: string, end: string): { left: number; width: number } {
  const span = Math.max(1, differenceInCalendarDays(parseISO(end), parseISO(start)) + 1);
  const left = (differenceInCalendarDays(parseISO(entry.start), parseISO(start)) / span) * 100;
  const width = ((differenceInCalendarDays(parseISO(entry.end), parseISO(entry.start)) + 1) / span) * 100;
  return { left: Math.round(left * 100) / 100, width: Math.max(0.8, Math.round(width * 100) / 100) };
}
