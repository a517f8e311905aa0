import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { ideaVotes, ideas, users, voteLedger, voteRequests } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { follow, notify } from "../notifications/notify.server";
import { applyThreshold } from "./transitions.server";
import { BASE_BUDGET, balanceFrom, countsTowardThreshold, voteRefusal, type VoteBalance } from "./votes";

/** The votes granted beyond the base budget and the votes currently spent. */
function balanceParts(db: DbOrTx, userId: number): { grants: number; active: number } {
  const grants =
    db
      .select({ n: sql<number>`coalesce(sum(${voteLedger.amount}), 0)` })
      .from(voteLedger)
      .where(and(eq(voteLedger.userId, userId), eq(voteLedger.kind, "grant")))
      .get()?.n ?? 0;
  const active =
    db.select({ n: sql<number>`count(*)` }).from(ideaVotes).where(eq(ideaVotes.userId, userId)).get()?.n ?? 0;
  return { grants, active };
}

/** The balance, derived from the ledger (grants) and the votes currently spent. */
export function voteBalance(db: DbOrTx, userId: number): VoteBalance {
  const { grants, active } = balanceParts(db, userId);
  return balanceFrom(grants, active);
}

/** The balance as the ledger alone tells it: 10 + every spend, return and grant. */
export function ledgerBalance(db: DbOrTx, userId: number): number {
  return (
    BASE_BUDGET +
    (db
      .select({ n: sql<number>`coalesce(sum(${voteLedger.amount}), 0)` })
      .from(voteLedger)
      .where(eq(voteLedger.userId, userId))
      .get()?.n ?? 0)
  );
}

function findIdea(tx: DbOrTx, key: string) {
  const idea = tx
    .select({ id: ideas.id, key: ideas.key, title: ideas.title, status: ideas.status, votes: ideas.votes })
    .from(ideas)
    .where(eq(ideas.key, key))
    .get();
  if (!idea) throw new DomainError("not_found", `No idea ${key}.`);
  return idea;
}

export type VoteResult = { votes: number; myVotes: VoteBalance };

/**
 * Spend one of the user's votes on an idea. All checks and writes happen in one transaction,
 * which SQLite serialises, so concurrent requests can never overspend a budget or double-count.
 */
export function castVote(db: Db, user: User, key: string): VoteResult {
  if (!globalCan(user.role, "ideas.vote")) throw new DomainError("forbidden", "Your role does not vote on ideas.");
  return db.transaction((tx) => {
    const idea = findIdea(tx, key);
    const alreadyVoted = Boolean(
      tx.select({ u: ideaVotes.userId }).from(ideaVotes).where(and(eq(ideaVotes.userId, user.id), eq(ideaVotes.ideaId, idea.id))).get(),
    );
    // Read once: inside the transaction nothing else changes this user's balance.
    const { grants, active } = balanceParts(tx, user.id);
    const refusal = voteRefusal({ status: idea.status, alreadyVoted, available: balanceFrom(grants, active).available });
    if (refusal) throw new DomainError("conflict", refusal);
    const counts = countsTowardThreshold(user.role);
    tx.insert(ideaVotes).values({ userId: user.id, ideaId: idea.id, countsTowardThreshold: counts }).run();
    tx.insert(voteLedger).values({ userId: user.id, ideaId: idea.id, kind: "spend", amount: -1, reason: `Voted for ${idea.key}`, byId: user.id }).run();
    const { votes } = tx
      .update(ideas)
      .set({ votes: sql`${ideas.votes} + 1`, thresholdVotes: counts ? sql`${ideas.thresholdVotes} + 1` : ideas.thresholdVotes })
      .where(eq(ideas.id, idea.id))
      .returning({ votes: ideas.votes })
      .get()!;
    follow(tx, user.id, idea.id);
    if (counts) applyThreshold(tx, idea.id, "a vote");
    return { votes, myVotes: balanceFrom(grants, active + 1) };
  });
}

/** Take a vote back: it returns to the balance. The idea's status never falls back. */
export function withdrawVote(db: Db, user: User, key: string): VoteResult {
  // The same rule as casting: a role that does not vote is refused as such, not told it has no vote.
  if (!globalCan(user.role, "ideas.vote")) throw new DomainError("forbidden", "Your role does not vote on ideas.");
  return db.transaction((tx) => {
    const idea = findIdea(tx, key);
    const vote = tx
      .select({ counts: ideaVotes.countsTowardThreshold })
      .from(ideaVotes)
      .where(and(eq(ideaVotes.userId, user.id), eq(ideaVotes.ideaId, idea.id)))
      .get();
    if (!vote) throw new DomainError("conflict", "You have no vote on this idea to take back.");
    tx.delete(ideaVotes).where(and(eq(ideaVotes.userId, user.id), eq(ideaVotes.ideaId, idea.id))).run();
    tx.insert(voteLedger).values({ userId: user.id, ideaId: idea.id, kind: "return", amount: 1, reason: `Took the vote back from ${idea.key}`, byId: user.id }).run();
    const { votes } = tx
      .update(ideas)
      .set({ votes: sql`${ideas.votes} - 1`, thresholdVotes: vote.counts ? sql`${ideas.thresholdVotes} - 1` : ideas.thresholdVotes })
      .where(eq(ideas.id, idea.id))
      .returning({ votes: ideas.votes })
      .get()!;
    return { votes, myVotes: voteBalance(tx, user.id) };
  });
}

export const GrantSchema = z.object({
  amount: z.number({ error: "Give a whole number of votes." }).int("Give a whole number of votes.").min(1, "Grant at least 1 vote.").max(100, "Grant at most 100 votes at a time."),
  reason: z.string({ error: "Give a reason." }).trim().min(3, "Give a reason.").max(500, "Keep the reason under 500 characters."),
});

/** An admin grants extra votes with a reason; the grant is a ledger row and an audit entry. */
export function grantVotes(db: Db, admin: User, userId: number, input: unknown): VoteBalance {
  if (!globalCan(admin.role, "admin.voteGrants")) throw new DomainError("forbidden", "Only admins grant votes.");
  const grant = parseInput(GrantSchema, input);
  return db.transaction((tx) => applyGrant(tx, admin, userId, grant));
}

function applyGrant(tx: DbOrTx, admin: User, userId: number, grant: z.infer<typeof GrantSchema>): VoteBalance {
  const user = tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new DomainError("not_found", "No such user.");
  tx.insert(voteLedger).values({ userId, ideaId: null, kind: "grant", amount: grant.amount, reason: grant.reason, byId: admin.id }).run();
  recordAudit(tx, admin.id, "votes.granted", `user:${userId}`, { amount: grant.amount, reason: grant.reason });
  notify(tx, [userId], { text: `You were granted ${grant.amount} more vote${grant.amount === 1 ? "" : "s"}: ${grant.reason}`, link: "/my-votes" });
  return voteBalance(tx, userId);
}

export type MyVotes = {
  balance: VoteBalance;
  active: { key: string; title: string; status: string; votes: number; at: string }[];
  history: { id: number; kind: string; amount: number; reason: string; key: string | null; at: string }[];
  pendingRequest: boolean;
};

export function myVotes(db: Db, userId: number): MyVotes {
  const active = db
    .select({ key: ideas.key, title: ideas.title, status: ideas.status, votes: ideas.votes, at: ideaVotes.at })
    .from(ideaVotes)
    .innerJoin(ideas, eq(ideas.id, ideaVotes.ideaId))
    .where(eq(ideaVotes.userId, userId))
    .orderBy(desc(ideaVotes.at))
    .all();
  const history = db
    .select({ id: voteLedger.id, kind: voteLedger.kind, amount: voteLedger.amount, reason: voteLedger.reason, key: ideas.key, at: voteLedger.at })
    .from(voteLedger)
    .leftJoin(ideas, eq(ideas.id, voteLedger.ideaId))
    .where(eq(voteLedger.userId, userId))
    .orderBy(desc(voteLedger.id))
    .limit(100)
    .all();
  const pendingRequest = Boolean(
    db.select({ id: voteRequests.id }).from(voteRequests).where(and(eq(voteRequests.userId, userId), eq(voteRequests.state, "pending"))).get(),
  );
  return { balance: voteBalance(db, userId), active, history, pendingRequest };
}

export const VoteRequestSchema = z.object({
  reason: z.string({ error: "Say why you need more votes." }).trim().min(10, "Say in a sentence why you need more votes.").max(1000, "Keep it under 1000 characters."),
});

export function requestMoreVotes(db: Db, user: User, input: unknown): void {
  const { reason } = parseInput(VoteRequestSchema, input);
  db.transaction((tx) => {
    const pending = tx.select({ id: voteRequests.id }).from(voteRequests).where(and(eq(voteRequests.userId, user.id), eq(voteRequests.state, "pending"))).get();
    if (pending) throw new DomainError("conflict", "You already have a request waiting for an admin.");
    tx.insert(voteRequests).values({ userId: user.id, reason }).run();
    const admins = tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true))).all();
    notify(tx, admins.map((a) => a.id), { text: `${user.name} asks for more votes: ${reason}`, link: "/admin/vote-requests" });
  });
}

export function listVoteRequests(db: Db) {
  return db
    .select({
      id: voteRequests.id,
      reason: voteRequests.reason,
      createdAt: voteRequests.createdAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      company: users.company,
      ideasSubmitted: sql<number>`(SELECT count(*) FROM ideas WHERE author_id = "users"."id")`,
      comments: sql<number>`(SELECT count(*) FROM comments WHERE author_id = "users"."id")`,
      votesSpent: sql<number>`(SELECT count(*) FROM idea_votes WHERE user_id = "users"."id")`,
    })
    .from(voteRequests)
    .innerJoin(users, eq(users.id, voteRequests.userId))
    .where(eq(voteRequests.state, "pending"))
    .orderBy(voteRequests.createdAt)
    .all();
}

/** Approve (granting `amount` with the request's reason) or decline a request for more votes. */
export function decideVoteRequest(db: Db, admin: User, requestId: number, decision: { approve: boolean; amount?: number }): void {
  if (!globalCan(admin.role, "admin.voteGrants")) throw new DomainError("forbidden", "Only admins decide vote requests.");
  const grant = decision.approve
    ? parseInput(GrantSchema, { amount: decision.amount ?? 5, reason: "Request for more votes approved" })
    : null;
  db.transaction((tx) => {
    const request = tx.select().from(voteRequests).where(eq(voteRequests.id, requestId)).get();
    if (!request || request.state !== "pending") throw new DomainError("not_found", "No such pending request.");
    if (grant) applyGrant(tx, admin, request.userId, grant);
    tx.update(voteRequests)
      .set({ state: decision.approve ? "approved" : "declined", decidedById: admin.id, decidedAt: new Date().toISOString() })
      .where(eq(voteRequests.id, requestId))
      .run();
    if (!decision.approve) notify(tx, [request.userId], { text: "Your request for more votes was declined.", link: "/my-votes" });
  });
}
