import { workingDaysInRange, type IsoDate } from "../calendar/business-days";

/** The five ceremonies of a sprint (SPEC A5), in the order a sprint meets them. */
export const CEREMONY_KINDS = ["planning", "standup", "grooming", "demo", "retro"] as const;
export type CeremonyKind = (typeof CEREMONY_KINDS)[number];

/** Names as SPEC spells them: calendar entries and pages use these. */
export const CEREMONY_NAMES: Record<CeremonyKind, string> = {
  planning: "Sprint Planning",
  standup: "Daily Standup",
  grooming: "Backlog Grooming",
  demo: "Sprint Demo",
  retro: "Sprint Retrospective",
};

export type CeremonySlot = { time: string; minutes: number };
export type CeremonyDefaults = Record<CeremonyKind, CeremonySlot>;

/**
 * Where a project has not chosen its own: planning opens the sprint in the morning, the standup is
 * a short morning call, grooming an early-afternoon hour mid-sprint, and the last day holds the
 * demo in the morning and the retrospective after lunch.
 */
export const DEFAULT_CEREMONY_TIMES: CeremonyDefaults = {
  planning: { time: "09:30", minutes: 120 },
  standup: { time: "09:00", minutes: 15 },
  grooming: { time: "14:00", minutes: 60 },
  demo: { time: "10:00", minutes: 60 },
  retro: { time: "14:00", minutes: 60 },
};

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A project's stored choice (possibly partial, possibly from an older version) over the defaults. */
export function ceremonyDefaults(stored: Partial<Record<string, Partial<CeremonySlot>>> | null | undefined): CeremonyDefaults {
  const out = { ...DEFAULT_CEREMONY_TIMES };
  for (const kind of CEREMONY_KINDS) {
    const s = stored?.[kind];
    if (!s) continue;
    out[kind] = {
      time: typeof s.time === "string" && TIME_PATTERN.test(s.time) ? s.time : out[kind].time,
      minutes: typeof s.minutes === "number" && s.minutes >= 5 && s.minutes <= 480 ? s.minutes : out[kind].minutes,
    };
  }
  return out;
}

export type PlannedCeremony = { kind: CeremonyKind; plannedOn: IsoDate; time: string; minutes: number };

/**
 * A sprint's ceremonies (SPEC A5): Sprint Planning on the first working day, a Daily Standup on
 * every working day, Backlog Grooming on the middle working day, the Sprint Demo and the Sprint
 * Retrospective on the last working day. Weekends and holidays hold none. Sorted by date, then by
 * time of day.
 */
export function ceremonySchedule(sprint: { start: IsoDate; end: IsoDate }, holidays: ReadonlySet<IsoDate>, defaults: CeremonyDefaults = DEFAULT_CEREMONY_TIMES): PlannedCeremony[] {
  const days = workingDaysInRange(sprint.start, sprint.end, holidays);
  if (days.length === 0) return [];
  const at = (kind: CeremonyKind, plannedOn: IsoDate): PlannedCeremony => ({ kind, plannedOn, ...defaults[kind] });
  const first = days[0];
  const last = days[days.length - 1];
  const middle = days[Math.floor((days.length - 1) / 2)];
  const all = [at("planning", first), ...days.map((d) => at("standup", d)), at("grooming", middle), at("demo", last), at("retro", last)];
  return all.sort((a, b) => (a.plannedOn === b.plannedOn ? a.time.localeCompare(b.time) : a.plannedOn.localeCompare(b.plannedOn)));
}

/** The identity an occurrence keeps across re-lays: one of each kind per sprint, one standup per day. */
export function occurrenceKey(c: { kind: CeremonyKind; plannedOn: IsoDate }): string {
  return c.kind === "standup" ? `standup:${c.plannedOn}` : c.kind;
}

export type StoredOccurrence = {
  id: number;
  kind: CeremonyKind;
  plannedOn: IsoDate;
  date: IsoDate;
  time: string;
  minutes: number;
  moved: boolean;
  cancelled: boolean;
  notes: string;
};

export type RelayPlan = {
  insert: PlannedCeremony[];
  /**
   * Untouched occurrences follow the new schedule (date, time and length); so does a moved one
   * whose chosen day fell outside the sprint's new dates (`unmoved`: its move no longer holds).
   */
  update: { id: number; plannedOn: IsoDate; date: IsoDate; time: string; minutes: number; unmoved?: true }[];
  /** Touched ones (moved by hand) keep their date and time; only the planned date follows. */
  replan: { id: number; plannedOn: IsoDate }[];
  remove: number[];
  /** Touched occurrences whose day no longer belongs to the sprint: kept, but cancelled. */
  orphan: number[];
};

/**
 * How a sprint's stored occurrences follow a new schedule (new dates, new holidays, new default
 * times). An occurrence somebody moved keeps the time they chose while that stays inside the
 * sprint (a ceremony belongs to its sprint's dates); one with notes or a cancellation is never
 * silently deleted.
 */
export function relayPlan(stored: readonly StoredOccurrence[], schedule: readonly PlannedCeremony[], sprint: { start: IsoDate; end: IsoDate }): RelayPlan {
  const byKey = new Map(stored.map((o) => [occurrenceKey(o), o]));
  const plan: RelayPlan = { insert: [], update: [], replan: [], remove: [], orphan: [] };
  const seen = new Set<string>();
  for (const c of schedule) {
    const key = occurrenceKey(c);
    seen.add(key);
    const o = byKey.get(key);
    if (!o) plan.insert.push(c);
    else if (o.moved && (o.date < sprint.start || o.date > sprint.end)) {
      plan.update.push({ id: o.id, plannedOn: c.plannedOn, date: c.plannedOn, time: c.time, minutes: c.minutes, unmoved: true });
    } else if (o.moved) {
      if (o.plannedOn !== c.plannedOn) plan.replan.push({ id: o.id, plannedOn: c.plannedOn });
    } else if (o.plannedOn !== c.plannedOn || o.date !== c.plannedOn || o.time !== c.time || o.minutes !== c.minutes) {
      plan.update.push({ id: o.id, plannedOn: c.plannedOn, date: c.plannedOn, time: c.time, minutes: c.minutes });
    }
  }
  for (const [key, o] of byKey) {
    if (seen.has(key)) continue;
    const touched = o.moved || o.cancelled || o.notes.trim() !== "";
    if (touched) {
      if (!o.cancelled) plan.orphan.push(o.id);
    } else plan.remove.push(o.id);
  }
  return plan;
}

/** Start and end of an occurrence as wall-clock minutes, for "now" and "next" comparisons. */
export function occurrenceBounds(o: { date: IsoDate; time: string; minutes: number }): { startKey: string; endKey: string } {
  const [h, m] = o.time.split(":").map(Number);
  const end = h * 60 + m + o.minutes;
  const endH = Math.min(23, Math.floor(end / 60));
  const endM = end >= 24 * 60 ? 59 : end % 60;
  return { startKey: `${o.date}T${o.time}`, endKey: `${o.date}T${String(endH).padStart(2, "0")}:${String(endM).padStart(2, "0")}` };
}

/**
 * Today's ceremonies and the next one (SPEC A5's sprint page): `now` is the project's wall clock
 * as `YYYY-MM-DDTHH:MM`. Today's are all of today's, earliest first, each marked when it is over
 * or under way; the next is the first one that has not started yet. Cancelled ones are skipped.
 */
export function todayAndNext<T extends { date: IsoDate; time: string; minutes: number; cancelled: boolean }>(
  occurrences: readonly T[],
  now: string,
): { today: (T & { phase: "over" | "now" | "later" })[]; next: T | null } {
  const live = occurrences
    .filter((o) => !o.cancelled)
    .map((o) => ({ o, ...occurrenceBounds(o) }))
    .sort((a, b) => a.startKey.localeCompare(b.startKey));
  const todayDate = now.slice(0, 10);
  const today = live
    .filter((x) => x.o.date === todayDate)
    .map((x) => ({ ...x.o, phase: x.endKey <= now ? ("over" as const) : x.startKey <= now ? ("now" as const) : ("later" as const) }));
  const next = live.find((x) => x.startKey > now)?.o ?? null;
  return { today, next };
}
