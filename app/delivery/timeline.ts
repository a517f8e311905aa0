import { addDays, differenceInCalendarDays, format, parseISO, startOfMonth, addMonths } from "date-fns";

/** A cutover may carry the date its go-live is forecast to be ready (the end of its forecast sprint). */
export type TimelineEntry = { kind: "kickoff" | "sprint" | "cutover" | "hypercare" | "transition"; label: string; start: string; end: string; forecastOn?: string | null };

/**
 * The release timeline (SPEC A8): kickoff, the sprints, each go-live's cutover and hypercare, and
 * the Transition to Customer Care after the last hypercare ends. A go-live forecast to be ready
 * after everything else stretches the timeline to show it.
 */
export function timeline(input: {
  kickoff: { start: string; end: string };
  sprints: { number: number; start: string; end: string }[];
  goLives: { name: string; cutoverOn: string; hypercareEnd: string; forecastOn?: string | null }[];
}): { entries: TimelineEntry[]; start: string; end: string } {
  const entries: TimelineEntry[] = [{ kind: "kickoff", label: "Kickoff / Release Planning", start: input.kickoff.start, end: input.kickoff.end }];
  for (const s of input.sprints) entries.push({ kind: "sprint", label: `Sprint ${s.number}`, start: s.start, end: s.end });
  for (const g of input.goLives) {
    entries.push({ kind: "cutover", label: `${g.name}: cutover`, start: g.cutoverOn, end: g.cutoverOn, ...(g.forecastOn !== undefined ? { forecastOn: g.forecastOn } : {}) });
    entries.push({ kind: "hypercare", label: `${g.name}: hypercare`, start: format(addDays(parseISO(g.cutoverOn), 1), "yyyy-MM-dd"), end: g.hypercareEnd });
  }
  const lastHypercare = input.goLives.map((g) => g.hypercareEnd).sort().at(-1);
  if (lastHypercare) {
    const start = format(addDays(parseISO(lastHypercare), 1), "yyyy-MM-dd");
    entries.push({ kind: "transition", label: "Transition to Customer Care", start, end: start });
  }
  const start = entries.map((e) => e.start).sort()[0];
  const end = [...entries.map((e) => e.end), ...entries.flatMap((e) => (e.forecastOn ? [e.forecastOn] : []))].sort().at(-1)!;
  return { entries, start, end };
}

/** Where an entry sits on a bar from `start` to `end`, in percent. */
export function position(entry: { start: string; end: string }, start: string, end: string): { left: number; width: number } {
  const span = Math.max(1, differenceInCalendarDays(parseISO(end), parseISO(start)) + 1);
  const left = (differenceInCalendarDays(parseISO(entry.start), parseISO(start)) / span) * 100;
  const width = ((differenceInCalendarDays(parseISO(entry.end), parseISO(entry.start)) + 1) / span) * 100;
  return { left: Math.round(left * 100) / 100, width: Math.max(0.8, Math.round(width * 100) / 100) };
}

/** Where a single day sits on the bar from `start` to `end`, in percent (its middle); none outside. */
export function dayAt(date: string, start: string, end: string): number | null {
  if (date < start || date > end) return null;
  const span = Math.max(1, differenceInCalendarDays(parseISO(end), parseISO(start)) + 1);
  return Math.round(((differenceInCalendarDays(parseISO(date), parseISO(start)) + 0.5) / span) * 10000) / 100;
}

/**
 * The timeline's axis: a labelled tick at the first of each month within it, and a faint tick on
 * each Monday (left out when the timeline is so long that weeks would blur into one another).
 */
export function timelineAxis(start: string, end: string): { months: { label: string; left: number }[]; weeks: number[] } {
  const span = Math.max(1, differenceInCalendarDays(parseISO(end), parseISO(start)) + 1);
  const at = (d: Date) => Math.round((differenceInCalendarDays(d, parseISO(start)) / span) * 10000) / 100;
  const months: { label: string; left: number }[] = [];
  for (let m = startOfMonth(parseISO(start)); format(m, "yyyy-MM-dd") <= end; m = addMonths(m, 1)) {
    const first = format(m, "yyyy-MM-dd") < start ? parseISO(start) : m;
    months.push({ label: format(m, m.getMonth() === 0 || months.length === 0 ? "MMM yyyy" : "MMM"), left: at(first) });
  }
  // A month the timeline starts at its very end would have its label run into the next one.
  if (months.length > 1 && months[1].left - months[0].left < 4) months.shift();
  const weeks: number[] = [];
  if (span <= 370) {
    for (let d = parseISO(start); format(d, "yyyy-MM-dd") <= end; d = addDays(d, 1)) if (d.getDay() === 1) weeks.push(at(d));
  }
  return { months, weeks };
}
