import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { categories, ideas, portals, slaClocks } from "../../db/schema";
import { appToday } from "../lib/app-time";
import { isLate } from "./lifecycle";
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
  clocks: (SlaRow & { overdue: boolean })[];
  late: { key: string; title: string; status: string; targetDate: string | null }[];
  stale: { key: string; title: string; lastOfficial: string | null }[];
};

/**
 * The PM board: unanswered clocks (overdue first, then by due date), late ideas and stale ones
 * (In Development, no official update for 30 days) — for the PM's own categories or all.
 */
export function pmBoard(db: Db, pmId: number, scope: "mine" | "all", today = appToday()): PmBoard {
  const categoryIds =
    scope === "mine" ? db.select({ id: categories.id }).from(categories).where(eq(categories.pmId, pmId)).all().map((c) => c.id) : null;
  const inScope = (ids: number | null) => categoryIds === null || (ids !== null && categoryIds.includes(ids));
  const clocks = listSlaClocks(db, today)
    .filter((c) => c.answeredOn === null && (scope === "all" || c.categoryPmId === pmId))
    .map((c) => ({ ...c, overdue: c.state === "missed" }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  const scopeCondition = categoryIds === null ? undefined : categoryIds.length ? inArray(ideas.categoryId, categoryIds) : sql`0`;
  const late = db
    .select({ key: ideas.key, title: ideas.title, status: ideas.status, targetDate: ideas.targetDate, categoryId: ideas.categoryId })
    .from(ideas)
    .where(and(inArray(ideas.status, ["accepted", "in_development"]), isNotNull(ideas.targetDate), sql`${ideas.targetDate} < ${today}`, scopeCondition))
    .orderBy(asc(ideas.targetDate))
    .all()
    .filter((i) => inScope(i.categoryId) && isLate(i.status, i.targetDate, today))
    .map(({ categoryId: _c, ...i }) => i);
  const staleBefore = format(subDays(parseISO(today), 30), "yyyy-MM-dd");
  const stale = db
    .select({
      key: ideas.key,
      title: ideas.title,
      lastOfficial: sql<string | null>`(SELECT max(c.created_at) FROM comments c WHERE c.idea_id = "ideas"."id" AND c.kind = 'official' AND c.hidden = 0)`,
    })
    .from(ideas)
    .where(and(eq(ideas.status, "in_development"), scopeCondition))
    .all()
    .filter((i) => !i.lastOfficial || i.lastOfficial.slice(0, 10) < staleBefore);
  return { clocks, late, stale };
}
