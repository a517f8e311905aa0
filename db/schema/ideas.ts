import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { now } from "./now";
import { users } from "./auth";
import { features, projects } from "./delivery";

import { COMMENT_KINDS, IDEA_STATUSES } from "./enums";

export { COMMENT_KINDS, IDEA_STATUSES, type CommentKind, type IdeaStatus } from "./enums";

export const portals = sqliteTable("portals", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  voteThreshold: integer("vote_threshold").notNull().default(20),
});

export const categories = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    portalId: integer("portal_id")
      .notNull()
      .references(() => portals.id),
    name: text("name").notNull(),
    keyPrefix: text("key_prefix").notNull().unique(),
    pmId: integer("pm_id").references(() => users.id),
    /** The last N handed out for `PREFIX-I-N`; only grows, so keys are never reused. */
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [index("categories_portal_idx").on(t.portalId), index("categories_pm_idx").on(t.pmId)],
);

/**
 * The votes an idea is ranked by: its live votes while open, the votes it had when it closed
 * once Delivered or Not Planned. Queries sort by exactly this expression so the indexes serve them.
 */
export function rankVotes(t: { votesAtClose: unknown; votes: unknown }) {
  return sql`coalesce(${t.votesAtClose}, ${t.votes})`;
}

export const ideas = sqliteTable(
  "ideas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull().unique(),
    portalId: integer("portal_id")
      .notNull()
      .references(() => portals.id),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    status: text("status", { enum: IDEA_STATUSES }).notNull().default("community_review"),
    /** Active votes, kept in step with `idea_votes` in the same transaction (lists sort by it). */
    votes: integer("votes").notNull().default(0),
    /** Active customer and partner votes: what counts toward the portal's threshold. */
    thresholdVotes: integer("threshold_votes").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    targetDate: text("target_date"),
    releaseNoteUrl: text("release_note_url"),
    docUrls: text("doc_urls", { mode: "json" }).$type<string[]>(),
    mergedIntoId: integer("merged_into_id"),
    /**
     * Delivered and Not Planned: the votes live just before the close, and the companies they came
     * from. The votes themselves go back to the voters; this keeps the demand visible and sortable.
     */
    votesAtClose: integer("votes_at_close"),
    companiesAtClose: integer("companies_at_close"),
    /** Merged: how many votes moved to the target, and how many came back to people who had voted for both. */
    mergeVotesMoved: integer("merge_votes_moved"),
    mergeVotesReturned: integer("merge_votes_returned"),
    /** End customers, seats, deadline, revenue at stake: seen only by the author, PMs and admins. */
    businessImpact: text("business_impact"),
    createdAt: text("created_at").notNull().default(now),
    statusChangedAt: text("status_changed_at").notNull().default(now),
  },
  (t) => [
    // The "top" sort ranks a closed idea by the votes it had when it closed (rankVotes).
    index("ideas_portal_status_rank_idx").on(t.portalId, t.status, rankVotes(t)),
    index("ideas_portal_rank_idx").on(t.portalId, rankVotes(t)),
    index("ideas_portal_created_idx").on(t.portalId, t.createdAt),
    index("ideas_portal_status_created_idx").on(t.portalId, t.status, t.createdAt),
    index("ideas_status_rank_idx").on(t.status, rankVotes(t)),
    index("ideas_rank_idx").on(rankVotes(t)),
    index("ideas_created_idx").on(t.createdAt),
    index("ideas_category_rank_idx").on(t.categoryId, rankVotes(t)),
    index("ideas_category_created_idx").on(t.categoryId, t.createdAt),
    index("ideas_author_idx").on(t.authorId),
    index("ideas_merged_into_idx").on(t.mergedIntoId),
    // The PM board: the open ideas of a PM's categories counted and sorted by due date from the
    // index alone. Partial, so that no other query's plan changes: only a query that says this
    // very status list (pm-board.server.ts, OPEN_STATUSES_SQL) can use it.
    index("ideas_open_category_idx")
      .on(t.categoryId, t.status, t.targetDate)
      .where(sql.raw(`status IN ('community_review', 'under_pm_review', 'accepted', 'in_development')`)),
  ],
);

/**
 * The words ideas are written in and how many ideas use each: the vocabulary a typo or a compound
 * is matched against ("calback" → callback, "timezone" → time zone). Derived from the ideas' titles
 * and descriptions, kept in step in the transaction that writes them (app/ideas/idea-terms.server.ts).
 */
export const ideaTerms = sqliteTable(
  "idea_terms",
  {
    term: text("term").primaryKey(),
    docs: integer("docs").notNull(),
  },
  () => [],
);

export const ideaStatusChanges = sqliteTable(
  "idea_status_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    fromStatus: text("from_status", { enum: IDEA_STATUSES }),
    toStatus: text("to_status", { enum: IDEA_STATUSES }).notNull(),
    byId: integer("by_id").references(() => users.id),
    /** Set for moves nobody chose: the threshold reached by a vote, a merge or a lowered threshold. */
    system: integer("system", { mode: "boolean" }).notNull().default(false),
    /** The go-live whose done mark delivered the idea (a system move by whoever marked it). */
    goLiveId: integer("go_live_id"),
    note: text("note").notNull().default(""),
    at: text("at").notNull().default(now),
  },
  (t) => [index("idea_status_changes_idea_idx").on(t.ideaId, t.at), index("idea_status_changes_by_idx").on(t.byId)],
);

/** The current votes: one row per user per idea while the vote is spent on it. */
export const ideaVotes = sqliteTable(
  "idea_votes",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    /** Fixed when cast (a customer or partner vote), so a later role change cannot skew the count. */
    countsTowardThreshold: integer("counts_toward_threshold", { mode: "boolean" }).notNull(),
    at: text("at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ideaId] }), index("idea_votes_idea_idx").on(t.ideaId)],
);

export const LEDGER_KINDS = ["spend", "return", "grant"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Append-only: every spend (−1), return (+1) and grant (+n); a balance is 10 + the sum. */
export const voteLedger = sqliteTable(
  "vote_ledger",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    ideaId: integer("idea_id").references(() => ideas.id),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    amount: integer("amount").notNull(),
    reason: text("reason").notNull(),
    byId: integer("by_id").references(() => users.id),
    at: text("at").notNull().default(now),
  },
  (t) => [index("vote_ledger_user_idx").on(t.userId, t.at), index("vote_ledger_idea_idx").on(t.ideaId)],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: COMMENT_KINDS }).notNull(),
    body: text("body").notNull(),
    hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
    hiddenReason: text("hidden_reason"),
    hiddenById: integer("hidden_by_id").references(() => users.id),
    /** A reply's top-level comment: replies are one level deep (comment-rules.ts). */
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id),
    /** Last edit by its author; each earlier text is a row of `comment_revisions`. */
    editedAt: text("edited_at"),
    /** Deleted by its author: the row stays (shown as deleted, its replies under it), the text moves to `comment_revisions`. */
    deletedAt: text("deleted_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("comments_idea_idx").on(t.ideaId, t.createdAt),
    index("comments_author_idx").on(t.authorId),
    index("comments_parent_idx").on(t.parentId),
    // An idea's last visible official update from the index alone: the PM board's stale list asks
    // it per idea. (A partial index would be smaller, but SQLite's planner passes it over.)
    index("comments_official_idx").on(t.ideaId, t.kind, t.hidden, t.deletedAt, t.createdAt),
  ],
);

/** The earlier texts of an edited or deleted comment, for PMs and admins: who replaced it and when. */
export const commentRevisions = sqliteTable(
  "comment_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id),
    /** The text as it read before the change. */
    body: text("body").notNull(),
    /** When that text was written (the comment's creation or its previous edit). */
    writtenAt: text("written_at").notNull(),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    /** When it was replaced (edited) or taken down (deleted). */
    at: text("at").notNull().default(now),
  },
  (t) => [index("comment_revisions_comment_idx").on(t.commentId, t.id), index("comment_revisions_by_idx").on(t.byId)],
);

export const workaroundConfirmations = sqliteTable(
  "workaround_confirmations",
  {
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index("workaround_confirmations_user_idx").on(t.userId)],
);

/** One SLA clock per entry into Under PM Review (B4). */
export const slaClocks = sqliteTable(
  "sla_clocks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    enteredOn: text("entered_on").notNull(),
    dueOn: text("due_on").notNull(),
    answeredOn: text("answered_on"),
  },
  (t) => [index("sla_clocks_idea_idx").on(t.ideaId), index("sla_clocks_due_idx").on(t.answeredOn, t.dueOn)],
);

export const languageTerms = sqliteTable("language_terms", {
  term: text("term").primaryKey(),
});

export const follows = sqliteTable(
  "follows",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    /** An explicit unfollow is kept, so voting or commenting again does not re-follow. */
    following: integer("following", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ideaId] }), index("follows_idea_idx").on(t.ideaId)],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    ideaId: integer("idea_id").references(() => ideas.id),
    /** The Delivery project it is about, so the list can name it. */
    projectId: integer("project_id").references(() => projects.id),
    text: text("text").notNull(),
    /** What the event said: the PM's public note of a status change, the text of an official update. */
    detail: text("detail"),
    /** The exact place it opens, anchor included (`/ideas/KEY#update-12`). */
    link: text("link").notNull(),
    /** One event notifies a user once: a second notify with the same key is dropped. */
    dedupeKey: text("dedupe_key"),
    createdAt: text("created_at").notNull().default(now),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt), uniqueIndex("notifications_user_dedupe_unique").on(t.userId, t.dedupeKey)],
);

export const DIGEST_CHOICES = ["daily", "weekly", "off"] as const;
export type DigestChoice = (typeof DIGEST_CHOICES)[number];

/** Each user's mail choices; no row means the defaults (a daily digest, no immediate mail). */
export const notificationSettings = sqliteTable("notification_settings", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  digest: text("digest", { enum: DIGEST_CHOICES }).notNull().default("daily"),
  /** Mail each official update on a followed idea at once, instead of waiting for the digest. */
  immediateOfficialUpdates: integer("immediate_official_updates", { mode: "boolean" }).notNull().default(false),
  updatedAt: text("updated_at").notNull().default(now),
});

/** Every edit of an idea's text, category or portal, with what it was before. */
export const ideaEdits = sqliteTable(
  "idea_edits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    changes: text("changes", { mode: "json" }).$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    at: text("at").notNull().default(now),
  },
  (t) => [index("idea_edits_idea_idx").on(t.ideaId)],
);

export const REQUEST_STATES = ["pending", "approved", "declined"] as const;

export const voteRequests = sqliteTable(
  "vote_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    state: text("state", { enum: REQUEST_STATES }).notNull().default("pending"),
    decidedById: integer("decided_by_id").references(() => users.id),
    decidedAt: text("decided_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("vote_requests_state_idx").on(t.state, t.createdAt), index("vote_requests_user_idx").on(t.userId)],
);

export const accessRequests = sqliteTable(
  "access_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    company: text("company").notNull(),
    role: text("role", { enum: ["customer", "partner"] }).notNull(),
    reason: text("reason").notNull(),
    state: text("state", { enum: REQUEST_STATES }).notNull().default("pending"),
    decisionNote: text("decision_note"),
    decidedById: integer("decided_by_id").references(() => users.id),
    decidedAt: text("decided_at"),
    userId: integer("user_id").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("access_requests_state_idx").on(t.state, t.createdAt), index("access_requests_email_idx").on(t.email)],
);

/** One-time links to set (new account, 7 days) or reset (1 hour) a password; stored hashed. */
export const passwordTokens = sqliteTable(
  "password_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull().unique(),
    purpose: text("purpose", { enum: ["set", "reset"] }).notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("password_tokens_user_idx").on(t.userId)],
);

/**
 * The email outbox: one `digest` per user per period collecting its notifications (`day` is the
 * period's last day: the day itself for a daily digest, the week's last day for a weekly one),
 * `link` mails (set or reset a password) and `update` mails (an official update for someone who
 * asked for those at once) that go out on their own.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["digest", "link", "update"] }).notNull().default("digest"),
    day: text("day").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull().default(now),
    sentAt: text("sent_at"),
    /** Sending attempts through SMTP and the last failure, for the admin's outbox page. */
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_user_day_idx").on(t.userId, t.day, t.kind), index("outbox_day_idx").on(t.day)],
);

/**
 * Links from ideas to the features of product-release projects that deliver them (SPEC B10). The
 * feature table lives with Delivery; the link is kept here, on the idea's side.
 */
export const ideaFeatureLinks = sqliteTable(
  "idea_feature_links",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    featureId: integer("feature_id")
      .notNull()
      .references(() => features.id),
    byId: integer("by_id").references(() => users.id),
    at: text("at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.featureId] }), index("idea_feature_links_feature_idx").on(t.featureId)],
);
