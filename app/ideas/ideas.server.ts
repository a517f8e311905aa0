import Papa from "papaparse";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import {
  IDEA_STATUSES,
  categories,
  comments,
  goLives,
  ideaEdits,
  ideaStatusChanges,
  ideaVotes,
  ideas,
  languageTerms,
  portals,
  slaClocks,
  users,
  voteLedger,
  workaroundConfirmations,
  type IdeaStatus,
} from "../../db/schema";
import { appToday } from "../lib/app-time";
import { recordAudit } from "../auth/audit.server";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { findBlockedTerm, guidelineFor } from "./language";
import { checkMove, isLate, returnsVotes, targetQuarter, STATUS_LABELS } from "./lifecycle";
import { follow } from "../notifications/notify.server";
import { ftsQueries } from "./search";
import { slaState, type SlaState } from "./sla";
import { answerSlaClock, applyThreshold, recordStatusChange, returnAllVotes, recountVotes } from "./transitions.server";

export type IdeaSummary = {
  key: string;
  title: string;
  status: IdeaStatus;
  votes: number;
  commentCount: number;
  category: string;
  categoryName: string;
  portal: string;
  portalName: string;
  createdAt: string;
  author: { id: number; name: string };
  votedByMe: boolean;
};

const summaryColumns = {
  id: ideas.id,
  key: ideas.key,
  title: ideas.title,
  status: ideas.status,
  votes: ideas.votes,
  commentCount: ideas.commentCount,
  category: categories.keyPrefix,
  categoryName: categories.name,
  portal: portals.slug,
  portalName: portals.name,
  createdAt: ideas.createdAt,
  authorId: users.id,
  authorName: users.name,
};

function summaries(db: DbOrTx, rows: { id: number; authorId: number; authorName: string }[], viewerId: number | null) {
  const voted = new Set<number>();
  if (viewerId && rows.length) {
    for (const v of db
      .select({ ideaId: ideaVotes.ideaId })
      .from(ideaVotes)
      .where(and(eq(ideaVotes.userId, viewerId), inArray(ideaVotes.ideaId, rows.map((r) => r.id))))
      .all()) {
      voted.add(v.ideaId);
    }
  }
  return rows.map(({ id, authorId, authorName, ...rest }) => ({
    ...(rest as Omit<IdeaSummary, "author" | "votedByMe">),
    author: { id: authorId, name: authorName },
    votedByMe: voted.has(id),
  }));
}

/** The API's IdeaSummary. */
export function summaryJson(s: IdeaSummary) {
  return { key: s.key, title: s.title, status: s.status, votes: s.votes, category: s.category, portal: s.portal, createdAt: s.createdAt, author: s.author };
}

/** Refuse listed words in any of the given fields, quoting the guideline next to each. */
export function guardLanguage(db: DbOrTx, fields: Record<string, string | undefined>): void {
  const terms = db.select({ term: languageTerms.term }).from(languageTerms).all().map((t) => t.term);
  const problems: Record<string, string> = {};
  for (const [field, text] of Object.entries(fields)) {
    const term = text ? findBlockedTerm(text, terms) : null;
    if (term) problems[field] = guidelineFor(term);
  }
  if (Object.keys(problems).length) throw new DomainError("invalid", Object.values(problems)[0], { fields: problems });
}

const Title = z.string({ error: "Give your idea a title." }).trim().min(8, "Say a little more in the title (8 characters or more).").max(140, "Keep the title under 140 characters.");
const Description = z.string({ error: "Describe the idea." }).trim().min(20, "Describe what you need and why (20 characters or more).").max(10_000, "Keep the description under 10,000 characters.");
const BusinessImpact = z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional();

export const NewIdeaSchema = z.object({
  category: z.string({ error: "Choose a category." }).trim().toUpperCase().min(1, "Choose a category."),
  title: Title,
  description: Description,
  businessImpact: BusinessImpact,
});

/** Submit an idea: three fields. The key is `PREFIX-I-N`, N counting per category, never reused. */
export function createIdea(db: Db, author: User, input: unknown): IdeaSummary {
  if (!globalCan(author.role, "ideas.submit")) throw new DomainError("forbidden", "Your role does not submit ideas.");
  const data = parseInput(NewIdeaSchema, input);
  const key = db.transaction((tx) => {
    const category = tx.select().from(categories).where(eq(categories.keyPrefix, data.category)).get();
    if (!category) throw new DomainError("invalid", "Choose a category.", { fields: { category: "Choose one of the portal's categories." } });
    guardLanguage(tx, { title: data.title, description: data.description, businessImpact: data.businessImpact });
    const number = category.lastNumber + 1;
    tx.update(categories).set({ lastNumber: number }).where(eq(categories.id, category.id)).run();
    const key = `${category.keyPrefix}-I-${number}`;
    const idea = tx
      .insert(ideas)
      .values({
        key,
        portalId: category.portalId,
        categoryId: category.id,
        authorId: author.id,
        title: data.title,
        description: data.description,
        businessImpact: data.businessImpact || null,
      })
      .returning({ id: ideas.id })
      .get();
    tx.insert(ideaStatusChanges).values({ ideaId: idea.id, fromStatus: null, toStatus: "community_review", byId: author.id, note: "Submitted" }).run();
    follow(tx, author.id, idea.id);
    return key;
  });
  return getIdeaSummary(db, key, author.id);
}

function baseQuery(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(ideas)
    .innerJoin(categories, eq(categories.id, ideas.categoryId))
    .innerJoin(portals, eq(portals.id, ideas.portalId))
    .innerJoin(users, eq(users.id, ideas.authorId));
}

export function getIdeaSummary(db: DbOrTx, key: string, viewerId: number | null): IdeaSummary {
  const row = baseQuery(db).where(eq(ideas.key, key)).get();
  if (!row) throw new DomainError("not_found", `No idea ${key}.`);
  return summaries(db, [row], viewerId)[0];
}

/**
 * Up to five ideas like the typed text, merged ones left out: first those holding every word
 * (FTS5, best bm25 first), then, if fewer, those with any of the words in their title. Both
 * passes stay small at 50,000 ideas, where ranking every idea with any word would not.
 */
export function similarIdeas(db: Db, text: string, viewerId: number | null, portalSlug?: string | null, limit = 5): IdeaSummary[] {
  const queries = ftsQueries(text);
  if (!queries) return [];
  const portalId = portalSlug ? db.select({ id: portals.id }).from(portals).where(eq(portals.slug, portalSlug)).get()?.id : null;
  if (portalSlug && !portalId) return [];
  const found: ReturnType<typeof matchRows> = [];
  for (const match of [queries.all, queries.anyTitle]) {
    const seen = new Set(found.map((r) => r.id));
    for (const row of matchRows(db, match, portalId ?? null, limit + found.length)) {
      if (found.length < limit && !seen.has(row.id)) found.push(row);
    }
    if (found.length >= limit) break;
  }
  return summaries(db, found, viewerId);
}

function matchRows(db: DbOrTx, match: string, portalId: number | null, limit: number) {
  const conditions: SQL[] = [sql`ideas_fts MATCH ${match}`, sql`${ideas.status} <> 'merged'`];
  if (portalId) conditions.push(eq(ideas.portalId, portalId));
  return (
    db
      .select(summaryColumns)
      .from(sql`ideas_fts`)
      .innerJoin(ideas, sql`${ideas.id} = ideas_fts.rowid`)
      .innerJoin(categories, eq(categories.id, ideas.categoryId))
      .innerJoin(portals, eq(portals.id, ideas.portalId))
      .innerJoin(users, eq(users.id, ideas.authorId))
      .where(and(...conditions))
      // FTS5's own `rank` (bm25) lets it order the matches itself, without a temp B-tree.
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
  const match = f.q ? ftsQueries(f.q)?.all : null;
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

function listOrder(f: ListFilters) {
  return f.sort === "new" ? [desc(ideas.createdAt), desc(ideas.id)] : [desc(ideas.votes), desc(ideas.id)];
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

/** The most rows one export holds. */
export const EXPORT_LIMIT = 50_000;

/**
 * The ideas of the current filters as CSV (Part C): key, title, status, votes, category, created,
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
          .select({ key: ideas.key, title: ideas.title, status: ideas.status, votes: ideas.votes, category: categories.name, createdAt: ideas.createdAt, targetDate: ideas.targetDate, releaseNoteUrl: ideas.releaseNoteUrl })
          .from(ideas)
          .innerJoin(categories, eq(categories.id, ideas.categoryId))
          .where(where)
          .orderBy(...listOrder(f))
          .limit(EXPORT_LIMIT)
          .all();
  return Papa.unparse({
    fields: ["key", "title", "status", "votes", "category", "created", isPm ? "target date" : "target quarter", "release note"],
    data: rows.map((r) => [r.key, r.title, STATUS_LABELS[r.status], r.votes, r.category, r.createdAt.slice(0, 10), (isPm ? r.targetDate : targetQuarter(r.targetDate)) ?? "", r.releaseNoteUrl ?? ""]),
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
  return { portal, quarters };
}

/** A portal's changelog: Delivered ideas, newest first, with their release notes. */
export function portalChangelog(db: Db, slug: string, limit = 200) {
  const portal = db.select().from(portals).where(eq(portals.slug, slug)).get();
  if (!portal) throw new DomainError("not_found", "No such portal.");
  const rows = db
    .select({ key: ideas.key, title: ideas.title, deliveredAt: ideas.statusChangedAt, releaseNoteUrl: ideas.releaseNoteUrl, docUrls: ideas.docUrls, category: categories.name })
    .from(ideas)
    .innerJoin(categories, eq(categories.id, ideas.categoryId))
    .where(and(eq(ideas.portalId, portal.id), eq(ideas.status, "delivered")))
    .orderBy(desc(ideas.statusChangedAt), desc(ideas.id))
    .limit(limit)
    .all();
  return { portal, entries: rows };
}

export type IdeaDetail = IdeaSummary & {
  id: number;
  description: string;
  statusHistory: { from: IdeaStatus | null; to: IdeaStatus; at: string; by: string | null; system: boolean; goLive: string | null; note: string }[];
  targetQuarter: string | null;
  targetDate: string | null;
  late: boolean;
  releaseNoteUrl: string | null;
  docUrls: string[];
  mergedInto: string | null;
  businessImpact: string | null;
  sla: { dueDate: string; state: SlaState } | null;
  workaroundConfirmed: boolean;
  votingCompanies: { company: string; votes: number }[] | null;
  edits: { by: string; at: string; fields: string[] }[];
  canEdit: boolean;
  canMove: boolean;
};

/** One idea as a viewer may see it: PMs and admins see the target date and voting companies. */
export function getIdea(db: Db, viewer: User, key: string): IdeaDetail {
  const summary = getIdeaSummary(db, key, viewer.id);
  const idea = db.select().from(ideas).where(eq(ideas.key, key)).get()!;
  const isPm = globalCan(viewer.role, "ideas.move");
  const today = appToday();
  const history = db
    .select({ from: ideaStatusChanges.fromStatus, to: ideaStatusChanges.toStatus, at: ideaStatusChanges.at, by: users.name, system: ideaStatusChanges.system, goLive: goLives.name, note: ideaStatusChanges.note })
    .from(ideaStatusChanges)
    .leftJoin(users, eq(users.id, ideaStatusChanges.byId))
    .leftJoin(goLives, eq(goLives.id, ideaStatusChanges.goLiveId))
    .where(eq(ideaStatusChanges.ideaId, idea.id))
    .orderBy(asc(ideaStatusChanges.at), asc(ideaStatusChanges.id))
    .all();
  const clock = db.select().from(slaClocks).where(eq(slaClocks.ideaId, idea.id)).orderBy(desc(slaClocks.id)).limit(1).get();
  const mergedInto = idea.mergedIntoId ? db.select({ key: ideas.key }).from(ideas).where(eq(ideas.id, idea.mergedIntoId)).get()?.key ?? null : null;
  const workaroundConfirmed = Boolean(
    db
      .select({ c: workaroundConfirmations.commentId })
      .from(workaroundConfirmations)
      .innerJoin(comments, eq(comments.id, workaroundConfirmations.commentId))
      .where(and(eq(comments.ideaId, idea.id), eq(comments.hidden, false)))
      .limit(1)
      .get(),
  );
  const votingCompanies = isPm
    ? db
        .select({ company: sql<string>`coalesce(${users.company}, '(no company)')`, votes: sql<number>`count(*)` })
        .from(ideaVotes)
        .innerJoin(users, eq(users.id, ideaVotes.userId))
        .where(eq(ideaVotes.ideaId, idea.id))
        .groupBy(users.company)
        .orderBy(desc(sql`count(*)`))
        .all()
    : null;
  const edits = db
    .select({ by: users.name, at: ideaEdits.at, changes: ideaEdits.changes })
    .from(ideaEdits)
    .innerJoin(users, eq(users.id, ideaEdits.byId))
    .where(eq(ideaEdits.ideaId, idea.id))
    .orderBy(desc(ideaEdits.id))
    .all()
    .map((e) => ({ by: e.by, at: e.at, fields: Object.keys(e.changes) }));
  return {
    ...summary,
    id: idea.id,
    description: idea.description,
    statusHistory: history,
    targetQuarter: targetQuarter(idea.targetDate),
    targetDate: isPm ? idea.targetDate : null,
    late: isPm && isLate(idea.status, idea.targetDate, today),
    releaseNoteUrl: idea.releaseNoteUrl,
    docUrls: idea.docUrls ?? [],
    mergedInto,
    businessImpact: isPm || viewer.id === idea.authorId ? idea.businessImpact : null,
    sla: clock ? { dueDate: clock.dueOn, state: slaState(clock, today) } : null,
    workaroundConfirmed,
    votingCompanies,
    edits,
    canEdit: isPm || (viewer.id === idea.authorId && idea.status === "community_review"),
    canMove: isPm,
  };
}

/** The API's Idea. */
export function ideaJson(d: IdeaDetail) {
  return {
    ...summaryJson(d),
    description: d.description,
    statusHistory: d.statusHistory.map((h) => ({ from: h.from, to: h.to, at: h.at, by: h.by ?? (h.system ? "system" : null), ...(h.goLive ? { goLive: h.goLive } : {}), note: h.note })),
    targetQuarter: d.targetQuarter,
    ...(d.canMove ? { targetDate: d.targetDate } : {}),
    releaseNoteUrl: d.releaseNoteUrl,
    docUrls: d.docUrls,
    mergedInto: d.mergedInto,
    sla: d.sla,
    votedByMe: d.votedByMe,
  };
}

export const EditIdeaSchema = z.object({
  title: Title.optional(),
  description: Description.optional(),
  businessImpact: BusinessImpact,
  category: z.string().trim().toUpperCase().optional(),
});

/**
 * The author edits title, description and the business-impact note while the idea is in
 * Community Review; a PM edits any idea and may move it to another category (or portal). The
 * key stays. Each edit is kept with what it changed.
 */
export function editIdea(db: Db, actor: User, key: string, input: unknown): IdeaSummary {
  const data = parseInput(EditIdeaSchema, input);
  db.transaction((tx) => {
    const idea = tx.select().from(ideas).where(eq(ideas.key, key)).get();
    if (!idea) throw new DomainError("not_found", `No idea ${key}.`);
    const isPm = globalCan(actor.role, "ideas.move");
    if (!isPm) {
      if (actor.id !== idea.authorId) throw new DomainError("forbidden", "Only the author or a PM edits an idea.");
      if (idea.status !== "community_review") throw new DomainError("conflict", "Ideas can be edited by their author only while in Community Review.");
      if (data.category && data.category !== tx.select({ k: categories.keyPrefix }).from(categories).where(eq(categories.id, idea.categoryId)).get()?.k) {
        throw new DomainError("forbidden", "Only a PM moves an idea to another category.");
      }
    }
    guardLanguage(tx, { title: data.title, description: data.description, businessImpact: data.businessImpact });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: Partial<typeof ideas.$inferInsert> = {};
    if (data.title !== undefined && data.title !== idea.title) {
      changes.title = { from: idea.title, to: data.title };
      set.title = data.title;
    }
    if (data.description !== undefined && data.description !== idea.description) {
      changes.description = { from: idea.description, to: data.description };
      set.description = data.description;
    }
    if (data.businessImpact !== undefined && (data.businessImpact || null) !== idea.businessImpact) {
      changes.businessImpact = { from: idea.businessImpact, to: data.businessImpact || null };
      set.businessImpact = data.businessImpact || null;
    }
    if (data.category) {
      const category = tx.select().from(categories).where(eq(categories.keyPrefix, data.category)).get();
      if (!category) throw new DomainError("invalid", "Choose a category.", { fields: { category: "No such category." } });
      if (category.id !== idea.categoryId) {
        changes.category = { from: idea.categoryId, to: category.id };
        set.categoryId = category.id;
        set.portalId = category.portalId;
      }
    }
    if (Object.keys(changes).length === 0) return;
    tx.update(ideas).set(set).where(eq(ideas.id, idea.id)).run();
    tx.insert(ideaEdits).values({ ideaId: idea.id, byId: actor.id, changes }).run();
    if (isPm && actor.id !== idea.authorId) recordAudit(tx, actor.id, "idea.edited", `idea:${key}`, { fields: Object.keys(changes) });
  });
  return getIdeaSummary(db, key, actor.id);
}

export const MoveSchema = z.object({
  status: z.enum(IDEA_STATUSES, { error: "Choose a status." }),
  note: z.string().max(5000, "Keep the note under 5,000 characters.").optional().default(""),
  targetDate: z.string().optional().nullable(),
  releaseNoteUrl: z.string().max(2000).optional().nullable(),
  docUrls: z.array(z.string().url("Each doc link must be a URL.").max(2000)).max(20).optional(),
  mergeInto: z.string().trim().toUpperCase().optional().nullable(),
});

/**
 * A PM moves an idea (SPEC B3): the table and each move's required fields are checked, the move
 * is recorded with its public note, an open SLA clock is answered, votes return on Delivered and
 * Not Planned, and a merge moves votes and followers to the target — all in one transaction.
 */
export function moveIdea(db: Db, actor: User, key: string, input: unknown): IdeaSummary {
  if (!globalCan(actor.role, "ideas.move")) throw new DomainError("forbidden", "Only product managers move ideas.");
  const data = parseInput(MoveSchema, input);
  db.transaction((tx) => {
    const idea = tx.select().from(ideas).where(eq(ideas.key, key)).get();
    if (!idea) throw new DomainError("not_found", `No idea ${key}.`);
    const check = checkMove(idea.status, data.status, data, appToday());
    if (!check.ok) throw new DomainError("invalid", check.message, { fields: check.fields });
    guardLanguage(tx, { note: data.note });
    const note = data.note.trim();
    let target: typeof idea | undefined;
    if (data.status === "merged") {
      target = tx.select().from(ideas).where(eq(ideas.key, data.mergeInto!)).get();
      if (!target) throw new DomainError("invalid", "No such idea to merge into.", { fields: { mergeInto: `No idea ${data.mergeInto}.` } });
      if (target.id === idea.id) throw new DomainError("invalid", "An idea cannot merge into itself.", { fields: { mergeInto: "Pick another idea." } });
      if (["delivered", "not_planned", "merged"].includes(target.status)) {
        throw new DomainError("invalid", "Merge into an open idea.", { fields: { mergeInto: `${target.key} is ${STATUS_LABELS[target.status]}: pick an open idea.` } });
      }
    }
    answerSlaClock(tx, idea.id);
    if (data.status === "accepted") tx.update(ideas).set({ targetDate: data.targetDate! }).where(eq(ideas.id, idea.id)).run();
    if (data.status === "delivered") {
      tx.update(ideas).set({ releaseNoteUrl: data.releaseNoteUrl!.trim(), docUrls: data.docUrls ?? [] }).where(eq(ideas.id, idea.id)).run();
    }
    recordStatusChange(tx, idea, data.status, { byId: actor.id, system: false, note });
    recordAudit(tx, actor.id, "idea.status_changed", `idea:${key}`, { from: idea.status, to: data.status });
    if (returnsVotes(data.status)) returnAllVotes(tx, idea, `${idea.key} is ${STATUS_LABELS[data.status]}`, actor.id);
    if (target) mergeVotesAndFollowers(tx, idea, target, actor.id);
  });
  return getIdeaSummary(db, key, actor.id);
}

/** Votes move to the target (a voter who already voted there gets theirs back); followers follow it. */
function mergeVotesAndFollowers(tx: DbOrTx, source: { id: number; key: string }, target: { id: number; key: string }, actorId: number) {
  tx.update(ideas).set({ mergedIntoId: target.id }).where(eq(ideas.id, source.id)).run();
  const votes = tx.select().from(ideaVotes).where(eq(ideaVotes.ideaId, source.id)).all();
  for (const vote of votes) {
    const already = tx.select({ u: ideaVotes.userId }).from(ideaVotes).where(and(eq(ideaVotes.userId, vote.userId), eq(ideaVotes.ideaId, target.id))).get();
    tx.insert(voteLedger).values({ userId: vote.userId, ideaId: source.id, kind: "return", amount: 1, reason: `${source.key} merged into ${target.key}`, byId: actorId }).run();
    if (!already) {
      tx.insert(ideaVotes).values({ userId: vote.userId, ideaId: target.id, countsTowardThreshold: vote.countsTowardThreshold, at: vote.at }).run();
      tx.insert(voteLedger).values({ userId: vote.userId, ideaId: target.id, kind: "spend", amount: -1, reason: `Vote moved from ${source.key} by merge`, byId: actorId }).run();
    }
  }
  tx.delete(ideaVotes).where(eq(ideaVotes.ideaId, source.id)).run();
  tx.run(sql`INSERT INTO follows (user_id, idea_id, following) SELECT user_id, ${target.id}, 1 FROM follows WHERE idea_id = ${source.id} AND following = 1 ON CONFLICT DO NOTHING`);
  recountVotes(tx, source.id);
  recountVotes(tx, target.id);
  applyThreshold(tx, target.id, `${source.key} was merged into it`);
}

/** A PM changes the target date of an Accepted or In Development idea, with a public note. */
export function changeTargetDate(db: Db, actor: User, key: string, input: unknown): void {
  if (!globalCan(actor.role, "ideas.move")) throw new DomainError("forbidden", "Only product managers change target dates.");
  const data = parseInput(z.object({ targetDate: z.string(), note: z.string().trim().min(1, "Explain the change in a public note.").max(5000) }), input);
  db.transaction((tx) => {
    const idea = tx.select().from(ideas).where(eq(ideas.key, key)).get();
    if (!idea) throw new DomainError("not_found", `No idea ${key}.`);
    if (idea.status !== "accepted" && idea.status !== "in_development") {
      throw new DomainError("conflict", "Only Accepted and In Development ideas have a target date.");
    }
    const check = checkMove("under_pm_review", "accepted", { note: data.note, targetDate: data.targetDate }, appToday());
    if (!check.ok) throw new DomainError("invalid", check.message, { fields: check.fields });
    tx.update(ideas).set({ targetDate: data.targetDate }).where(eq(ideas.id, idea.id)).run();
    tx.insert(ideaEdits).values({ ideaId: idea.id, byId: actor.id, changes: { targetDate: { from: idea.targetDate, to: data.targetDate } } }).run();
    tx.insert(comments).values({ ideaId: idea.id, authorId: actor.id, kind: "official", body: `Target changed to ${targetQuarter(data.targetDate)}: ${data.note}` }).run();
    tx.update(ideas).set({ commentCount: sql`${ideas.commentCount} + 1` }).where(eq(ideas.id, idea.id)).run();
  });
}
