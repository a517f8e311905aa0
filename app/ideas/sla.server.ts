import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { categories, ideas, portals, slaClocks } from "../../db/schema";
import { appToday } from "../lib/app-time";
import { isLate } from "./lifecycle";
import { OPEN_STATUSES_SQL } from "./pm-board.server";
import { slaState, type SlaState } from "./sla";
import { subDays, format, parseISO } from "date-fns";

export type SlaRow = { key: string; title: string; enteredAt: string; dueDate: string; answeredOn: string | null; state: SlaState; categoryPmId: number | null; portal: string };

/** Every clock: open ones first by due date (overdue ones lead), then ended ones, newest first. */
export function listSlaClocks(db: Db, today = appToday()): SlaRow[] {
  const rows = db
    .select({
      key: ideas.key,
      title: ideas.title,
      enteredAt: slaClocks.enteredOn,
      dueDate: slaClocks.dueOn,
      answeredOn: slaClocks.answeredOn,
      categoryPmId: categories.pmId,
      portal: portals.name,
    })
    .from(slaClocks)
    .innerJoin(ideas, eq(ideas.id, slaClocks.ideaId))
    .innerJoin(categories, eq(categories.id, ideas.categoryId))
    .innerJoin(portals, eq(portals.id, ideas.portalId))
    .orderBy(sql`${slaClocks.answeredOn} IS NOT NULL`, asc(slaClocks.dueOn), desc(slaClocks.answeredOn))
    .all();
  return rows.map((r) => ({ ...r, state: slaState({ dueOn: r.dueDate, answeredOn: r.answeredOn }, today) }));
}

export type PmBoard = {
  /** The first LIST_LIMIT of each list, with how many there are. */
  late: { key: string; title: string; status: string; targetDate: string | null }[];
  lateTotal: number;
  stale: { key: string; title: string; lastOfficial: string | null }[];
  staleTotal: number;
};

const LIST_LIMIT = 50;

/**
 * The PM board's two watch lists, for the PM's own categories or all: late ideas (accepted or in
 * development past their target date) and stale ones (In Development, no official update for 30
 * days). The open clocks are the board's own rows (pm-board.server.ts), sorted by due date.
 */
export function pmBoard(db: Db, pmId: number, scope: "mine" | "all", today = appToday()): PmBoard {
  const inCategories = scope === "mine" ? inArray(ideas.categoryId, db.select({ id: categories.id }).from(categories).where(eq(categories.pmId, pmId))) : undefined;
  // OPEN_STATUSES_SQL says nothing new here: it lets SQLite read both lists from the open ideas' index.
  const lateWhere = and(OPEN_STATUSES_SQL, inArray(ideas.status, ["accepted", "in_development"]), isNotNull(ideas.targetDate), sql`${ideas.targetDate} < ${today}`, inCategories);
  const late = db
    .select({ key: ideas.key, title: ideas.title, status: ideas.status, targetDate: ideas.targetDate })
    .from(ideas)
    .where(lateWhere)
    .orderBy(asc(ideas.targetDate))
    .limit(LIST_LIMIT)
    .all()
    .filter((i) => isLate(i.status, i.targetDate, today));
  const lateTotal = db.select({ n: count() }).from(ideas).where(lateWhere).get()?.n ?? 0;
  const staleBefore = format(subDays(parseISO(today), 30), "yyyy-MM-dd");
  const lastOfficial = sql<string | null>`(SELECT max(c.created_at) FROM comments c WHERE c.idea_id = "ideas"."id" AND c.kind = 'official' AND c.hidden = 0 AND c.deleted_at IS NULL)`;
  const staleWhere = and(OPEN_STATUSES_SQL, eq(ideas.status, "in_development"), inCategories, sql`coalesce(substr(${lastOfficial}, 1, 10), '') < ${staleBefore}`);
  const stale = db.select({ key: ideas.key, title: ideas.title, lastOfficial }).from(ideas).where(staleWhere).orderBy(asc(ideas.key)).limit(LIST_LIMIT).all();
  const staleTotal = db.select({ n: count() }).from(ideas).where(staleWhere).get()?.n ?? 0;
  return { late, lateTotal, stale, staleTotal };
}
