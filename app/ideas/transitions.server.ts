import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.server";
import { categories, holidays, ideaStatusChanges, ideaVotes, ideas, portals, slaClocks, users, voteLedger, type IdeaStatus } from "../../db/schema";
import { appToday } from "../lib/app-time";
import { STATUS_LABELS, reachesThreshold } from "./lifecycle";
import { companyCount } from "./votes";
import { followerIds, notify } from "../notifications/notify.server";
import { slaDueDate } from "./sla";

/**
 * The steps every status change shares — record it, start or end the SLA clock, tell the
 * followers — used by PM moves, votes, merges and threshold changes, always inside their
 * transaction.
 */

type IdeaRef = { id: number; key: string; title: string; status: IdeaStatus; categoryId: number };

export function ideaLink(key: string): string {
  return `/ideas/${key}`;
}

export function recordStatusChange(
  tx: DbOrTx,
  idea: IdeaRef,
  to: IdeaStatus,
  change: { byId: number | null; system: boolean; note: string; goLiveId?: number | null },
): void {
  const at = new Date().toISOString();
  tx.update(ideas).set({ status: to, statusChangedAt: at }).where(eq(ideas.id, idea.id)).run();
  const { id: changeId } = tx
    .insert(ideaStatusChanges)
    .values({ ideaId: idea.id, fromStatus: idea.status, toStatus: to, byId: change.byId, system: change.system, goLiveId: change.goLiveId ?? null, note: change.note, at })
    .returning({ id: ideaStatusChanges.id })
    .get();
  // The category's PM hears of an entry into review once, with what is due (not also as a follower).
  const event = `status:${changeId}`;
  if (to === "under_pm_review") startSlaClock(tx, idea, event);
  notify(
    tx,
    followerIds(tx, idea.id),
    {
      text: `${idea.key} “${idea.title}” moved to ${STATUS_LABELS[to]}.`,
      detail: change.note.trim() || null,
      link: statusLink(idea.key, changeId),
      ideaId: idea.id,
      dedupeKey: event,
    },
    change.byId,
  );
}

/** Where a status change is shown: its entry in the idea page's status history. */
export function statusLink(key: string, changeId: number): string {
  return `${ideaLink(key)}#status-${changeId}`;
}

/** Where an official update is shown: its place in the idea page's conversation (each update is shown once). */
export function officialUpdateLink(key: string, commentId: number): string {
  return `${ideaLink(key)}#comment-${commentId}`;
}

/** Tell an idea's followers of an official update, with its text; mailed at once to those who asked. */
export function notifyOfficialUpdate(tx: DbOrTx, idea: { id: number; key: string; title: string }, update: { commentId: number; body: string; authorId: number }): void {
  notify(
    tx,
    followerIds(tx, idea.id),
    {
      text: `Official update on ${idea.key} “${idea.title}”.`,
      detail: update.body,
      link: officialUpdateLink(idea.key, update.commentId),
      ideaId: idea.id,
      dedupeKey: `comment:${update.commentId}`,
      officialUpdate: { subject: `Official update on ${idea.key}: ${idea.title}` },
    },
    update.authorId,
  );
}

/** Where a comment is shown on the idea page. */
export function commentLink(key: string, commentId: number): string {
  return `${ideaLink(key)}#comment-${commentId}`;
}

function startSlaClock(tx: DbOrTx, idea: IdeaRef, event: string): void {
  const today = appToday();
  const holidaySet = new Set(tx.select({ date: holidays.date }).from(holidays).all().map((h) => h.date));
  tx.insert(slaClocks).values({ ideaId: idea.id, enteredOn: today, dueOn: slaDueDate(today, holidaySet) }).run();
  const category = tx.select({ pmId: categories.pmId }).from(categories).where(eq(categories.id, idea.categoryId)).get();
  if (category?.pmId) {
    notify(tx, [category.pmId], {
      text: `${idea.key} “${idea.title}” reached Under PM Review: a public update is due within 30 business days.`,
      link: ideaLink(idea.key),
      ideaId: idea.id,
      dedupeKey: event,
    });
  }
}

/** The first official update or PM status move after entry answers the open clock. */
export function answerSlaClock(tx: DbOrTx, ideaId: number): void {
  tx.update(slaClocks)
    .set({ answeredOn: appToday() })
    .where(and(eq(slaClocks.ideaId, ideaId), isNull(slaClocks.answeredOn)))
    .run();
}

/** Move a Community Review idea to Under PM Review if its customer and partner votes reached the threshold. */
export function applyThreshold(tx: DbOrTx, ideaId: number, cause: string): boolean {
  const row = tx
    .select({
      id: ideas.id,
      key: ideas.key,
      title: ideas.title,
      status: ideas.status,
      categoryId: ideas.categoryId,
      thresholdVotes: ideas.thresholdVotes,
      threshold: portals.voteThreshold,
    })
    .from(ideas)
    .innerJoin(portals, eq(portals.id, ideas.portalId))
    .where(eq(ideas.id, ideaId))
    .get();
  if (!row || !reachesThreshold(row.status, row.thresholdVotes, row.threshold)) return false;
  recordStatusChange(tx, row, "under_pm_review", {
    byId: null,
    system: true,
    note: `Reached the vote threshold of ${row.threshold} (${cause}).`,
  });
  return true;
}

/**
 * Give every vote on an idea back to its voter (Delivered, Not Planned), keeping them in the
 * history, and keep the count it closed with (and from how many companies) for display and sorting.
 */
export function returnAllVotes(tx: DbOrTx, idea: IdeaRef, reason: string, byId: number | null): number {
  const voters = tx
    .select({ userId: ideaVotes.userId, company: users.company })
    .from(ideaVotes)
    .innerJoin(users, eq(users.id, ideaVotes.userId))
    .where(eq(ideaVotes.ideaId, idea.id))
    .all();
  for (const { userId } of voters) {
    tx.insert(voteLedger).values({ userId, ideaId: idea.id, kind: "return", amount: 1, reason, byId }).run();
  }
  tx.delete(ideaVotes).where(eq(ideaVotes.ideaId, idea.id)).run();
  tx.update(ideas)
    .set({ votes: 0, thresholdVotes: 0, votesAtClose: voters.length, companiesAtClose: companyCount(voters.map((v) => v.company)) })
    .where(eq(ideas.id, idea.id))
    .run();
  notify(
    tx,
    voters.map((v) => v.userId),
    { text: `Your vote on ${idea.key} “${idea.title}” came back to you (${reason}).`, link: "/my-votes", ideaId: idea.id },
  );
  return voters.length;
}

/** Recount an idea's stored vote columns from its current votes (used after merges). */
export function recountVotes(tx: DbOrTx, ideaId: number): void {
  tx.update(ideas)
    .set({
      votes: sql`(SELECT count(*) FROM idea_votes WHERE idea_id = ${ideaId})`,
      thresholdVotes: sql`(SELECT count(*) FROM idea_votes WHERE idea_id = ${ideaId} AND counts_toward_threshold = 1)`,
    })
    .where(eq(ideas.id, ideaId))
    .run();
}
