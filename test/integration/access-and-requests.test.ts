import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { accessRequests, auditLog, follows, notifications, outbox, passwordTokens, sessions } from "../../db/schema";
import {
  approveAccessRequest,
  checkPasswordLink,
  forgotPassword,
  issueResetLink,
  rejectAccessRequest,
  requestAccess,
  usePasswordLink,
} from "~/auth/access.server";
import { createSession } from "~/auth/sessions.server";
import { authenticateToken, createToken } from "~/auth/tokens.server";
import { verifyCredentials } from "~/auth/sign-in.server";
import { addComment } from "~/ideas/comments.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { setFollowing } from "~/notifications/notify.server";
import { saveCategory } from "~/ideas/portals.server";
import { castVote, decideVoteRequest, listVoteRequests, requestMoreVotes, voteBalance } from "~/ideas/votes.server";
import { freshDb } from "../support/db";
import { asyncRefusal as refusal } from "../support/refusal";
import { makeIdea, makePortal, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});


const request = { name: "Noor Haddad", email: "noor@wingtip.example", company: "Wingtip Telecom", role: "partner", reason: "We run the Wingtip contact center." };

describe("access requests", () => {
  it("approval creates the account with its company and a one-time set-password link in the outbox", async () => {
    const admin = await makeUser(db, "admin");
    requestAccess(db, request);
    const [pending] = db.select().from(accessRequests).all();
    expect(db.select().from(notifications).where(eq(notifications.userId, admin.id)).all()[0].text).toMatch(/asks for access/);

    const { user, link } = await approveAccessRequest(db, admin, pending.id);
    expect(user).toMatchObject({ email: "noor@wingtip.example", role: "partner", company: "Wingtip Telecom" });
    expect(db.select().from(outbox).where(eq(outbox.userId, user.id)).get()?.body).toContain(link);
    const token = link.split("/").at(-1)!;
    expect(checkPasswordLink(db, token).email).toBe("noor@wingtip.example");

    expect((await refusal(() => usePasswordLink(db, token, { password: "long-enough-1", confirm: "different-1" }))).fields?.confirm).toBe("The two passwords differ.");
    await usePasswordLink(db, token, { password: "long-enough-1", confirm: "long-enough-1" });
    await expect(verifyCredentials(db, { email: "noor@wingtip.example", password: "long-enough-1" })).resolves.toMatchObject({ id: user.id });
    expect((await refusal(() => usePasswordLink(db, token, { password: "another-one-1", confirm: "another-one-1" }))).code).toBe("not_found");
    expect(db.select().from(auditLog).where(eq(auditLog.kind, "access.approved")).all()).toHaveLength(1);
    expect((await refusal(() => approveAccessRequest(db, admin, pending.id))).code).toBe("not_found");
  });

  it("drops a filled honeypot, does not reveal known emails, and refuses non-admins", async () => {
    const admin = await makeUser(db, "admin");
    const customer = await makeUser(db, "customer", { email: "known@example.test" });
    requestAccess(db, { ...request, website: "http://spam.example" });
    requestAccess(db, { ...request, email: "known@example.test" });
    expect(db.select().from(accessRequests).all()).toHaveLength(0);
    requestAccess(db, request);
    requestAccess(db, request);
    const rows = db.select().from(accessRequests).all();
    expect(rows).toHaveLength(1);
    expect((await refusal(() => approveAccessRequest(db, customer, rows[0].id))).code).toBe("forbidden");
    expect((await refusal(() => rejectAccessRequest(db, admin, rows[0].id, { reason: "" }))).code).toBe("invalid");
    rejectAccessRequest(db, admin, rows[0].id, { reason: "Not a customer of ours" });
    expect(db.select().from(accessRequests).get()).toMatchObject({ state: "declined", decisionNote: "Not a customer of ours" });
  });

  it("a reset link lasts one hour, ends other sessions, and the same answer comes for unknown emails", async () => {
    const admin = await makeUser(db, "admin");
    const user = await makeUser(db, "customer", { email: "forgetful@example.test" });
    createSession(db, user.id);
    forgotPassword(db, { email: "nobody@example.test" });
    expect(db.select().from(passwordTokens).all()).toHaveLength(0);
    forgotPassword(db, { email: "Forgetful@example.test" });
    const mail = db.select().from(outbox).where(eq(outbox.userId, user.id)).get()!;
    expect(mail.kind).toBe("link");
    const token = mail.body.match(/set-password\/([\w-]+)/)![1];
    expect((await refusal(() => checkPasswordLink(db, token, new Date(Date.now() + 61 * 60_000)))).code).toBe("not_found");
    await usePasswordLink(db, token, { password: "brand-new-pass", confirm: "brand-new-pass" });
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0);
    expect(issueResetLink(db, admin, user.id)).toMatch(/^\/set-password\//);
    expect((await refusal(() => issueResetLink(db, user, user.id))).code).toBe("forbidden");
  });

  it("a new password ends every session and API token of the user and voids their other links", async () => {
    const admin = await makeUser(db, "admin");
    const user = await makeUser(db, "customer", { email: "stolen@example.test" });
    const other = await makeUser(db, "customer");
    createSession(db, user.id);
    createSession(db, other.id);
    const mine = createToken(db, user.id, { name: "Spreadsheet" });
    const theirs = createToken(db, other.id, { name: "Theirs" });
    expect(authenticateToken(db, mine.token)?.id).toBe(user.id);
    const byAdmin = issueResetLink(db, admin, user.id).split("/").at(-1)!;
    forgotPassword(db, { email: user.email });
    const mails = db.select().from(outbox).where(eq(outbox.userId, user.id)).all();
    const fromMail = mails.at(-1)!.body.match(/set-password\/([\w-]+)/)![1];

    await usePasswordLink(db, fromMail, { password: "taken-back-123", confirm: "taken-back-123" });
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0);
    expect(authenticateToken(db, mine.token)).toBeNull();
    expect((await refusal(() => checkPasswordLink(db, byAdmin))).code).toBe("not_found");
    // Nobody else is touched.
    expect(db.select().from(sessions).where(eq(sessions.userId, other.id)).all()).toHaveLength(1);
    expect(authenticateToken(db, theirs.token)?.id).toBe(other.id);
  });
});

describe("requests for more votes", () => {
  it("approval grants the votes in the same transaction as the decision; one pending request at a time", async () => {
    const admin = await makeUser(db, "admin");
    const customer = await makeUser(db, "customer");
    requestMoreVotes(db, customer, { reason: "We run three contact centers on this platform." });
    expect((await refusal(() => requestMoreVotes(db, customer, { reason: "Another request right away please" }))).code).toBe("conflict");
    const [pending] = listVoteRequests(db);
    expect(pending).toMatchObject({ email: customer.email, ideasSubmitted: 0, comments: 0, votesSpent: 0 });
    decideVoteRequest(db, admin, pending.id, { approve: true, amount: 4 });
    expect(voteBalance(db, customer.id).budget).toBe(14);
    expect(listVoteRequests(db)).toHaveLength(0);
    expect((await refusal(() => decideVoteRequest(db, admin, pending.id, { approve: true }))).code).toBe("not_found");
  });

  it("a refused grant leaves the request pending", async () => {
    const admin = await makeUser(db, "admin");
    const customer = await makeUser(db, "customer");
    requestMoreVotes(db, customer, { reason: "We run three contact centers on this platform." });
    const [pending] = listVoteRequests(db);
    expect((await refusal(() => decideVoteRequest(db, admin, pending.id, { approve: true, amount: 500 }))).code).toBe("invalid");
    expect(listVoteRequests(db)).toHaveLength(1);
    decideVoteRequest(db, admin, pending.id, { approve: false });
    expect(voteBalance(db, customer.id).budget).toBe(10);
  });
});

describe("following", () => {
  it("voters and commenters follow; an unfollow stands; followers hear of moves, the mover does not", async () => {
    const { prefix, pm } = await makePortal(db, { threshold: 50 });
    const author = await makeUser(db, "customer");
    const voter = await makeUser(db, "partner");
    const quitter = await makeUser(db, "customer");
    const key = makeIdea(db, author, prefix).key;
    castVote(db, voter, key);
    addComment(db, quitter, key, { body: "Same for us at the bank." });
    const ideaId = db.select().from(follows).all()[0].ideaId;
    setFollowing(db, quitter.id, ideaId, false);
    addComment(db, quitter, key, { body: "Still interested, but quietly." });
    moveIdea(db, pm, key, { status: "not_planned", note: "Not in the product direction." });
    const told = (id: number) => db.select().from(notifications).where(eq(notifications.userId, id)).all().map((n) => n.text);
    expect(told(author.id).some((t) => t.includes("moved to Not Planned"))).toBe(true);
    expect(told(voter.id).some((t) => t.includes("moved to Not Planned"))).toBe(true);
    expect(told(voter.id).some((t) => t.includes("came back to you"))).toBe(true);
    expect(told(quitter.id)).toEqual([]);
    expect(told(pm.id).some((t) => t.includes("moved to"))).toBe(false);
    // One digest per user per day.
    expect(db.select().from(outbox).where(eq(outbox.userId, voter.id)).all()).toHaveLength(1);
  });
});

describe("categories", () => {
  it("refuses a taken prefix, a non-PM owner, and a prefix change once ideas carry it", async () => {
    const { admin, slug, prefix, pm } = await makePortal(db);
    const customer = await makeUser(db, "customer");
    expect((await refusal(() => saveCategory(db, admin, slug, null, { name: "Dup", keyPrefix: prefix }))).code).toBe("conflict");
    expect((await refusal(() => saveCategory(db, admin, slug, null, { name: "Odd", keyPrefix: "ODDS", pmId: customer.id }))).fields?.pmId).toBeDefined();
    expect((await refusal(() => saveCategory(db, customer, slug, null, { name: "Mine", keyPrefix: "MINE" }))).code).toBe("forbidden");
    makeIdea(db, customer, prefix);
    const id = (await import("~/ideas/portals.server")).getPortal(db, slug).categories[0].id;
    expect((await refusal(() => saveCategory(db, admin, slug, id, { name: "Renamed", keyPrefix: "NEWP", pmId: pm.id }))).code).toBe("conflict");
    saveCategory(db, admin, slug, id, { name: "Renamed", keyPrefix: prefix, pmId: pm.id });
  });
});
