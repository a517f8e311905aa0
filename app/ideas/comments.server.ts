import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { COMMENT_KINDS, comments, ideas, users, workaroundConfirmations } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { guardLanguage } from "./ideas.server";
import { follow } from "../notifications/notify.server";
import { answerSlaClock, notifyOfficialUpdate } from "./transitions.server";

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
};

export const NewCommentSchema = z.object({
  body: z.string({ error: "Write a comment." }).trim().min(1, "Write a comment.").max(10_000, "Keep it under 10,000 characters."),
  kind: z.enum(COMMENT_KINDS, { error: "Choose comment, workaround or official." }).default("comment"),
});

function ideaByKey(db: Db, key: string) {
  const idea = db.select({ id: ideas.id, key: ideas.key, title: ideas.title }).from(ideas).where(eq(ideas.key, key)).get();
  if (!idea) throw new DomainError("not_found", `No idea ${key}.`);
  return idea;
}

/**
 * Comments, hidden ones included for PMs (marked) and left out for everyone else, oldest first.
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
      confirmations: sql<number>`(SELECT count(*) FROM workaround_confirmations w WHERE w.comment_id = "comments"."id")`,
      confirmedByMe: sql<number>`EXISTS (SELECT 1 FROM workaround_confirmations w WHERE w.comment_id = "comments"."id" AND w.user_id = ${viewer.id})`,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(isPm ? eq(comments.ideaId, idea.id) : and(eq(comments.ideaId, idea.id), eq(comments.hidden, false)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  return rows.map(({ authorId, authorName, confirmedByMe, ...c }) => ({
    ...c,
    author: { id: authorId, name: authorName },
    confirmedByMe: Boolean(confirmedByMe),
  }));
}

export function commentJson(c: Comment) {
  return { id: c.id, kind: c.kind, body: c.body, author: c.author, createdAt: c.createdAt, hidden: c.hidden };
}

/**
 * Post a comment, a peer work-around, or (PMs) an official update. The language guard refuses
 * listed terms; an official update answers the SLA clock and notifies followers.
 */
export function addComment(db: Db, author: User, key: string, input: unknown): Comment {
  const data = parseInput(NewCommentSchema, input);
  if (!globalCan(author.role, "ideas.comment")) throw new DomainError("forbidden", "Your role does not comment on ideas.");
  if (data.kind === "official" && !globalCan(author.role, "ideas.officialUpdate")) {
    throw new DomainError("forbidden", "Only product managers post official updates.");
  }
  const id = db.transaction((tx) => {
    const idea = tx.select({ id: ideas.id, key: ideas.key, title: ideas.title }).from(ideas).where(eq(ideas.key, key)).get();
    if (!idea) throw new DomainError("not_found", `No idea ${key}.`);
    guardLanguage(tx, { body: data.body });
    const row = tx.insert(comments).values({ ideaId: idea.id, authorId: author.id, kind: data.kind, body: data.body }).returning({ id: comments.id }).get();
    tx.update(ideas).set({ commentCount: sql`${ideas.commentCount} + 1` }).where(eq(ideas.id, idea.id)).run();
    if (data.kind === "official") {
      answerSlaClock(tx, idea.id);
      notifyOfficialUpdate(tx, idea, { commentId: row.id, body: data.body, authorId: author.id });
    }
    follow(tx, author.id, idea.id);
    return row.id;
  });
  return listComments(db, author, key).find((c) => c.id === id)!;
}

/** A PM hides a comment with a reason: it is kept, shown as hidden to PMs, gone for others. */
export function hideComment(db: Db, pm: User, commentId: number, input: unknown): void {
  if (!globalCan(pm.role, "ideas.hideComment")) throw new DomainError("forbidden", "Only product managers hide comments.");
  const { reason } = parseInput(z.object({ reason: z.string({ error: "Give a reason." }).trim().min(3, "Give a reason for hiding it.").max(500) }), input);
  db.transaction((tx) => {
    const comment = tx.select().from(comments).where(eq(comments.id, commentId)).get();
    if (!comment) throw new DomainError("not_found", "No such comment.");
    if (comment.hidden) throw new DomainError("conflict", "That comment is already hidden.");
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
    if (!comment || comment.hidden) throw new DomainError("not_found", "No such comment.");
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
