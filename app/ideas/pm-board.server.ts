/** The PM board's rows: open ideas with their demand, owner and due date, sorted and filtered in SQL. */
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { categories, ideas, portals, slaClocks, users } from "../../db/schema";
import { appToday } from "../lib/app-time";
import { parseLenient } from "../lib/validation";
import { ALLOWED_MOVES } from "./lifecycle";
import { BOARD_NOTICES, BoardQuerySchema, defaultDirection, dueLine, type BoardSort, type DueLine } from "./pm-board";
import type { IdeaStatus } from "../../db/schema/enums";

/** 25 rows a page: each row carries its update and move forms, and a page stays well under 150 KB of HTML. */
export const BOARD_PAGE = 25;
const WORKED: IdeaStatus[] = ["community_review", "under_pm_review", "accepted", "in_development"];
/**
 * The open statuses written out in the SQL, not bound: SQLite uses the partial index
 * ideas_open_category_idx only for a query whose WHERE holds its very condition (the watch lists
 * of sla.server.ts add it for that reason too).
 */
export const OPEN_STATUSES_SQL = sql.raw(`"ideas"."status" IN (${WORKED.map((s) => `'${s}'`).join(", ")})`);

/** The open clock of an idea (at most one is open at a time). */
const openClockDue = sql<string | null>`(SELECT s.due_on FROM sla_clocks s WHERE s.idea_id = ${ideas.id} AND s.answered_on IS NULL ORDER BY s.id DESC LIMIT 1)`;
const answeredClock = sql<number>`EXISTS (SELECT 1 FROM sla_clocks s WHERE s.idea_id = ${ideas.id} AND s.answered_on IS NOT NULL)`;
const votingCompanies = sql<number>`(SELECT count(DISTINCT u.company) FROM idea_votes v JOIN users u ON u.id = v.user_id WHERE v.idea_id = ${ideas.id} AND u.company IS NOT NULL)`;
/** What a row is due by: the open clock under review, the target date once accepted. */
const dueOn = sql<string | null>`CASE WHEN ${ideas.status} = 'under_pm_review' THEN ${openClockDue} WHEN ${ideas.status} IN ('accepted', 'in_development') THEN ${ideas.targetDate} END`;

/** Each sortable column as one SQL expression: the URL only ever picks from this list. */
const SORT_SQL: Record<BoardSort, SQL> = {
  due: dueOn,
  // PREFIX-I-N by prefix, then by N as a number (COANA-I-9 before COANA-I-10).
  key: sql`substr(${ideas.key}, 1, instr(${ideas.key}, '-I-') - 1) || printf('%09d', CAST(substr(${ideas.key}, instr(${ideas.key}, '-I-') + 3) AS INTEGER))`,
  title: sql`${ideas.title} COLLATE NOCASE`,
  votes: sql`${ideas.votes}`,
  customerVotes: sql`${ideas.thresholdVotes}`,
  companies: votingCompanies,
  category: sql`${categories.name} COLLATE NOCASE`,
  owner: sql`${users.name} COLLATE NOCASE`,
};

export type BoardRow = {
  key: string;
  title: string;
  status: IdeaStatus;
  votes: number;
  thresholdVotes: number;
  voteThreshold: number;
  companies: number;
  category: string;
  categoryName: string;
  portal: string;
  owner: string | null;
  targetDate: string | null;
  due: DueLine;
  moves: readonly IdeaStatus[];
};

export type BoardPage = {
  rows: BoardRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  sort: BoardSort;
  dir: "asc" | "desc";
  category: string | null;
  owner: "mine" | "all" | number;
  /** Unanswered clocks past their due date, in the same filters. */
  overdue: number;
  notices: string[];
  categories: { key: string; name: string; portal: string }[];
  owners: { id: number; name: string }[];
};

/**
 * One page of the board: the open ideas (Community Review to In Development) of the chosen
 * owner's categories, filtered by category, sorted by a whitelisted column and paged in the
 * database. A part of the URL it cannot use falls back to its default with a notice.
 */
export function pmBoardPage(db: Db, pmId: number, input: Record<string, string>, today = appToday()): BoardPage {
  const { data, dropped } = parseLenient(BoardQuerySchema, input);
  const notices = dropped.map((f) => (BOARD_NOTICES[f] ?? (() => `“${f}” was not understood and is ignored.`))(String(input[f] ?? "")));
  const cats = db
    .select({ id: categories.id, key: categories.keyPrefix, name: categories.name, portal: portals.name, pmId: categories.pmId })
    .from(categories)
    .innerJoin(portals, eq(portals.id, categories.portalId))
    .orderBy(asc(portals.name), asc(categories.name))
    .all();
  const owners = db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(categories, eq(categories.pmId, users.id))
    .orderBy(asc(users.name))
    .all();
  let owner = data.owner;
  if (typeof owner === "number" && !owners.some((o) => o.id === owner)) {
    notices.push(`Nobody with that id owns a category, so your categories are shown.`);
    owner = "mine";
  }
  let category = data.category ?? null;
  if (category && !cats.some((c) => c.key === category)) {
    notices.push(`There is no category “${category}”, so every category is shown.`);
    category = null;
  }
  const conditions: SQL[] = [OPEN_STATUSES_SQL];
  if (owner === "mine") conditions.push(eq(categories.pmId, pmId));
  if (typeof owner === "number") conditions.push(eq(categories.pmId, owner));
  if (category) conditions.push(eq(categories.keyPrefix, category));
  const where = and(...conditions);
  const sort = data.sort;
  const dir = data.dir ?? defaultDirection(sort);
  const by = SORT_SQL[sort];
  // Rows without a value (no due date) go last either way; the key keeps equal rows in one order.
  const order = [sql`${by} IS NULL`, dir === "asc" ? asc(by) : desc(by), asc(ideas.id)];

  const total = db.select({ n: count() }).from(ideas).innerJoin(categories, eq(categories.id, ideas.categoryId)).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / BOARD_PAGE));
  if (data.page > pages) notices.push(`There is no page ${data.page}; page ${pages} is shown.`);
  const page = Math.min(data.page, pages);
  // The page's ideas first, ordered from the indexes; only those 25 then get their columns. SQLite
  // works out every selected column before it sorts, so a one-step query would count the voting
  // companies of thousands of ideas to show 25.
  const sortJoins = sort === "owner";
  const pageIds = (
    sortJoins
      ? db.select({ id: ideas.id }).from(ideas).innerJoin(categories, eq(categories.id, ideas.categoryId)).leftJoin(users, eq(users.id, categories.pmId))
      : db.select({ id: ideas.id }).from(ideas).innerJoin(categories, eq(categories.id, ideas.categoryId))
  )
    .where(where)
    .orderBy(...order)
    .limit(BOARD_PAGE)
    .offset((page - 1) * BOARD_PAGE)
    .all()
    .map((r) => r.id);
  const position = new Map(pageIds.map((id, i) => [id, i]));
  const rows = db
    .select({
      id: ideas.id,
      key: ideas.key,
      title: ideas.title,
      status: ideas.status,
      votes: ideas.votes,
      thresholdVotes: ideas.thresholdVotes,
      voteThreshold: portals.voteThreshold,
      companies: votingCompanies,
      category: categories.keyPrefix,
      categoryName: categories.name,
      portal: portals.name,
      owner: users.name,
      targetDate: ideas.targetDate,
      slaDue: openClockDue,
      slaAnswered: answeredClock,
    })
    .from(ideas)
    .innerJoin(categories, eq(categories.id, ideas.categoryId))
    .innerJoin(portals, eq(portals.id, ideas.portalId))
    .leftJoin(users, eq(users.id, categories.pmId))
    .where(pageIds.length ? inArray(ideas.id, pageIds) : sql`0`)
    .all()
    .sort((a, b) => position.get(a.id)! - position.get(b.id)!)
    .map(({ id: _id, slaDue, slaAnswered, ...r }) => ({
      ...r,
      due: dueLine({ status: r.status, slaDue, slaAnswered: Boolean(slaAnswered), targetDate: r.targetDate, thresholdVotes: r.thresholdVotes, voteThreshold: r.voteThreshold }, today),
      moves: ALLOWED_MOVES[r.status],
    }));

  const overdue =
    db
      .select({ n: count() })
      .from(slaClocks)
      .innerJoin(ideas, eq(ideas.id, slaClocks.ideaId))
      .innerJoin(categories, eq(categories.id, ideas.categoryId))
      .where(and(isNull(slaClocks.answeredOn), sql`${slaClocks.dueOn} < ${today}`, where))
      .get()?.n ?? 0;

  return {
    rows,
    total,
    page,
    pages,
    pageSize: BOARD_PAGE,
    sort,
    dir,
    category,
    owner,
    overdue,
    notices,
    categories: cats.map(({ key, name, portal }) => ({ key, name, portal })),
    owners,
  };
}
