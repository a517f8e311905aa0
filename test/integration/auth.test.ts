import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { accessTokens, auditLog, passwordHashes, sessions, signInAttempts } from "../../db/schema";
import { WRONG_CREDENTIALS, verifyCredentials } from "~/auth/sign-in.server";
import { createSession, deleteSession, getSessionUser } from "~/auth/sessions.server";
import { authenticateToken, createToken, listTokens, revokeToken } from "~/auth/tokens.server";
import { createUser, updateUser } from "~/auth/users.server";
import { DomainError } from "~/lib/errors";
import { freshDb } from "../support/db";
import { asyncRefusal as refusal } from "../support/refusal";
import { TEST_PASSWORD, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});


describe("users", () => {
  it("keeps the password as a scrypt hash in its own table", async () => {
    const user = await makeUser(db, "staff");
    const row = db.select().from(passwordHashes).where(eq(passwordHashes.userId, user.id)).get()!;
    expect(row.hash.startsWith("scrypt$")).toBe(true);
    expect(row.hash).not.toContain(TEST_PASSWORD);
  });

  it("refuses a second account with the same email, in any case", async () => {
    await makeUser(db, "customer", { email: "grace@example.test" });
    const error = await refusal(
      createUser(db, null, { email: "Grace@Example.test", name: "Grace", role: "customer", password: TEST_PASSWORD }),
    );
    expect(error.code).toBe("conflict");
    expect(error.fields?.email).toMatch(/already exists/);
  });

  it("validates every field at once", async () => {
    const error = await refusal(createUser(db, null, { email: "not-an-email", name: "", role: "king", password: "short" }));
    expect(error.code).toBe("invalid");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["email", "name", "password", "role"]);
  });
});

describe("sign-in", () => {
  it("accepts the right password, case-insensitive email, and records the attempt", async () => {
    const user = await makeUser(db, "pm", { email: "priya@example.test" });
    const signedIn = await verifyCredentials(db, { email: "  PRIYA@example.test ", password: TEST_PASSWORD });
    expect(signedIn.id).toBe(user.id);
    const attempts = db.select().from(signInAttempts).all();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ email: "priya@example.test", succeeded: true });
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    await makeUser(db, "pm", { email: "priya@example.test" });
    const wrong = await refusal(verifyCredentials(db, { email: "priya@example.test", password: "nope" }));
    const unknown = await refusal(verifyCredentials(db, { email: "nobody@example.test", password: "nope" }));
    expect(wrong.code).toBe("unauthorized");
    expect(unknown.code).toBe("unauthorized");
    expect(wrong.message).toBe(WRONG_CREDENTIALS);
    expect(unknown.message).toBe(WRONG_CREDENTIALS);
  });

  it("refuses empty fields as invalid, naming them", async () => {
    const error = await refusal(verifyCredentials(db, { email: "", password: "" }));
    expect(error.code).toBe("invalid");
    expect(error.fields).toMatchObject({ email: expect.any(String), password: expect.any(String) });
  });

  it("locks an email after 5 failures in 15 minutes, even for the right password, until the window passes", async () => {
    await makeUser(db, "customer", { email: "locked@example.test" });
    await makeUser(db, "customer", { email: "other@example.test" });
    const start = new Date("2026-11-23T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      const at = new Date(start.getTime() + i * 60_000);
      expect((await refusal(verifyCredentials(db, { email: "locked@example.test", password: "guess" }, at))).code).toBe(
        "unauthorized",
      );
    }
    const sixth = new Date(start.getTime() + 5 * 60_000);
    const locked = await refusal(verifyCredentials(db, { email: "locked@example.test", password: TEST_PASSWORD }, sixth));
    expect(locked.code).toBe("rate_limited");
    expect(locked.retryAfter).toBe(10 * 60);
    expect(locked.message).toMatch(/Try again in 10 minutes/);

    // Another email is not affected.
    await expect(verifyCredentials(db, { email: "other@example.test", password: TEST_PASSWORD }, sixth)).resolves.toBeTruthy();

    // Attempts while locked are not recorded, so they do not extend the lock.
    expect(db.select().from(signInAttempts).where(eq(signInAttempts.email, "locked@example.test")).all()).toHaveLength(5);

    // The first failure leaves the window at 10:15; then one more attempt is allowed.
    const later = new Date("2026-11-23T10:15:00.001Z");
    const user = await verifyCredentials(db, { email: "locked@example.test", password: TEST_PASSWORD }, later);
    expect(user.email).toBe("locked@example.test");
  });

  it("does not count successful sign-ins towards the limit", async () => {
    await makeUser(db, "customer", { email: "busy@example.test" });
    const at = new Date("2026-11-23T10:00:00Z");
    for (let i = 0; i < 8; i++) {
      await verifyCredentials(db, { email: "busy@example.test", password: TEST_PASSWORD }, at);
    }
    for (let i = 0; i < 4; i++) {
      await refusal(verifyCredentials(db, { email: "busy@example.test", password: "x" }, at));
    }
    await expect(verifyCredentials(db, { email: "busy@example.test", password: TEST_PASSWORD }, at)).resolves.toBeTruthy();
  });
});

describe("sessions", () => {
  it("finds the user of a live session and nobody after expiry or deletion", async () => {
    const user = await makeUser(db, "staff");
    const now = new Date("2026-11-23T10:00:00Z");
    const id = createSession(db, user.id, now);
    expect(getSessionUser(db, id, now)?.id).toBe(user.id);
    expect(getSessionUser(db, id, new Date("2026-12-24T10:00:00Z"))).toBeNull();
    expect(getSessionUser(db, "made-up", now)).toBeNull();
    deleteSession(db, id);
    expect(getSessionUser(db, id, now)).toBeNull();
  });

  it("ends a session after 7 days without use, while use keeps it alive up to its 30-day lifetime", async () => {
    const user = await makeUser(db, "staff");
    const start = new Date("2026-11-01T10:00:00Z");
    const day = (n: number) => new Date(start.getTime() + n * 86_400_000);
    const used = createSession(db, user.id, start);
    const idle = createSession(db, user.id, start);
    for (const n of [6, 12, 18, 24, 29]) expect(getSessionUser(db, used, day(n))?.id, `day ${n}`).toBe(user.id);
    expect(getSessionUser(db, used, day(31))).toBeNull(); // the absolute lifetime still ends it
    expect(getSessionUser(db, idle, day(7.01))).toBeNull();
    // Last use is written at most once a minute: a burst of reads is one write.
    const fresh = createSession(db, user.id, day(40));
    getSessionUser(db, fresh, new Date(day(40).getTime() + 30_000));
    expect(db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, fresh)).get()?.at).toBe(day(40).toISOString());
  });
});

describe("a read-only database", () => {
  it("still answers reads for a token and a session; their last use is written when it can be", async () => {
    const user = await makeUser(db, "customer");
    const { token } = createToken(db, user.id, { name: "Dashboard" });
    const session = createSession(db, user.id, new Date("2026-12-01T08:00:00Z"));
    db.$client.pragma("query_only = ON");
    try {
      expect(authenticateToken(db, token)?.id).toBe(user.id);
      expect(getSessionUser(db, session, new Date("2026-12-02T08:00:00Z"))?.id).toBe(user.id);
    } finally {
      db.$client.pragma("query_only = OFF");
    }
    expect(db.select().from(accessTokens).where(eq(accessTokens.userId, user.id)).get()?.lastUsedAt).toBeNull();
    authenticateToken(db, token);
    expect(db.select().from(accessTokens).where(eq(accessTokens.userId, user.id)).get()?.lastUsedAt).not.toBeNull();
  });
});

describe("tokens", () => {
  it("stores only a hash, authenticates the token, and stops it on revoke", async () => {
    const user = await makeUser(db, "customer");
    const { id, token } = createToken(db, user.id, { name: "Export script" });
    const row = db.select().from(accessTokens).where(eq(accessTokens.id, id)).get()!;
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(authenticateToken(db, token)?.id).toBe(user.id);
    expect(authenticateToken(db, token + "x")).toBeNull();
    expect(authenticateToken(db, null)).toBeNull();
    expect(listTokens(db, user.id)[0]).toMatchObject({ name: "Export script", revokedAt: null });

    revokeToken(db, user.id, id);
    expect(authenticateToken(db, token)).toBeNull();
    expect(() => revokeToken(db, user.id, id)).toThrow(DomainError);
  });

  it("records a token's last use to the minute: a call within a minute of the recorded one writes nothing", async () => {
    const user = await makeUser(db, "customer");
    const { id, token } = createToken(db, user.id, { name: "Poller" });
    const lastUsed = () => db.select({ at: accessTokens.lastUsedAt }).from(accessTokens).where(eq(accessTokens.id, id)).get()?.at;
    authenticateToken(db, token, new Date("2026-12-01T08:00:00.000Z"));
    expect(lastUsed()).toBe("2026-12-01T08:00:00.000Z");
    expect(authenticateToken(db, token, new Date("2026-12-01T08:00:59.000Z"))?.id).toBe(user.id);
    expect(lastUsed()).toBe("2026-12-01T08:00:00.000Z");
    authenticateToken(db, token, new Date("2026-12-01T08:01:00.001Z"));
    expect(lastUsed()).toBe("2026-12-01T08:01:00.001Z");
  });

  it("lets nobody revoke another user's token", async () => {
    const owner = await makeUser(db, "customer");
    const other = await makeUser(db, "customer");
    const { id, token } = createToken(db, owner.id, { name: "Mine" });
    expect(() => revokeToken(db, other.id, id)).toThrow(/No such active token/);
    expect(authenticateToken(db, token)?.id).toBe(owner.id);
  });

  it("requires a name", async () => {
    const user = await makeUser(db, "customer");
    expect(() => createToken(db, user.id, { name: "  " })).toThrow(DomainError);
  });
});

describe("role changes and deactivation", () => {
  it("changes a role and audits it", async () => {
    const admin = await makeUser(db, "admin");
    const user = await makeUser(db, "customer");
    expect(updateUser(db, admin, user.id, { role: "partner" }).role).toBe("partner");
    const audit = db.select().from(auditLog).where(eq(auditLog.kind, "user.role_changed")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, subject: `user:${user.id}`, detail: { from: "customer", to: "partner" } });
  });

  it("keeps a customer's or partner's company, audits company changes and admin-issued reset links", async () => {
    const admin = await makeUser(db, "admin");
    const user = await makeUser(db, "customer");
    const { issueResetLink } = await import("~/auth/access.server");
    expect(updateUser(db, admin, user.id, { company: "Acme Health" }).company).toBe("Acme Health");
    for (const company of ["", "   ", null]) {
      expect(await refusal(() => updateUser(db, admin, user.id, { company }))).toMatchObject({ code: "invalid", fields: { company: expect.stringMatching(/always belong to one/) } });
    }
    expect((await refusal(() => updateUser(db, admin, user.id, { role: "partner", company: "" }))).code).toBe("invalid");
    const staff = await makeUser(db, "staff");
    expect(updateUser(db, admin, staff.id, { company: "" }).company).toBeNull();
    expect(updateUser(db, admin, user.id, { company: "Wingtip Telecom" }).company).toBe("Wingtip Telecom");
    expect(db.select().from(auditLog).where(eq(auditLog.kind, "user.company_changed")).all().map((a) => a.detail)).toEqual([
      { from: null, to: "Acme Health" },
      { from: "Acme Health", to: "Wingtip Telecom" },
    ]);
    issueResetLink(db, admin, user.id);
    expect(db.select().from(auditLog).where(eq(auditLog.kind, "user.reset_link_issued")).all()).toMatchObject([{ actorId: admin.id, subject: `user:${user.id}` }]);
  });

  it("ends the sessions and tokens of a deactivated user at once, and refuses their sign-in", async () => {
    const admin = await makeUser(db, "admin");
    const user = await makeUser(db, "customer", { email: "leaving@example.test" });
    const sessionId = createSession(db, user.id);
    const { token } = createToken(db, user.id, { name: "Script" });

    updateUser(db, admin, user.id, { active: false });

    expect(getSessionUser(db, sessionId)).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0);
    expect(authenticateToken(db, token)).toBeNull();
    const refused = await refusal(verifyCredentials(db, { email: "leaving@example.test", password: TEST_PASSWORD }));
    expect(refused.code).toBe("unauthorized");
    expect(db.select().from(auditLog).where(eq(auditLog.kind, "user.deactivated")).all()).toHaveLength(1);

    // Reactivation lets them sign in again, but old tokens stay revoked.
    updateUser(db, admin, user.id, { active: true });
    await expect(verifyCredentials(db, { email: "leaving@example.test", password: TEST_PASSWORD })).resolves.toBeTruthy();
    expect(authenticateToken(db, token)).toBeNull();
  });

  it("does not let an admin lock themselves out, and changes nothing when refused", async () => {
    const admin = await makeUser(db, "admin");
    expect(() => updateUser(db, admin, admin.id, { active: false })).toThrow(/cannot deactivate yourself/);
    expect(() => updateUser(db, admin, admin.id, { role: "staff" })).toThrow(DomainError);
    expect(db.select().from(auditLog).where(eq(auditLog.actorId, admin.id)).all()).toHaveLength(0);
  });

  it("answers not_found for an unknown user and invalid for an empty change", async () => {
    const admin = await makeUser(db, "admin");
    expect(() => updateUser(db, admin, 9999, { role: "pm" })).toThrow(/No such user/);
    const user = await makeUser(db, "customer");
    try {
      updateUser(db, admin, user.id, {});
      throw new Error("expected a refusal");
    } catch (error) {
      expect((error as DomainError).code).toBe("invalid");
    }
  });
});
