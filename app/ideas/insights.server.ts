import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { voteLedger } from "../../db/schema";
import type { VotesWeek } from "../components/charts/votes-per-week";

/** Votes cast and taken back on one idea per week (Monday), from the ledger. */
export function votesPerWeek(db: Db, ideaId: number): VotesWeek[] {
  return db
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
}
