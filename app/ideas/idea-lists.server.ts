/** Finding ideas: similar ideas while typing, the filtered list and its CSV export, roadmaps and changelogs. */
import { writeCsv } from "../lib/csv";
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { IDEA_STATUSES, categories, follows, ideas, portals, rankVotes, users } from "../../db/schema";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput, parseLenient } from "../lib/validation";
import { targetQuarter, STATUS_LABELS } from "./lifecycle";
import { ideaVocabulary } from "./idea-terms.server";
import { ideaQuery, minimumCoverage } from "./search";
import { shownVotes } from "./votes";
import { baseQuery, summaries, summaryColumns, type IdeaSummary } from "./ideas.server";

export const SimilarSchema = z.object({
  q: z.string({ error: "Type a title to look for." }).trim().max(200, "Keep the text under 200 characters.").default(""),
  portal: z.string().trim().optional(),
});

/** The intake's lookup through the API: `portal`, when given, must exist; the hits come from every portal. */
export function similarIdeasFor(db: Db, viewer: User, input: unknown): IdeaSummary[] {
  const { q, portal } = parseInput(SimilarSchema, input);
  if (portal && !db.select({ id: portals.id }).from(portals).where(eq(portals.slug, portal)).get()) throw new DomainError("not_found", `No portal ${portal}.`);
  return similarIdeas(db, q, viewer.id);
}

/**
 * The second pass counts, per typed word, the newest titles holding it — all of them for a
 * telling word, the newest few hundred for one in every other title — so its cost stays flat as
 * the portal grows.
 */
const TITLE_HITS_PER_WORD = 500;
/** How many second-pass candidates are fetched, so that a few merged ones left out still leave enough. */
const SECOND_PASS_POOL = 20;

/**
 * Up to five ideas like the typed text, from every portal, merged ones left out, forgiving typos,
 * compounds and spacing (search.ts), in three passes that each run only while fewer than five
 * were found:
 * 1. titles holding every word, best bm25 first;
 * 2. titles holding enough of the words (`minimumCoverage`), most words first, then newest — so
 *    one shared word among many never outranks a real match;
 * 3. ideas holding every word somewhere, description included, best bm25 first.
 * Stop-words alone find nothing. At 50,000 ideas no pass ranks a large set: FTS5 ranks only ideas
 * holding every word (few in titles), and the second pass counts title hits per idea inside
 * SQLite (up to TITLE_HITS_PER_WORD per word), reading no idea row until the few it keeps.
 */
export function similarIdeas(db: Db, text: string, viewerId: number | null, limit = 5): IdeaSummary[] {
  const query = ideaQuery(text, ideaVocabulary(db), { strict: true });
  if (!query) return [];
  const found = matchRows(db, sql`ideas_fts MATCH ${`title : (${query.all})`}`, limit);
  if (found.length < limit) {
    const hits = sql.join(
      query.groups.map((g) => sql`SELECT * FROM (SELECT rowid FROM ideas_fts WHERE ideas_fts MATCH ${`title : ${g.expression}`} ORDER BY rowid DESC LIMIT ${TITLE_HITS_PER_WORD})`),
      sql` UNION ALL `,
    );
    const pool = db
      .select({ id: sql<number>`rowid` })
      .from(sql`(${hits})`)
      .groupBy(sql`rowid`)
      .having(sql`count(*) >= ${minimumCoverage(query.groups.length)}`)
      .orderBy(sql`count(*) DESC`, sql`rowid DESC`)
      .limit(SECOND_PASS_POOL + found.length)
      .all()
      .map((r) => r.id)
      .filter((id) => !found.some((f) => f.id === id));
    const rows = pool.length ? baseQuery(db).where(and(inArray(ideas.id, pool), ne(ideas.status, "merged"))).all() : [];
    found.push(...rows.sort((a, b) => pool.indexOf(a.id) - pool.indexOf(b.id)).slice(0, limit - found.length));
  }
  if (found.length < limit) {
    for (const row of matchRows(db, sql`ideas_fts MATCH ${query.all}`, limit + found.length)) {
      if (found.length < limit && !found.some((f) => f.id === row.id)) found.push(row);
    }
  }
  return summaries(db, found, viewerId);
}

function matchRows(db: DbOrTx, match: SQL, limit: number) {
  return (
    db
      .select(summaryColumns)
      .from(sql`ideas_fts`)
      .innerJoin(ideas, sql`${ideas.id} = ideas_fts.rowid`)
      .innerJoin(categories, eq(categories.id, ideas.categoryId))
      .innerJoin(portals, eq(portals.id, ideas.portalId))
      .innerJoin(users, eq(users.id, ideas.authorId))
      .where(and(match, sql`${ideas.status} <> 'merged'`))
      // FTS5's own `rank` (bm25, title weighted) lets it order the matches itself, without a temp B-tree.
      .orderBy(sql`ideas_fts.rank`)
      .limit(limit)
      .all()
  );
}

export const ListFiltersSchema = z.object({
  portal: z.string().trim().optional(),
  status: z.enum(IDEA_STATUSES, { error: "Unknown status." }).optional().or(z.literal("").transform(() => undefined)),
  category: z.string().trim().toUpperCase().optional(),
  q: z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
  sort: z.enum(["top", "new"], { error: "Sort by top or new." }).default("top"),
  mine: z.enum(["voted", "company"]).optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number({ error: "Page is a number." }).int().min(1, "Pages start at 1.").max(100_000).default(1),
  pageSize: z.coerce.number({ error: "Page size is a number." }).int().min(1).max(100, "At most 100 per page.").default(20),
});
export type ListFilters = z.infer<typeof ListFiltersSchema>;

export type IdeaPage = { items: IdeaSummary[]; total: number; page: number; pageSize: number };

/** The WHERE of a filtered idea list (null: nothing can match, e.g. an unknown portal). */
function filterConditions(db: Db, viewer: User, f: ListFilters): SQL | undefined | null {
  // Portal and category are looked up once, so that the list and its count filter on the ideas
  // table's own indexed columns and the count needs no join.
  const conditions: SQL[] = [];
  if (f.portal) {
    const portal = db.select({ id: portals.id }).from(portals).where(eq(portals.slug, f.portal)).get();
    if (!portal) return null;
    conditions.push(eq(ideas.portalId, portal.id));
  }
  if (f.category) {
    const category = db.select({ id: categories.id }).from(categories).where(eq(categories.keyPrefix, f.category)).get();
    if (!category) return null;
    conditions.push(eq(ideas.categoryId, category.id));
  }
  if (f.status) conditions.push(eq(ideas.status, f.status));
  const match = f.q ? ideaQuery(f.q, ideaVocabulary(db))?.all : null;
  if (f.q && !match) return null;
  if (match) conditions.push(sql`${ideas.id} IN (SELECT rowid FROM ideas_fts WHERE ideas_fts MATCH ${match})`);
  if (f.mine === "voted") {
    conditions.push(sql`${ideas.id} IN (SELECT idea_id FROM idea_votes WHERE user_id = ${viewer.id})`);
  }
  if (f.mine === "company") {
    conditions.push(
      viewer.company
        ? sql`${ideas.id} IN (SELECT v.idea_id FROM idea_votes v JOIN users u ON u.id = v.user_id WHERE u.company = ${viewer.company})`
        : sql`0`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** "top" ranks a Delivered or Not Planned idea by the votes it closed with (an indexed expression). */
function listOrder(f: ListFilters) {
  return f.sort === "new" ? [desc(ideas.createdAt), desc(ideas.id)] : [desc(rankVotes(ideas)), desc(ideas.id)];
}

/** A page of ideas, filtered and sorted; every filter and sort is served by an index. */
export function listIdeas(db: Db, viewer: User, input: unknown): IdeaPage {
  const f = parseInput(ListFiltersSchema, input);
  const where = filterConditions(db, viewer, f);
  if (where === null) return { items: [], total: 0, page: f.page, pageSize: f.pageSize };
  const total = db.select({ n: sql<number>`count(*)` }).from(ideas).where(where).get()?.n ?? 0;
  const rows = baseQuery(db)
    .where(where)
    .orderBy(...listOrder(f))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all();
  return { items: summaries(db, rows, viewer.id), total, page: f.page, pageSize: f.pageSize };
}

/** What a list page says about a query part it could not use, and what it shows instead. */
const FALLBACK_NOTICES: Record<string, (value: string) => string> = {
  status: (v) => `There is no status “${v}”, so every status is shown.`,
  sort: (v) => `Ideas cannot be sorted by “${v}”; they are sorted by top votes.`,
  page: (v) => `“${v}” is not a page number, so page 1 is shown.`,
  pageSize: (v) => `“${v}” is not a page size; 20 ideas are shown per page.`,
  mine: (v) => `“${v}” is not a choice of ideas to show, so all ideas are shown.`,
  q: () => "The search was too long to use, so every idea is shown.",
};

export type IdeaListPage = IdeaPage & {
  /** Sentences about parts of the URL that were not understood and what is shown instead. */
  notices: string[];
  /** The query's page lies past the last page: offer page 1 instead of an empty list. */
  pastEnd: boolean;
  pages: number;
};

/**
 * A list page never dead-ends: an unknown status, sort or page falls back to its default with a
 * notice, an unknown category shows every category, and a page past the end says so (the API
 * refuses the same input with 422: a program should hear that its query is wrong).
 */
export function listIdeasForPage(db: Db, viewer: User, input: Record<string, string>): IdeaListPage {
  const { data, dropped } = parseLenient(ListFiltersSchema, input);
  const notices = dropped.map((field) => (FALLBACK_NOTICES[field] ?? (() => `“${field}” was not understood and is ignored.`))(String(input[field] ?? "")));
  if (data.category && !db.select({ id: categories.id }).from(categories).innerJoin(portals, eq(portals.id, categories.portalId)).where(and(eq(categories.keyPrefix, data.category), data.portal ? eq(portals.slug, data.portal) : undefined)).get()) {
    notices.push(`There is no category “${data.category}” here, so every category is shown.`);
    data.category = undefined;
  }
  const page = listIdeas(db, viewer, data);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return { ...page, notices, pastEnd: page.total > 0 && page.page > pages, pages };
}

/** The most rows one export holds. */
export const EXPORT_LIMIT = 50_000;

/**
 * The ideas of the current filters as CSV (Part C): key, title, status, votes (a closed idea's at
 * its close, as on the pages), category, created,
 * target (the date for PMs and admins, the quarter for everyone else, as on the pages), release note.
 */
export function exportIdeasCsv(db: Db, viewer: User, input: unknown): string {
  const f = parseInput(ListFiltersSchema, input);
  const where = filterConditions(db, viewer, f);
  const isPm = globalCan(viewer.role, "ideas.move");
  const rows =
    where === null
      ? []
      : db
          .select({ key: ideas.key, title: ideas.title, status: ideas.status, votes: ideas.votes, votesAtClose: ideas.votesAtClose, category: categories.name, createdAt: ideas.createdAt, targetDate: ideas.targetDate, releaseNoteUrl: ideas.releaseNoteUrl })
          .from(ideas)
          .innerJoin(categories, eq(categories.id, ideas.categoryId))
          .where(where)
          .orderBy(...listOrder(f))
          .limit(EXPORT_LIMIT)
          .all();
  return writeCsv({
    fields: ["key", "title", "status", "votes", "category", "created", isPm ? "target date" : "target quarter", "release note"],
    rows: rows.map((r) => [r.key, r.title, STATUS_LABELS[r.status], shownVotes(r), r.category, r.createdAt.slice(0, 10), (isPm ? r.targetDate : targetQuarter(r.targetDate)) ?? "", r.releaseNoteUrl ?? ""]),
  });
}

/**
 * A portal's public roadmap (SPEC B10's loop, seen from the portal): Accepted and In Development
 * ideas grouped by target quarter, soonest first, most voted first within a quarter.
 */
export function portalRoadmap(db: Db, slug: string) {
  const portal = db.select().from(portals).where(eq(portals.slug, slug)).get();
  if (!portal) throw new DomainError("not_found", "No such portal.");
  const rows = db
    .select({ key: ideas.key, title: ideas.title, status: ideas.status, votes: ideas.votes, targetDate: ideas.targetDate, category: categories.name })
    .from(ideas)
    .innerJoin(categories, eq(categories.id, ideas.categoryId))
    .where(and(eq(ideas.portalId, portal.id), inArray(ideas.status, ["accepted", "in_development"])))
    .orderBy(sql`${ideas.targetDate} IS NULL`, asc(ideas.targetDate), desc(ideas.votes))
    .all();
  const quarters: { quarter: string; ideas: Omit<(typeof rows)[number], "targetDate">[] }[] = [];
  for (const { targetDate, ...idea } of rows) {
    const quarter = targetQuarter(targetDate) ?? "Not scheduled";
    const last = quarters.at(-1);
    if (last?.quarter === quarter) last.ideas.push(idea);
    else quarters.push({ quarter, ideas: [idea] });
  }
  return { portal, quarters, recentlyDelivered: portalChangelog(db, slug, 5).entries };
}

/** A portal's changelog: Delivered ideas, newest first, with their release notes. */
export function portalChangelog(db: Db, slug: string, limit = 200) {
  const portal = db.select().from(portals).where(eq(portals.slug, slug)).get();
  if (!portal) throw new DomainError("not_found", "No such portal.");
  const rows = db
    .select({
      key: ideas.key,
      title: ideas.title,
      deliveredAt: ideas.statusChangedAt,
      releaseNoteUrl: ideas.releaseNoteUrl,
      docUrls: ideas.docUrls,
      category: categories.name,
      votesAtClose: ideas.votesAtClose,
      companiesAtClose: ideas.companiesAtClose,
    })
    .from(ideas)
    .innerJoin(categories, eq(categories.id, ideas.categoryId))
    .where(and(eq(ideas.portalId, portal.id), eq(ideas.status, "delivered")))
    .orderBy(desc(ideas.statusChangedAt), desc(ideas.id))
    .limit(limit)
    .all();
  return { portal, entries: rows };
}

export type HomeIdea = { key: string; title: string; status: (typeof IDEA_STATUSES)[number]; changedAt: string; portal: string };

const homeColumns = { key: ideas.key, title: ideas.title, status: ideas.status, changedAt: ideas.statusChangedAt, portal: portals.name };

/**
 * The top of the Ideas Lab for a customer or partner: the ideas they follow (last moved first)
 * and the ideas that moved most recently anywhere, a few of each, with how many they follow.
 */
export function ideasLabHome(db: Db, viewer: Pick<User, "id">, limit = 5): { following: HomeIdea[]; followingTotal: number; recent: HomeIdea[] } {
  const followed = and(eq(follows.userId, viewer.id), eq(follows.following, true));
  const following = db
    .select(homeColumns)
    .from(follows)
    .innerJoin(ideas, eq(ideas.id, follows.ideaId))
    .innerJoin(portals, eq(portals.id, ideas.portalId))
    .where(followed)
    .orderBy(desc(ideas.statusChangedAt), desc(ideas.id))
    .limit(limit)
    .all();
  const followingTotal = db.select({ n: sql<number>`count(*)` }).from(follows).where(followed).get()?.n ?? 0;
  const recent = db
    .select(homeColumns)
    .from(ideas)
    .innerJoin(portals, eq(portals.id, ideas.portalId))
    .where(sql`${ideas.status} <> 'merged'`)
    .orderBy(desc(ideas.statusChangedAt), desc(ideas.id))
    .limit(limit)
    .all();
  return { following, followingTotal, recent };
}
