import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { accessRequests, accessTokens, outbox, passwordHashes, passwordTokens, sessions, users } from "../../db/schema";
import { appToday } from "../lib/app-time";
import { DomainError } from "../lib/errors";
import { parseInput, oneLine } from "../lib/validation";
import { notify } from "../notifications/notify.server";
import { recordAudit } from "./audit.server";
import { hashPassword } from "./password.server";
import { globalCan } from "./permissions";
import { EmailSchema, createUser, normalizeEmail, type User } from "./users.server";
import { LIMITS, takeLimit } from "./limits.server";

const SET_LINK_DAYS = 7;
const RESET_LINK_HOURS = 1;

export const AccessRequestSchema = z.object({
  name: z.string({ error: "Give your name." }).overwrite(oneLine).trim().min(2, "Give your name.").max(120),
  email: EmailSchema,
  company: z.string({ error: "Give your company." }).trim().min(2, "Give your company.").max(120),
  role: z.enum(["customer", "partner"], { error: "Choose customer or partner." }),
  reason: z.string({ error: "Say why you would like access." }).trim().min(10, "Say in a sentence why you would like access.").max(2000),
  /** A field people never see; bots fill it in. */
  website: z.string().optional(),
});

/**
 * Anyone may ask for access. The answer is the same whether or not the email is known (no
 * account discovery), and a filled honeypot is dropped silently.
 */
export function requestAccess(db: Db, input: unknown, from: { address?: string | null } = {}, now = new Date()): void {
  const data = parseInput(AccessRequestSchema, input);
  if (data.website) return;
  db.transaction((tx) => {
    // Limited per email and per client address, known or not: the answer still tells nothing.
    takeLimit(tx, LIMITS.accessPerAddress, from.address ?? null, "access requests from this network", "email", now);
    takeLimit(tx, LIMITS.accessPerEmail, data.email, "access requests for this email", "email", now);
    const known = tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get();
    const pending = tx.select({ id: accessRequests.id }).from(accessRequests).where(and(eq(accessRequests.email, data.email), eq(accessRequests.state, "pending"))).get();
    if (known || pending) return;
    tx.insert(accessRequests).values({ name: data.name, email: data.email, company: data.company, role: data.role, reason: data.reason }).run();
    const admins = tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true))).all();
    notify(tx, admins.map((a) => a.id), { text: `${data.name} (${data.company}) asks for access as a ${data.role}.`, link: "/admin/access-requests" });
  });
}

export function listAccessRequests(db: Db) {
  return db.select().from(accessRequests).where(eq(accessRequests.state, "pending")).orderBy(asc(accessRequests.createdAt)).all();
}

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** A one-time link, stored hashed; the plain path is returned once and mailed through the outbox. */
function issueLink(tx: DbOrTx, user: { id: number; email: string }, purpose: "set" | "reset", now = new Date()): string {
  const token = randomBytes(32).toString("base64url");
  const ms = purpose === "set" ? SET_LINK_DAYS * 86_400_000 : RESET_LINK_HOURS * 3_600_000;
  tx.insert(passwordTokens).values({ userId: user.id, tokenHash: hashToken(token), purpose, expiresAt: new Date(now.getTime() + ms).toISOString() }).run();
  const path = `/set-password/${token}`;
  tx.insert(outbox)
    .values({
      userId: user.id,
      kind: "link",
      day: appToday(now),
      subject: purpose === "set" ? "Welcome to Sprintlab: set your password" : "Reset your Sprintlab password",
      // A link is written as a path in parentheses; the mail writer makes it absolute (app/notifications/mail.server.ts).
      body:
        purpose === "set"
          ? `Your access request was approved. Set your password within ${SET_LINK_DAYS} days:\n\nSet your password (${path})`
          : `Someone asked to reset your password. If it was you, choose a new one within an hour:\n\nReset your password (${path})\n\nIf it was not you, ignore this mail: your password stays as it is.`,
    })
    .run();
  return path;
}

/** Approve: the account is created (with the request's company) and a set-password link issued. */
export async function approveAccessRequest(db: Db, admin: User, requestId: number): Promise<{ user: User; link: string }> {
  if (!globalCan(admin.role, "admin.accessRequests")) throw new DomainError("forbidden", "Only admins decide access requests.");
  const request = db.select().from(accessRequests).where(eq(accessRequests.id, requestId)).get();
  if (!request || request.state !== "pending") throw new DomainError("not_found", "No such pending request.");
  // A random password nobody knows; the user sets their own through the link.
  const user = await createUser(db, admin, { email: request.email, name: request.name, role: request.role, company: request.company, password: randomBytes(24).toString("base64url") });
  const link = db.transaction((tx) => {
    tx.update(accessRequests).set({ state: "approved", userId: user.id, decidedById: admin.id, decidedAt: new Date().toISOString() }).where(eq(accessRequests.id, requestId)).run();
    recordAudit(tx, admin.id, "access.approved", `user:${user.id}`, { email: user.email });
    return issueLink(tx, user, "set");
  });
  return { user, link };
}

export function rejectAccessRequest(db: Db, admin: User, requestId: number, input: unknown): void {
  if (!globalCan(admin.role, "admin.accessRequests")) throw new DomainError("forbidden", "Only admins decide access requests.");
  const { reason } = parseInput(z.object({ reason: z.string({ error: "Give a reason." }).trim().min(3, "Give a reason.").max(1000) }), input);
  db.transaction((tx) => {
    const request = tx.select().from(accessRequests).where(eq(accessRequests.id, requestId)).get();
    if (!request || request.state !== "pending") throw new DomainError("not_found", "No such pending request.");
    tx.update(accessRequests).set({ state: "declined", decisionNote: reason, decidedById: admin.id, decidedAt: new Date().toISOString() }).where(eq(accessRequests.id, requestId)).run();
    recordAudit(tx, admin.id, "access.rejected", `access:${requestId}`, { email: request.email, reason });
  });
}

/** "Forgot password": a one-hour link to the outbox for an active account; the same answer either way. */
export function forgotPassword(db: Db, input: unknown, from: { address?: string | null } = {}, now = new Date()): void {
  const { email } = parseInput(z.object({ email: EmailSchema }), input);
  db.transaction((tx) => {
    // Limited per email and per client address, known or not: the answer still tells nothing.
    takeLimit(tx, LIMITS.resetPerAddress, from.address ?? null, "reset requests from this network", "email", now);
    takeLimit(tx, LIMITS.resetPerEmail, normalizeEmail(email), "reset requests for this email", "email", now);
    const user = tx.select({ id: users.id, email: users.email, active: users.active }).from(users).where(eq(users.email, normalizeEmail(email))).get();
    if (user?.active) issueLink(tx, user, "reset");
  });
}

/** An admin issues the same reset link from the user's row; it is shown to them once. */
export function issueResetLink(db: Db, admin: User, userId: number): string {
  if (!globalCan(admin.role, "admin.users")) throw new DomainError("forbidden", "Only admins issue reset links.");
  return db.transaction((tx) => {
    const user = tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new DomainError("not_found", "No such user.");
    // An admin handing someone a way into an account is on the record.
    recordAudit(tx, admin.id, "user.reset_link_issued", `user:${user.id}`, { email: user.email });
    return issueLink(tx, user, "reset");
  });
}

export function checkPasswordLink(db: Db, token: string, now = new Date()) {
  const row = db
    .select({ id: passwordTokens.id, userId: passwordTokens.userId, purpose: passwordTokens.purpose, email: users.email, name: users.name })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(eq(passwordTokens.tokenHash, hashToken(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now.toISOString()), eq(users.active, true)))
    .get();
  if (!row) throw new DomainError("not_found", "This link has expired or was already used. Ask for a new one.");
  return row;
}

export const NewPasswordSchema = z
  .object({
    password: z.string({ error: "Choose a password." }).min(10, "Use at least 10 characters.").max(200),
    confirm: z.string({ error: "Repeat the password." }),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ.", path: ["confirm"] });

/**
 * Set the password through a one-time link. Whoever held the old password loses everything it
 * gave them: the link is spent, every other outstanding set-password or reset link of the user is
 * void, every session ends and every API token is revoked.
 */
export async function usePasswordLink(db: Db, token: string, input: unknown): Promise<number> {
  const link = checkPasswordLink(db, token);
  const { password } = parseInput(NewPasswordSchema, input);
  const hash = await hashPassword(password);
  db.transaction((tx) => {
    const spent = tx.update(passwordTokens).set({ usedAt: new Date().toISOString() }).where(and(eq(passwordTokens.id, link.id), isNull(passwordTokens.usedAt))).run();
    if (spent.changes === 0) throw new DomainError("not_found", "This link was already used.");
    tx.update(passwordHashes).set({ hash, updatedAt: new Date().toISOString() }).where(eq(passwordHashes.userId, link.userId)).run();
    const at = new Date().toISOString();
    tx.update(passwordTokens).set({ usedAt: at }).where(and(eq(passwordTokens.userId, link.userId), isNull(passwordTokens.usedAt))).run();
    tx.delete(sessions).where(eq(sessions.userId, link.userId)).run();
    tx.update(accessTokens).set({ revokedAt: at }).where(and(eq(accessTokens.userId, link.userId), isNull(accessTokens.revokedAt))).run();
  });
  return link.userId;
}
