import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { accessRequests, auditLog, follows, notifications, outbox, passwordTokens, rateLimitHits, sessions } from "../../db/schema";
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
import { LIMITS, recordHit, sweepRateLimits } from "~/auth/limits.server";
import { verifyCredentials } from "~/auth/sign-in.server";
import { addComment } from "~/ideas/comments.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { setFollowing } from "~/notifications/notify.server";
import { saveCategory } from "~/ideas/portals.server";
import { castVote, decideVoteRequest, listVoteRequests, requestMoreVotes, voteBalance } from "~/ideas/votes.server";
import { freshDb } from "../support/db";
import { asyncRefusal as refusal } from "../support/refusal";
import { TEST_PASSWORD, makeIdea, makePortal, makeUser } from "../support/factories";

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

  it("reset and access requests are limited per email and per client address, with when to try again, known email or not", async () => {
    const now = new Date("2026-12-02T09:00:00Z");
    await makeUser(db, "customer", { email: "often@example.test" });
    for (let i = 0; i < 3; i++) forgotPassword(db, { email: "often@example.test" }, { address: "203.0.113.7" }, now);
    const fourth = await refusal(() => forgotPassword(db, { email: "Often@example.test" }, { address: "198.51.100.1" }, now));
    expect(fourth).toMatchObject({ code: "rate_limited", retryAfter: 15 * 60 });
    expect(fourth.fields?.email).toBe("Too many reset requests for this email. Try again in 15 minutes.");
    // An unknown email is limited the same way, so the limit tells nothing about accounts.
    for (let i = 0; i < 3; i++) forgotPassword(db, { email: "ghost@example.test" }, {}, now);
    expect((await refusal(() => forgotPassword(db, { email: "ghost@example.test" }, {}, now))).code).toBe("rate_limited");
    // One address asking for many emails: the 11th in 15 minutes waits.
    for (let i = 0; i < 7; i++) forgotPassword(db, { email: `spray${i}@example.test` }, { address: "203.0.113.7" }, now);
    const sprayed = await refusal(() => forgotPassword(db, { email: "spray9@example.test" }, { address: "203.0.113.7" }, now));
    expect(sprayed.fields?.email).toMatch(/from this network/);
    // The window passes.
    forgotPassword(db, { email: "often@example.test" }, { address: "203.0.113.7" }, new Date(now.getTime() + 15 * 60_000 + 1000));

    const ask = (email: string, address: string) => requestAccess(db, { name: "Noor", email, company: "Wingtip", role: "partner", reason: "We run the Wingtip contact center." }, { address }, now);
    for (let i = 0; i < 3; i++) ask("noor@wingtip.example", `192.0.2.${i}`);
    expect((await refusal(() => ask("noor@wingtip.example", "192.0.2.9"))).fields?.email).toMatch(/access requests for this email/);
    for (let i = 0; i < 10; i++) ask(`colleague${i}@wingtip.example`, "192.0.2.50");
    expect((await refusal(() => ask("colleague10@wingtip.example", "192.0.2.50"))).code).toBe("rate_limited");
  });

  it("failed sign-ins are limited per client address too: one password sprayed over many emails gets throttled", async () => {
    const now = new Date("2026-12-02T09:00:00Z");
    const user = await makeUser(db, "customer", { email: "sprayed@example.test" });
    for (let i = 0; i < LIMITS.signInFailuresPerAddress.max - 1; i++) recordHit(db, LIMITS.signInFailuresPerAddress, "203.0.113.9", now);
    expect((await refusal(() => verifyCredentials(db, { email: "victim@example.test", password: "Summer2026!" }, now, { address: "203.0.113.9" }))).code).toBe("unauthorized");
    const locked = await refusal(() => verifyCredentials(db, { email: user.email, password: TEST_PASSWORD }, now, { address: "203.0.113.9" }));
    expect(locked).toMatchObject({ code: "rate_limited", message: "Too many failed sign-ins from this network. Try again in 15 minutes." });
    // Another address, and the same one once the window passed, sign in.
    expect((await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD }, now, { address: "198.51.100.2" })).id).toBe(user.id);
    expect((await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD }, new Date(now.getTime() + 15 * 60_000 + 1000), { address: "203.0.113.9" })).id).toBe(user.id);
  });

  it("the background sweep forgets attempts that left their window, for keys never seen again", () => {
    const now = new Date("2026-12-02T09:00:00Z");
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    recordHit(db, LIMITS.resetPerAddress, "198.51.100.77", ago(20));
    recordHit(db, LIMITS.resetPerAddress, "198.51.100.78", ago(5));
    recordHit(db, LIMITS.accessPerEmail, "once@wingtip.example", ago(50));
    recordHit(db, LIMITS.accessPerEmail, "long-ago@wingtip.example", ago(61));
    const keys = () => db.select().from(rateLimitHits).all().map((h) => h.key).filter((k) => /198\.51\.100\.7|wingtip/.test(k)).sort();
    expect(sweepRateLimits(db, now)).toBeGreaterThanOrEqual(2);
    expect(keys()).toEqual(["198.51.100.78", "once@wingtip.example"]);
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
