import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { COMMENT_KINDS, commentRevisions, comments, ideas, users, workaroundConfirmations } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import type { Confirmation } from "../lib/confirm";
import { requireConfirmation } from "../lib/confirm";
import { handleOf, mentionHandles } from "../lib/mentions";
import { DELETE_CONSEQUENCE, commentChangeRefusal, newMentions, replyKindRefusal, replyParent, type Refusal } from "./comment-rules";
import { guardLanguage } from "./ideas.server";
import { follow, notify } from "../notifications/notify.server";
import { answerSlaClock, commentLink, notifyOfficialUpdate } from "./transitions.server";

export type Comment = {
  id: number;
  kind: (typeof COMMENT_KINDS)[number];
  body: string;
  author: { id: number; name: string };
  createdAt: string;
  hidden: boolean;
  hiddenReason: string | null;
  confirmations: number;
  confirmedByMe: boolean;
  /** A reply's top-level comment (replies are one level deep). */
  parentId: number | null;
  edited: boolean;
  editedAt: string | null;
  /** Deleted by its author: the body is gone for everyone (PMs and admins keep it in `revisions`). */
  deleted: boolean;
  /** The earlier texts, newest first: for PMs and admins only, null for everyone else. */
  revisions: CommentRevision[] | null;
};

export type CommentRevision = { body: string; writtenAt: string; replacedAt: string; by: string; deletion: boolean };

export const NewCommentSchema = z.object({
  body: z.string({ error: "Write a comment." }).trim().min(1, "Write a comment.").max(10_000, "Keep it under 10,000 characters."),
  kind: z.enum(COMMENT_KINDS, { error: "Choose comment, workaround or official." }).default("comment"),
  /** Reply to this comment (a reply to a reply joins its thread: comment-rules.ts). */
  parentId: z.coerce.number({ error: "Reply to a comment of this idea." }).int().positive().nullish(),
});

export const EditCommentSchema = z.object({ body: NewCommentSchema.shape.body });

function ideaByKey(db: Db, key: string) {
  const idea = db.select({ id: ideas.id, key: ideas.key, title: ideas.title }).from(ideas).where(eq(ideas.key, key)).get();
  if (!idea) throw new DomainError("not_found", `No idea ${key}.`);
  return idea;
}

/**
 * Comments, hidden ones included for PMs (marked) and left out for everyone else, oldest first.
 * A deleted comment stays as a marker (its replies hang under it) without its text; PMs and
 * admins also get each comment's earlier texts.
 */
export function listComments(db: Db, viewer: User, key: string): Comment[] {
  const idea = ideaByKey(db, key);
  const isPm = globalCan(viewer.role, "ideas.hideComment");
  const rows = db
    .select({
      id: comments.id,
      kind: comments.kind,
      body: comments.body,
      authorId: users.id,
      authorName: users.name,
      createdAt: comments.createdAt,
      hidden: comments.hidden,
      hiddenReason: comments.hiddenReason,
      parentId: comments.parentId,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
      confirmations: sql<number>`(SELECT count(*) FROM workaround_confirmations w WHERE w.comment_id = "comments"."id")`,
      confirmedByMe: sql<number>`EXISTS (SELECT 1 FROM workaround_confirmations w WHERE w.comment_id = "comments"."id" AND w.user_id = ${viewer.id})`,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(isPm ? eq(comments.ideaId, idea.id) : and(eq(comments.ideaId, idea.id), eq(comments.hidden, false)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  const revisions = isPm ? revisionsOf(db, rows.map((r) => r.id)) : null;
  return rows.map(({ authorId, authorName, confirmedByMe, deletedAt, body, ...c }) => ({
    ...c,
    body: deletedAt ? "" : body,
    author: { id: authorId, name: authorName },
    confirmedByMe: Boolean(confirmedByMe),
    edited: c.editedAt !== null,
    deleted: deletedAt !== null,
    revisions: revisions ? revisions.get(c.id) ?? [] : null,
  }));
}

/** The earlier texts of these comments, newest first, in one query. */
function revisionsOf(db: DbOrTx, commentIds: number[]): Map<number, CommentRevision[]> {
  const byComment = new Map<number, CommentRevision[]>();
  if (!commentIds.length) return byComment;
  const rows = db
    .select({ commentId: commentRevisions.commentId, body: commentRevisions.body, writtenAt: commentRevisions.writtenAt, replacedAt: commentRevisions.at, by: users.name, deletedAt: comments.deletedAt })
    .from(commentRevisions)
    .innerJoin(users, eq(users.id, commentRevisions.byId))
    .innerJoin(comments, eq(comments.id, commentRevisions.commentId))
    .where(inArray(commentRevisions.commentId, commentIds))
    .orderBy(desc(commentRevisions.id))
    .all();
  for (const { commentId, deletedAt, ...r } of rows) {
    const list = byComment.get(commentId) ?? [];
    // The newest revision of a deleted comment is the text it had when its author deleted it.
    list.push({ ...r, deletion: Boolean(deletedAt) && list.length === 0 });
    byComment.set(commentId, list);
  }
  return byComment;
}

export function commentJson(c: Comment) {
  return {
    id: c.id,
    kind: c.kind,
    body: c.body,
    author: c.author,
    createdAt: c.createdAt,
    hidden: c.hidden,
    edited: c.edited,
    deleted: c.deleted,
    parentId: c.parentId,
  };
}

function refuse(refusal: Refusal | null): void {
  if (refusal) throw new DomainError(refusal.code, refusal.message);
}

/** The comment with this id on this idea (a comment of another idea is not there to be changed from it). */
function commentOfIdea(db: DbOrTx, key: string, commentId: number) {
  const row = db
    .select({ c: comments, idea: { id: ideas.id, key: ideas.key, title: ideas.title } })
    .from(comments)
    .innerJoin(ideas, eq(ideas.id, comments.ideaId))
    .where(and(eq(comments.id, commentId), eq(ideas.key, key)))
    .get();
  if (!row) throw new DomainError("not_found", "No such comment.");
  return row;
}

/**
 * The users a comment's text mentions by handle (`@ana` for ana@example.com) among those who may
 * see the idea: every active account reads the Ideas Lab (SPEC's role table), a deactivated one
 * cannot sign in and is not told.
 */
export function mentionedReaders(db: DbOrTx, handles: string[]): number[] {
  const wanted = new Set(handles);
  if (!wanted.size) return [];
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.active, true))
    .all()
    .filter((u) => wanted.has(handleOf(u.email)))
    .map((u) => u.id);
}

function notifyMentioned(tx: DbOrTx, handles: string[], author: User, idea: { id: number; key: string; title: string }, body: string, commentId: number): void {
  const ids = mentionedReaders(tx, handles);
  if (!ids.length) return;
  const flat = body.replace(/\s+/g, " ").trim();
  const excerpt = flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
  notify(tx, ids, { text: `${author.name} mentioned you in a comment on ${idea.key} “${idea.title}”: “${excerpt}”`, link: commentLink(idea.key, commentId), ideaId: idea.id, dedupeKey: `mention:${commentId}` }, author.id);
}

/**
 * Post a comment, a peer work-around, or (PMs) an official update, or a reply to a comment. The
 * language guard refuses listed terms; an official update answers the SLA clock and notifies
 * followers; each @mentioned reader is told.
 */
export function addComment(db: Db, author: User, key: string, input: unknown): Comment {
  const data = parseInput(NewCommentSchema, input);
  if (!globalCan(author.role, "ideas.comment")) throw new DomainError("forbidden", "Your role does not comment on ideas.");
  if (data.kind === "official" && !globalCan(author.role, "ideas.officialUpdate")) {
    throw new DomainError("forbidden", "Only product managers post official updates.");
  }
  const isPm = globalCan(author.role, "ideas.hideComment");
  const id = db.transaction((tx) => {
    const idea = tx.select({ id: ideas.id, key: ideas.key, title: ideas.title }).from(ideas).where(eq(ideas.key, key)).get();
    if (!idea) throw new DomainError("not_found", `No idea ${key}.`);
    let parentId: number | null = null;
    if (data.parentId != null) {
      refuse(replyKindRefusal(data.kind));
      const target = tx.select().from(comments).where(and(eq(comments.id, data.parentId), eq(comments.ideaId, idea.id))).get();
      // A hidden comment is not there for those who do not see it.
      if (!target || (target.hidden && !isPm)) throw new DomainError("not_found", "No such comment to reply to.");
      const top = target.parentId === null ? target : tx.select().from(comments).where(eq(comments.id, target.parentId)).get()!;
      const placed = replyParent(target, top);
      if ("code" in placed) throw new DomainError(placed.code, placed.message);
      parentId = placed.parentId;
    }
    guardLanguage(tx, { body: data.body });
    const row = tx.insert(comments).values({ ideaId: idea.id, authorId: author.id, kind: data.kind, body: data.body, parentId }).returning({ id: comments.id }).get();
    tx.update(ideas).set({ commentCount: sql`${ideas.commentCount} + 1` }).where(eq(ideas.id, idea.id)).run();
    if (data.kind === "official") {
      answerSlaClock(tx, idea.id);
      notifyOfficialUpdate(tx, idea, { commentId: row.id, body: data.body, authorId: author.id });
    }
    notifyMentioned(tx, mentionHandles(data.body), author, idea, data.body, row.id);
    follow(tx, author.id, idea.id);
    return row.id;
  });
  return listComments(db, author, key).find((c) => c.id === id)!;
}

/**
 * The author rewrites their comment: the earlier text is kept (who replaced it, when) for PMs
 * and admins, the comment is marked edited, the language guard reads the new text, and only
 * people the edit newly mentions are told. The same text again changes nothing.
 */
export function editComment(db: Db, author: User, key: string, commentId: number, input: unknown): Comment {
  const data = parseInput(EditCommentSchema, input);
  db.transaction((tx) => {
    const { c, idea } = commentOfIdea(tx, key, commentId);
    refuse(commentChangeRefusal(author.id, c, "edit"));
    guardLanguage(tx, { body: data.body });
    if (data.body === c.body) return;
    const at = new Date().toISOString();
    tx.insert(commentRevisions).values({ commentId: c.id, body: c.body, writtenAt: c.editedAt ?? c.createdAt, byId: author.id, at }).run();
    tx.update(comments).set({ body: data.body, editedAt: at }).where(eq(comments.id, c.id)).run();
    notifyMentioned(tx, newMentions(c.body, data.body), author, idea, data.body, c.id);
  });
  return listComments(db, author, key).find((c) => c.id === commentId)!;
}

/**
 * The author deletes their comment: it shows as deleted by its author (its replies stay under
 * it), its text is kept for PMs and admins, and it no longer counts. A page confirms first.
 */
export function deleteComment(db: Db, author: User, key: string, commentId: number, confirmation?: Confirmation): void {
  db.transaction((tx) => {
    const { c } = commentOfIdea(tx, key, commentId);
    refuse(commentChangeRefusal(author.id, c, "delete"));
    requireConfirmation(confirmation, "Deleting a comment", DELETE_CONSEQUENCE);
    const at = new Date().toISOString();
    tx.insert(commentRevisions).values({ commentId: c.id, body: c.body, writtenAt: c.editedAt ?? c.createdAt, byId: author.id, at }).run();
    tx.update(comments).set({ body: "", deletedAt: at }).where(eq(comments.id, c.id)).run();
    tx.update(ideas).set({ commentCount: sql`${ideas.commentCount} - 1` }).where(eq(ideas.id, c.ideaId)).run();
  });
}

/** A PM hides a comment with a reason: it is kept, shown as hidden to PMs, gone for others. */
export function hideComment(db: Db, pm: User, commentId: number, input: unknown): void {
  if (!globalCan(pm.role, "ideas.hideComment")) throw new DomainError("forbidden", "Only product managers hide comments.");
  const { reason } = parseInput(z.object({ reason: z.string({ error: "Give a reason." }).trim().min(3, "Give a reason for hiding it.").max(500) }), input);
  db.transaction((tx) => {
    const comment = tx.select().from(comments).where(eq(comments.id, commentId)).get();
    if (!comment) throw new DomainError("not_found", "No such comment.");
    if (comment.hidden) throw new DomainError("conflict", "That comment is already hidden.");
    if (comment.deletedAt) throw new DomainError("conflict", "Its author deleted that comment already.");
    tx.update(comments).set({ hidden: true, hiddenReason: reason, hiddenById: pm.id }).where(eq(comments.id, commentId)).run();
    tx.update(ideas).set({ commentCount: sql`${ideas.commentCount} - 1` }).where(eq(ideas.id, comment.ideaId)).run();
    recordAudit(tx, pm.id, "comment.hidden", `comment:${commentId}`, { reason });
  });
}

/** "Works for me" on a peer work-around (not one's own) of the idea it is given with; a second click takes it back. */
export function toggleWorkaroundConfirmation(db: Db, user: User, ideaKey: string, commentId: number): boolean {
  return db.transaction((tx) => {
    const comment = tx.select({ c: comments }).from(comments).innerJoin(ideas, eq(ideas.id, comments.ideaId)).where(and(eq(comments.id, commentId), eq(ideas.key, ideaKey))).get()?.c;
    // A comment of another idea is not there to be confirmed from this one.
    if (!comment || comment.hidden || comment.deletedAt) throw new DomainError("not_found", "No such comment.");
    if (comment.kind !== "workaround") throw new DomainError("conflict", "Only work-arounds can be confirmed.");
    if (comment.authorId === user.id) throw new DomainError("conflict", "Others confirm your work-around, not you.");
    const existing = tx
      .select()
      .from(workaroundConfirmations)
      .where(and(eq(workaroundConfirmations.commentId, commentId), eq(workaroundConfirmations.userId, user.id)))
      .get();
    if (existing) {
      tx.delete(workaroundConfirmations).where(and(eq(workaroundConfirmations.commentId, commentId), eq(workaroundConfirmations.userId, user.id))).run();
      return false;
    }
    tx.insert(workaroundConfirmations).values({ commentId, userId: user.id }).run();
    return true;
  });
}
