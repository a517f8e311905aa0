import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { ideaStatusChanges, ideas, slaClocks, voteLedger } from "../../db/schema";
import { appToday } from "../lib/app-time";
import type { VotesWeek } from "./insights";
import { fillWeeks, funnel, medianTimeInStatus, monthsBetween, slaByMonth, statusOverTime, type History } from "./insights";

/** Votes cast and taken back on one idea per week (Monday), from the ledger, the weeks between without votes included. */
export function votesPerWeek(db: Db, ideaId: number): VotesWeek[] {
  const weeks = db
    .select({
      week: sql<string>`date(${voteLedger.at}, '-6 days', 'weekday 1')`,
      cast: sql<number>`sum(case when ${voteLedger.kind} = 'spend' then 1 else 0 end)`,
      withdrawn: sql<number>`sum(case when ${voteLedger.kind} = 'return' then 1 else 0 end)`,
    })
    .from(voteLedger)
    .where(eq(voteLedger.ideaId, ideaId))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .all();
  return fillWeeks(weeks);
}

/** The four portal charts of SPEC B9, computed by the pure rules in insights.ts. */
export function portalInsights(db: Db, portalId: number, today = appToday()) {
  const rows = db
    .select({ ideaId: ideaStatusChanges.ideaId, to: ideaStatusChanges.toStatus, at: ideaStatusChanges.at })
    .from(ideaStatusChanges)
    .innerJoin(ideas, eq(ideas.id, ideaStatusChanges.ideaId))
    .where(eq(ideas.portalId, portalId))
    .orderBy(ideaStatusChanges.ideaId, ideaStatusChanges.at, ideaStatusChanges.id)
    .all();
  const byIdea = new Map<number, History>();
  for (const r of rows) {
    const h = byIdea.get(r.ideaId) ?? { ideaId: r.ideaId, changes: [] };
    h.changes.push({ to: r.to, at: r.at });
    byIdea.set(r.ideaId, h);
  }
  const histories = [...byIdea.values()];
  const clocks = db
    .select({ dueOn: slaClocks.dueOn, answeredOn: slaClocks.answeredOn })
    .from(slaClocks)
    .innerJoin(ideas, eq(ideas.id, slaClocks.ideaId))
    .where(eq(ideas.portalId, portalId))
    .all();
  const first = rows.reduce((min, r) => (r.at < min ? r.at : min), today).slice(0, 10);
  const months = monthsBetween(first, today).slice(-12);
  return {
    funnel: funnel(histories),
    overTime: statusOverTime(histories, months, today),
    timeInStatus: medianTimeInStatus(histories, months),
    sla: slaByMonth(clocks, months, today),
  };
}
