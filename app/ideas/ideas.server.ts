import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import {
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
  workaroundConfirmations,
  type IdeaStatus,
} from "../../db/schema";
import { appToday } from "../lib/app-time";
import { recordAudit } from "../auth/audit.server";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput, oneLine } from "../lib/validation";
import { findBlockedTerm, guidelineFor } from "./language";
import { isLate, returnsVotes, targetQuarter } from "./lifecycle";
import { follow } from "../notifications/notify.server";
import { countIdeaTerms } from "./idea-terms.server";
import { slaState, type SlaState } from "./sla";
import { editLines, type EditLine, type StoredChanges } from "./edit-history";

export type IdeaSummary = {
  key: string;
  title: string;
  status: IdeaStatus;
  votes: number;
  /** Customer and partner votes, and the portal's threshold they count toward. */
  thresholdVotes: number;
  voteThreshold: number;
  /** Delivered and Not Planned: the votes it had when it closed, and from how many companies. */
  votesAtClose: number | null;
  companiesAtClose: number | null;
  commentCount: number;
  category: string;
  categoryName: string;
  portal: string;
  portalName: string;
  createdAt: string;
  author: { id: number; name: string };
  votedByMe: boolean;
  /** Another user said "works for me" on one of its work-arounds that is still up (SPEC B6's badge). */
  workaroundConfirmed: boolean;
};

export const summaryColumns = {
  id: ideas.id,
  key: ideas.key,
  title: ideas.title,
  status: ideas.status,
  votes: ideas.votes,
  thresholdVotes: ideas.thresholdVotes,
  voteThreshold: portals.voteThreshold,
  votesAtClose: ideas.votesAtClose,
  companiesAtClose: ideas.companiesAtClose,
  commentCount: ideas.commentCount,
  category: categories.keyPrefix,
  categoryName: categories.name,
  portal: portals.slug,
  portalName: portals.name,
  createdAt: ideas.createdAt,
  authorId: users.id,
  authorName: users.name,
};

export function summaries(db: DbOrTx, rows: { id: number; authorId: number; authorName: string }[], viewerId: number | null) {
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
  const confirmed = workaroundConfirmedAmong(db, rows.map((r) => r.id));
  return rows.map(({ id, authorId, authorName, ...rest }) => ({
    ...(rest as Omit<IdeaSummary, "author" | "votedByMe" | "workaroundConfirmed">),
    author: { id: authorId, name: authorName },
    votedByMe: voted.has(id),
    workaroundConfirmed: confirmed.has(id),
  }));
}

/**
 * Which of these ideas have a confirmed work-around that is still up (not hidden, not deleted):
 * one grouped query for a whole page of a list, so the badge costs no query per row.
 */
export function workaroundConfirmedAmong(db: DbOrTx, ideaIds: number[]): Set<number> {
  if (!ideaIds.length) return new Set();
  return new Set(
    db
      .select({ ideaId: comments.ideaId })
      .from(workaroundConfirmations)
      .innerJoin(comments, eq(comments.id, workaroundConfirmations.commentId))
      .where(and(inArray(comments.ideaId, ideaIds), eq(comments.kind, "workaround"), eq(comments.hidden, false), isNull(comments.deletedAt)))
      .groupBy(comments.ideaId)
      .all()
      .map((r) => r.ideaId),
  );
}

/**
 * The API's IdeaSummary. It carries `votesAtClose` as the idea does, since the list's top sort
 * ranks a closed idea by it: without it a client would see the order but not why.
 */
export function summaryJson(s: IdeaSummary) {
  return {
    key: s.key,
    title: s.title,
    status: s.status,
    votes: s.votes,
    votesAtClose: returnsVotes(s.status) ? s.votesAtClose : null,
    category: s.category,
    portal: s.portal,
    createdAt: s.createdAt,
    author: s.author,
  };
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

const Title = z.string({ error: "Give your idea a title." }).overwrite(oneLine).trim().min(8, "Say a little more in the title (8 characters or more).").max(140, "Keep the title under 140 characters.");
const Description = z.string({ error: "Describe the idea." }).trim().min(20, "Describe what you need and why (20 characters or more).").max(10_000, "Keep the description under 10,000 characters.");
const BusinessImpact = z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional();

export const NewIdeaSchema = z.object({
  category: z.string({ error: "Choose a category." }).trim().toUpperCase().min(1, "Choose a category."),
  title: Title,
  description: Description,
  businessImpact: BusinessImpact,
});

/** Submit an idea: three fields. The key is `PREFIX-I-N`, N counting per category, never reused. */
export function createIdea(db: Db, author: User, input: unknown, options: { portal?: string } = {}): IdeaSummary {
  if (!globalCan(author.role, "ideas.submit")) throw new DomainError("forbidden", "Your role does not submit ideas.");
  const data = parseInput(NewIdeaSchema, input);
  const key = db.transaction((tx) => {
    const category = tx.select().from(categories).where(eq(categories.keyPrefix, data.category)).get();
    // A portal's form takes only that portal's categories (another portal's key is refused too).
    const portalId = options.portal ? tx.select({ id: portals.id }).from(portals).where(eq(portals.slug, options.portal)).get()?.id : undefined;
    if (!category || (options.portal !== undefined && category.portalId !== portalId)) {
      throw new DomainError("invalid", "Choose a category.", { fields: { category: "Choose one of the portal's categories." } });
    }
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
    countIdeaTerms(tx, null, data);
    follow(tx, author.id, idea.id);
    return key;
  });
  return getIdeaSummary(db, key, author.id);
}

export function baseQuery(db: DbOrTx) {
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

export type IdeaDetail = IdeaSummary & {
  id: number;
  description: string;
  statusHistory: { id: number; from: IdeaStatus | null; to: IdeaStatus; at: string; by: string | null; system: boolean; goLive: string | null; note: string }[];
  targetQuarter: string | null;
  targetDate: string | null;
  late: boolean;
  releaseNoteUrl: string | null;
  docUrls: string[];
  mergedInto: string | null;
  /** Merged: the target as a voter sees it (to vote there), and what happened to the votes. */
  mergeTarget: (IdeaSummary & { votesMoved: number; votesReturned: number }) | null;
  /** The ideas merged into this one, oldest merge first, with the votes each brought. */
  mergedFrom: { key: string; title: string; votesMoved: number; commentCount: number }[];
  businessImpact: string | null;
  sla: { dueDate: string; state: SlaState } | null;
  votingCompanies: { company: string; votes: number }[] | null;
  /** Newest first; only the lines this viewer may read (a private-note change is left out). */
  edits: { by: string; at: string; lines: EditLine[] }[];
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
    .select({ id: ideaStatusChanges.id, from: ideaStatusChanges.fromStatus, to: ideaStatusChanges.toStatus, at: ideaStatusChanges.at, by: users.name, system: ideaStatusChanges.system, goLive: goLives.name, note: ideaStatusChanges.note })
    .from(ideaStatusChanges)
    .leftJoin(users, eq(users.id, ideaStatusChanges.byId))
    .leftJoin(goLives, eq(goLives.id, ideaStatusChanges.goLiveId))
    .where(eq(ideaStatusChanges.ideaId, idea.id))
    .orderBy(asc(ideaStatusChanges.at), asc(ideaStatusChanges.id))
    .all();
  const clock = db.select().from(slaClocks).where(eq(slaClocks.ideaId, idea.id)).orderBy(desc(slaClocks.id)).limit(1).get();
  const mergedInto = idea.mergedIntoId ? db.select({ key: ideas.key }).from(ideas).where(eq(ideas.id, idea.mergedIntoId)).get()?.key ?? null : null;
  const mergeTarget = mergedInto
    ? { ...getIdeaSummary(db, mergedInto, viewer.id), votesMoved: idea.mergeVotesMoved ?? 0, votesReturned: idea.mergeVotesReturned ?? 0 }
    : null;
  const mergedFrom = db
    .select({
      key: ideas.key,
      title: ideas.title,
      votesMoved: sql<number>`coalesce(${ideas.mergeVotesMoved}, 0)`,
      commentCount: ideas.commentCount,
    })
    .from(ideas)
    .where(and(eq(ideas.mergedIntoId, idea.id), eq(ideas.status, "merged")))
    .orderBy(asc(ideas.statusChangedAt), asc(ideas.id))
    .all();
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
  const storedEdits = db
    .select({ by: users.name, at: ideaEdits.at, changes: ideaEdits.changes })
    .from(ideaEdits)
    .innerJoin(users, eq(users.id, ideaEdits.byId))
    .where(eq(ideaEdits.ideaId, idea.id))
    .orderBy(desc(ideaEdits.id))
    .all();
  const edits = ideaEditHistory(db, storedEdits, { seesBusinessImpact: isPm || viewer.id === idea.authorId, seesTargetDate: isPm });
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
    mergeTarget,
    mergedFrom,
    businessImpact: isPm || viewer.id === idea.authorId ? idea.businessImpact : null,
    sla: clock ? { dueDate: clock.dueOn, state: slaState(clock, today) } : null,
    votingCompanies,
    edits,
    canEdit: isPm || (viewer.id === idea.authorId && idea.status === "community_review"),
    canMove: isPm,
  };
}

/** Stored edits as a viewer reads them, category ids named; edits left with nothing to show drop out. */
function ideaEditHistory(db: DbOrTx, stored: { by: string; at: string; changes: StoredChanges }[], viewer: { seesBusinessImpact: boolean; seesTargetDate: boolean }) {
  const ids = new Set<number>();
  for (const e of stored) for (const v of [e.changes.category?.from, e.changes.category?.to]) if (typeof v === "number") ids.add(v);
  const names = new Map(
    ids.size
      ? db
          .select({ id: categories.id, name: categories.name, portal: portals.name })
          .from(categories)
          .innerJoin(portals, eq(portals.id, categories.portalId))
          .where(inArray(categories.id, [...ids]))
          .all()
          .map((c) => [c.id, `${c.name} (${c.portal})`] as const)
      : [],
  );
  return stored
    .map((e) => ({ by: e.by, at: e.at, lines: editLines(e.changes, { ...viewer, categoryName: (id) => names.get(id) ?? null }) }))
    .filter((e) => e.lines.length > 0);
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
    mergedFrom: d.mergedFrom.map((m) => m.key),
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
    if (set.title !== undefined || set.description !== undefined) countIdeaTerms(tx, idea, { title: set.title ?? idea.title, description: set.description ?? idea.description });
    tx.insert(ideaEdits).values({ ideaId: idea.id, byId: actor.id, changes }).run();
    if (isPm && actor.id !== idea.authorId) recordAudit(tx, actor.id, "idea.edited", `idea:${key}`, { fields: Object.keys(changes) });
  });
  return getIdeaSummary(db, key, actor.id);
}
