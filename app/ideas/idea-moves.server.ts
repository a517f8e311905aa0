/** Moving an idea through its lifecycle (SPEC B3–B7): status moves, merges and target dates. */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { IDEA_STATUSES, comments, ideaEdits, ideaVotes, ideas, voteLedger } from "../../db/schema";
import { appToday } from "../lib/app-time";
import { recordAudit } from "../auth/audit.server";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput, webLinkSchema } from "../lib/validation";
import { checkMove, finalMoveConsequence, isFinal, returnsVotes, targetQuarter, STATUS_LABELS } from "./lifecycle";
import { requireConfirmation, type Confirmation } from "../lib/confirm";
import { answerSlaClock, applyThreshold, ideaLink, recordStatusChange, returnAllVotes, recountVotes, notifyOfficialUpdate } from "./transitions.server";
import { mergeVoteNotice } from "./votes";
import { notify } from "../notifications/notify.server";
import { getIdeaSummary, guardLanguage, type IdeaSummary } from "./ideas.server";

type IdeaName = { key: string; title: string };

export const MoveSchema = z.object({
  status: z.enum(IDEA_STATUSES, { error: "Choose a status." }),
  note: z.string().max(5000, "Keep the note under 5,000 characters.").optional().default(""),
  targetDate: z.string().optional().nullable(),
  releaseNoteUrl: webLinkSchema("Give the release-note link (http or https).").optional().nullable(),
  docUrls: z.array(webLinkSchema("Each doc link is a web address starting with http:// or https://.")).max(20).optional(),
  mergeInto: z.string().trim().toUpperCase().optional().nullable(),
});

/**
 * A PM moves an idea (SPEC B3): the table and each move's required fields are checked, the move
 * is recorded with its public note, an open SLA clock is answered, votes return on Delivered and
 * Not Planned, and a merge moves votes and followers to the target — all in one transaction.
 * A page passes its `confirmation`: a final move is refused until the person confirmed what it
 * does to the votes, counted here in the same transaction that would move them.
 */
export function moveIdea(db: Db, actor: User, key: string, input: unknown, confirmation?: Confirmation): IdeaSummary {
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
    if (isFinal(data.status)) {
      requireConfirmation(confirmation, `Moving ${key} to ${STATUS_LABELS[data.status]}`, finalMoveConsequence(data.status, voteCounts(tx, idea.id, target)));
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

/** The votes on an idea and, for a merge, how many of their voters also voted for the target. */
function voteCounts(tx: DbOrTx, ideaId: number, target: { id: number; key: string } | undefined) {
  const total = tx.select({ n: sql<number>`count(*)` }).from(ideaVotes).where(eq(ideaVotes.ideaId, ideaId)).get()?.n ?? 0;
  if (!target) return { total };
  const onTargetToo =
    tx
      .select({ n: sql<number>`count(*)` })
      .from(ideaVotes)
      .where(and(eq(ideaVotes.ideaId, ideaId), sql`${ideaVotes.userId} IN (SELECT user_id FROM idea_votes WHERE idea_id = ${target.id})`))
      .get()?.n ?? 0;
  return { total, onTargetToo, target: target.key };
}

/**
 * Votes move to the target (a voter who already voted there gets theirs back); followers follow
 * it. Each voter hears where their vote went, and the merged idea keeps both counts for its page.
 */
function mergeVotesAndFollowers(tx: DbOrTx, source: IdeaName & { id: number }, target: IdeaName & { id: number }, actorId: number) {
  const votes = tx.select().from(ideaVotes).where(eq(ideaVotes.ideaId, source.id)).all();
  let moved = 0;
  for (const vote of votes) {
    const already = tx.select({ u: ideaVotes.userId }).from(ideaVotes).where(and(eq(ideaVotes.userId, vote.userId), eq(ideaVotes.ideaId, target.id))).get();
    tx.insert(voteLedger).values({ userId: vote.userId, ideaId: source.id, kind: "return", amount: 1, reason: `${source.key} merged into ${target.key}`, byId: actorId }).run();
    if (!already) {
      moved++;
      tx.insert(ideaVotes).values({ userId: vote.userId, ideaId: target.id, countsTowardThreshold: vote.countsTowardThreshold, at: vote.at }).run();
      tx.insert(voteLedger).values({ userId: vote.userId, ideaId: target.id, kind: "spend", amount: -1, reason: `Vote moved from ${source.key} by merge`, byId: actorId }).run();
    }
    notify(tx, [vote.userId], { text: mergeVoteNotice(source, target, !already), link: ideaLink(target.key), ideaId: source.id });
  }
  tx.update(ideas)
    .set({ mergedIntoId: target.id, mergeVotesMoved: moved, mergeVotesReturned: votes.length - moved })
    .where(eq(ideas.id, source.id))
    .run();
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
    const body = `Target changed to ${targetQuarter(data.targetDate)}: ${data.note}`;
    const update = tx.insert(comments).values({ ideaId: idea.id, authorId: actor.id, kind: "official", body }).returning({ id: comments.id }).get();
    notifyOfficialUpdate(tx, idea, { commentId: update.id, body, authorId: actor.id });
    tx.update(ideas).set({ commentCount: sql`${ideas.commentCount} + 1` }).where(eq(ideas.id, idea.id)).run();
  });
}
