import type { ParsedMail } from "mailparser";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../db/client.server";
import { notificationSettings, notifications, outbox } from "../../db/schema";
import { sessionCookie } from "~/auth/session.server";
import { createSession } from "~/auth/sessions.server";
import type { User } from "~/auth/users.server";
import { addComment } from "~/ideas/comments.server";
import { getIdea } from "~/ideas/ideas.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { castVote } from "~/ideas/votes.server";
import { dueMail, sendOutbox, smtpTransport } from "~/notifications/mail.server";
import { listNotifications, notify, openNotification } from "~/notifications/notify.server";
import { notificationSettingsOf, unsubscribeToken, updateNotificationSettings } from "~/notifications/settings.server";
import { sessionSecret } from "~/auth/secret.server";
import * as settingsApi from "~/routes/api+/v1+/me.notification-settings";
import { callRoute, tokenOf } from "../support/api-routes";
import { freshDb } from "../support/db";
import { makeIdea, makePortal, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { callPage, pageModule, type PageModule } from "../support/route-calls";
import { smtpSink } from "../support/smtp";

let db: Db;
beforeAll(() => {
  process.env.SESSION_SECRET ??= "notification-settings-secret-long-enough";
});
beforeEach(() => {
  db = freshDb();
  // The routes' own getDb() answers with this test's database.
  process.env.DATABASE_URL = db.$client.name;
  globalThis.__sprintlabDb = db;
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.APP_WEEK_START;
});

/** Run as of a moment: only Date is faked, so the SMTP server's timers keep running. */
function at(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

const digests = (userId: number) => db.select().from(outbox).where(and(eq(outbox.userId, userId), eq(outbox.kind, "digest"))).all();

/** A header as it was written (mailparser folds the List-* headers into an object of its own). */
function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line?.slice(line.indexOf(":") + 1).replace(/\r?\n\s+/g, " ").trim();
}

const SEND = { from: "Sprintlab <no-reply@sprintlab.test>", baseUrl: "https://sprintlab.example", unsubscribeSecret: "mail-secret" };

/** An idea in a portal, followed by a voter, with its PM. */
async function followedIdea() {
  const { prefix, pm, slug } = await makePortal(db, { threshold: 50 });
  const author = await makeUser(db, "customer");
  const voter = await makeUser(db, "partner", { email: `voter-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test` });
  const key = makeIdea(db, author, prefix, "Wallboard tile for callbacks waiting").key;
  castVote(db, voter, key);
  return { pm, author, voter, key, slug };
}

describe("what a notification says and where it leads", () => {
  it("a status change carries the PM's public note and opens its entry in the status history; an official update carries its text", async () => {
    const { pm, voter, key, slug } = await followedIdea();
    moveIdea(db, pm, key, { status: "under_pm_review", note: "We are sizing this with the wallboard team." });
    addComment(db, pm, key, { body: "Sized: it fits the next release.\nDetails follow.", kind: "official" });
    const [update, change] = listNotifications(db, voter.id);
    expect(change).toMatchObject({ text: `${key} “Wallboard tile for callbacks waiting” moved to Under PM Review.`, detail: "We are sizing this with the wallboard team.", ideaKey: key, portal: `Portal ${slug}` });
    const history = getIdea(db, voter, key).statusHistory;
    expect(change.link).toBe(`/ideas/${key}#status-${history.at(-1)!.id}`);
    expect(update).toMatchObject({ text: `Official update on ${key} “Wallboard tile for callbacks waiting”.`, detail: "Sized: it fits the next release.\nDetails follow.", ideaKey: key });
    expect(update.link).toMatch(new RegExp(`^/ideas/${key}#comment-\\d+$`));
    // The digest line quotes them too.
    expect(digests(voter.id)[0].body).toContain(`- Portal ${slug}: ${key} “Wallboard tile for callbacks waiting” moved to Under PM Review. — “We are sizing this with the wallboard team.”`);
    expect(digests(voter.id)[0].body).toContain("— “Sized: it fits the next release. Details follow.”");
  });

  it("opening one marks it read and answers its exact link; someone else's is not found", async () => {
    const { pm, voter, key } = await followedIdea();
    moveIdea(db, pm, key, { status: "under_pm_review", note: "Looking into it." });
    const [n] = listNotifications(db, voter.id);
    expect(refusal(() => openNotification(db, pm.id, n.id)).code).toBe("not_found");
    expect(listNotifications(db, voter.id)[0].readAt).toBeNull();
    expect(openNotification(db, voter.id, n.id)).toBe(n.link);
    expect(listNotifications(db, voter.id)[0].readAt).not.toBeNull();
  });

  it("the open route is a POST that marks read and redirects to the anchor; its GET changes nothing", async () => {
    const { pm, voter, key } = await followedIdea();
    moveIdea(db, pm, key, { status: "under_pm_review", note: "Looking into it." });
    const [n] = listNotifications(db, voter.id);
    const cookie = (await sessionCookie().serialize(createSession(db, voter.id))).split(";")[0];
    const route = (await pageModule("notifications_.$id.open")) as PageModule & { loader: (a: unknown) => Promise<Response> };
    const get = await route.loader({ request: new Request(`http://localhost/notifications/${n.id}/open`, { headers: { Cookie: cookie } }), params: { id: String(n.id) }, context: {} });
    expect(get.headers.get("location")).toBe("/notifications");
    expect(listNotifications(db, voter.id)[0].readAt).toBeNull();
    const posted = await callPage(route, { path: `/notifications/${n.id}/open`, params: { id: String(n.id) } }, cookie, { form: {} });
    expect(posted).toMatchObject({ status: 302, location: n.link });
    expect(posted.location).toMatch(/#status-\d+$/);
    expect(listNotifications(db, voter.id)[0].readAt).not.toBeNull();
  });

  it("the same event never notifies twice: one notification and one digest line per key", async () => {
    const user = await makeUser(db, "customer");
    for (let i = 0; i < 2; i++) notify(db, [user.id], { text: "Sprint 3 demo of Northwind tomorrow at 10:00.", link: "/sprints/3/demo", dedupeKey: "demo-reminder:7" });
    notify(db, [user.id], { text: "Another event", link: "/sprints/3/demo", dedupeKey: "demo-reminder:8" });
    expect(db.select().from(notifications).where(eq(notifications.userId, user.id)).all()).toHaveLength(2);
    expect(digests(user.id)[0].body.split("\n")).toHaveLength(2);
  });

  it("the category's PM hears of an entry into review once, even when following the idea", async () => {
    const { pm, key } = await followedIdea();
    addComment(db, pm, key, { body: "Tell us how many agents use the wallboard.", kind: "comment" });
    moveIdea(db, pm, key, { status: "under_pm_review", note: "Reviewing." });
    // The PM moved it, so only the SLA notice (not the follower's) reaches them.
    expect(listNotifications(db, pm.id).map((n) => n.text)).toEqual([expect.stringMatching(/reached Under PM Review: a public update is due/)]);
  });
});

describe("digest settings, honoured by the outbox", () => {
  it("weekly collects a week in one mail, sent on the installation's week start", async () => {
    process.env.APP_WEEK_START = "monday";
    const user = await makeUser(db, "customer", { email: "weekly.reader@example.test" });
    updateNotificationSettings(db, user, { digest: "weekly" });
    at("2026-11-30T08:00:00Z"); // Monday
    notify(db, [user.id], { text: "First of the week", link: "/ideas/A-1" });
    at("2026-12-03T08:00:00Z");
    notify(db, [user.id], { text: "Middle of the week", link: "/ideas/A-2" });
    at("2026-12-06T21:00:00Z"); // Sunday evening
    notify(db, [user.id], { text: "Last of the week", link: "/ideas/A-3" });
    expect(digests(user.id)).toHaveLength(1);
    expect(dueMail(db, new Date("2026-12-06T23:59:00Z"))).toEqual([]);
    vi.useRealTimers();
    const sink = await smtpSink();
    try {
      expect(await sendOutbox(db, smtpTransport(sink.url), { ...SEND, now: new Date("2026-12-07T00:05:00Z") })).toEqual({ sent: 1, failed: 0 });
      const [mail] = sink.mails;
      expect(mail.subject).toBe("Your Sprintlab digest for the week of 2026-11-30");
      expect(mail.text).toContain("First of the week (https://sprintlab.example/ideas/A-1)");
      expect(mail.text).toContain("Last of the week (https://sprintlab.example/ideas/A-3)");
      expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
      expect(await sendOutbox(db, smtpTransport(sink.url), { ...SEND, now: new Date("2026-12-08T00:05:00Z") })).toEqual({ sent: 0, failed: 0 });
    } finally {
      await sink.close();
    }
  });

  it("a week that starts on Sunday sends on Sunday", async () => {
    process.env.APP_WEEK_START = "sunday";
    const user = await makeUser(db, "customer");
    updateNotificationSettings(db, user, { digest: "weekly" });
    at("2026-12-05T12:00:00Z"); // Saturday: the week of Sunday 29 November
    notify(db, [user.id], { text: "Saturday", link: "/ideas/A-1" });
    at("2026-12-06T12:00:00Z"); // Sunday: a new week
    notify(db, [user.id], { text: "Sunday", link: "/ideas/A-2" });
    expect(digests(user.id).map((d) => [d.day, d.subject])).toEqual([
      ["2026-12-05", "Your Sprintlab digest for the week of 2026-11-29"],
      ["2026-12-12", "Your Sprintlab digest for the week of 2026-12-06"],
    ]);
    expect(dueMail(db, new Date("2026-12-06T12:00:00Z")).map((m) => m.subject)).toEqual(["Your Sprintlab digest for the week of 2026-11-29"]);
  });

  it("off writes none (the notification stays in the app), and turning it off drops the digest still waiting", async () => {
    const user = await makeUser(db, "customer");
    notify(db, [user.id], { text: "Before", link: "/ideas/A-1" });
    expect(digests(user.id)).toHaveLength(1);
    updateNotificationSettings(db, user, { digest: "off" });
    expect(digests(user.id)).toEqual([]);
    notify(db, [user.id], { text: "After", link: "/ideas/A-2" });
    expect(digests(user.id)).toEqual([]);
    expect(listNotifications(db, user.id).map((n) => n.text)).toEqual(["After", "Before"]);
    expect(dueMail(db, new Date(Date.now() + 3 * 86_400_000))).toEqual([]);
  });

  it("immediate official-update mails go out at once for followed ideas when enabled, and stay out of that digest", async () => {
    const { pm, voter, key, slug } = await followedIdea();
    const other = await makeUser(db, "customer");
    castVote(db, other, key);
    const stranger = await makeUser(db, "customer");
    updateNotificationSettings(db, voter, { immediateOfficialUpdates: true });
    updateNotificationSettings(db, stranger, { immediateOfficialUpdates: true });
    addComment(db, pm, key, { body: "Accepted for the spring release: the tile shows callbacks waiting per queue.", kind: "official" });
    expect(dueMail(db).map((m) => [m.kind, m.to])).toEqual([["update", voter.email]]);
    expect(digests(voter.id)).toEqual([]);
    // Who did not ask gets it in the digest, with the text.
    expect(digests(other.id)[0].body).toContain("Accepted for the spring release");
    const sink = await smtpSink();
    try {
      expect(await sendOutbox(db, smtpTransport(sink.url), SEND)).toEqual({ sent: 1, failed: 0 });
      const [mail] = sink.mails;
      expect(mail.subject).toBe(`Official update on ${key}: Wallboard tile for callbacks waiting`);
      expect(mail.text!.split("\n")[0]).toBe(`Portal ${slug}`);
      expect(mail.text).toContain("Accepted for the spring release: the tile shows callbacks waiting per queue.");
      expect(mail.text).toMatch(new RegExp(`https://sprintlab\\.example/ideas/${key}#comment-\\d+`));
      expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
      expect(String(header(mail, "list-unsubscribe"))).toMatch(/^<https:\/\/sprintlab\.example\/unsubscribe\/\d+\.u\.[\w-]+>$/);
      expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    } finally {
      await sink.close();
    }
  });

  it("an unfollowed idea sends no immediate mail", async () => {
    const { pm, voter, key } = await followedIdea();
    updateNotificationSettings(db, voter, { immediateOfficialUpdates: true });
    const { setFollowing } = await import("~/notifications/notify.server");
    setFollowing(db, voter.id, getIdea(db, voter, key).id, false);
    addComment(db, pm, key, { body: "Planned for spring.", kind: "official" });
    expect(dueMail(db)).toEqual([]);
  });
});

describe("the unsubscribe link", () => {
  async function digestMailOf(user: User) {
    notify(db, [user.id], { text: "Your idea moved", link: "/ideas/A-1" });
    const sink = await smtpSink();
    try {
      await sendOutbox(db, smtpTransport(sink.url), { ...SEND, unsubscribeSecret: sessionSecret(), now: new Date(Date.now() + 86_400_000) });
      return sink.mails[0];
    } finally {
      await sink.close();
    }
  }

  const route = () => pageModule("_auth+/unsubscribe.$token") as Promise<PageModule & { loader: (a: unknown) => Promise<Response> }>;
  const get = async (token: string) => {
    const response = await (await route()).loader({ request: new Request(`http://localhost/unsubscribe/${token}`), params: { token }, context: {} });
    return { status: response.status, body: await response.json() };
  };

  it("every digest mail carries it, in the body and as one-click headers", async () => {
    const user = await makeUser(db, "customer", { email: "digest.reader@example.test" });
    const mail = await digestMailOf(user);
    const link = String(header(mail, "list-unsubscribe")).match(/^<(https:\/\/sprintlab\.example\/unsubscribe\/([^>]+))>$/)!;
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.text).toContain(`Stop these digest emails (${link[1]})`);
    expect(String(mail.html)).toContain(`<a href="${link[1]}">Stop these digest emails</a>`);
    expect(link[2]).toBe(unsubscribeToken(user.id, "digest", sessionSecret()));
  });

  it("GET shows a confirm page and changes nothing; the one-click POST, without a session, turns the digest off", async () => {
    const user = await makeUser(db, "customer", { email: "one.click@example.test" });
    const mail = await digestMailOf(user);
    const token = String(header(mail, "list-unsubscribe")).match(/unsubscribe\/([^>]+)>/)![1];
    notify(db, [user.id], { text: "Waiting for tomorrow's digest", link: "/ideas/A-2" });

    expect(await get(token)).toEqual({ status: 200, body: { valid: true, email: "one.click@example.test", stream: "digest", stopped: false } });
    expect(await get(token)).toMatchObject({ status: 200 });
    expect(notificationSettingsOf(db, user.id).digest).toBe("daily");
    expect(db.select().from(notificationSettings).all()).toEqual([]);

    // RFC 8058: the mail client posts this body, with no cookie and no Origin.
    const answer = await callPage(await route(), { path: `/unsubscribe/${token}`, params: { token } }, null, { raw: "List-Unsubscribe=One-Click", contentType: "application/x-www-form-urlencoded" });
    expect(answer).toMatchObject({ status: 302, location: `/unsubscribe/${token}` });
    expect(notificationSettingsOf(db, user.id)).toEqual({ digest: "off", immediateOfficialUpdates: false });
    expect(digests(user.id).filter((d) => !d.sentAt)).toEqual([]);
    expect((await get(token)).body).toMatchObject({ valid: true, stopped: true });
    // A second click is harmless.
    expect((await callPage(await route(), { path: `/unsubscribe/${token}`, params: { token } }, null, { form: {} })).status).toBe(302);
  });

  it("an updates link stops only the immediate mails", async () => {
    const user = await makeUser(db, "customer");
    updateNotificationSettings(db, user, { digest: "weekly", immediateOfficialUpdates: true });
    const token = unsubscribeToken(user.id, "updates", sessionSecret());
    expect((await get(token)).body).toMatchObject({ stream: "updates", stopped: false });
    await callPage(await route(), { path: `/unsubscribe/${token}`, params: { token } }, null, { form: {} });
    expect(notificationSettingsOf(db, user.id)).toEqual({ digest: "weekly", immediateOfficialUpdates: false });
  });

  it("a bad or forged token gets a clear 404 page, and changes nothing", async () => {
    const user = await makeUser(db, "customer");
    const forged = unsubscribeToken(user.id, "digest", "not-the-installation-secret");
    const ghost = unsubscribeToken(999_999, "digest", sessionSecret());
    for (const token of [forged, ghost, "nonsense", `${user.id}.d.${"A".repeat(43)}`]) {
      const shown = await get(token);
      expect(shown.status).toBe(404);
      expect(shown.body).toEqual({ valid: false, message: expect.stringContaining("This unsubscribe link is not valid") });
      const posted = await callPage(await route(), { path: `/unsubscribe/${token}`, params: { token } }, null, { raw: "List-Unsubscribe=One-Click", contentType: "application/x-www-form-urlencoded" });
      expect(posted.status).toBe(404);
    }
    expect(notificationSettingsOf(db, user.id).digest).toBe("daily");
  });
});

describe("the settings page's email choices", () => {
  it("saves the digest and the immediate mails with a flash, and refuses a choice that is not one with a 400 next to the form", async () => {
    const user = await makeUser(db, "customer");
    const cookie = (await sessionCookie().serialize(createSession(db, user.id))).split(";")[0];
    const settings = await pageModule("settings");
    const saved = await callPage(settings, { path: "/settings", params: {} }, cookie, { form: { intent: "email", digest: "weekly", immediateOfficialUpdates: "on" } });
    expect(saved).toMatchObject({ status: 302, location: "/settings" });
    expect(notificationSettingsOf(db, user.id)).toEqual({ digest: "weekly", immediateOfficialUpdates: true });
    // An unticked box is not sent: it turns the immediate mails off.
    await callPage(settings, { path: "/settings", params: {} }, cookie, { form: { intent: "email", digest: "weekly" } });
    expect(notificationSettingsOf(db, user.id)).toEqual({ digest: "weekly", immediateOfficialUpdates: false });
    const refused = await callPage(settings, { path: "/settings", params: {} }, cookie, { form: { intent: "email", digest: "hourly" } });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).errors).toMatchObject({ fields: { digest: "Choose daily, weekly or off." }, values: { intent: "email", digest: "hourly" } });
    expect(notificationSettingsOf(db, user.id).digest).toBe("weekly");
  });
});

describe("GET and PATCH /api/v1/me/notification-settings", () => {
  it("answers the defaults, changes what is given, and refuses what is not a choice", async () => {
    const user = await makeUser(db, "customer");
    const token = tokenOf(db, user);
    const read = async () => (await callRoute(settingsApi, "GET", "/me/notification-settings", { token })).json();
    expect(await read()).toEqual({ digest: "daily", immediateOfficialUpdates: false });
    const patched = await callRoute(settingsApi, "PATCH", "/me/notification-settings", { token, body: { digest: "weekly" } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toEqual({ digest: "weekly", immediateOfficialUpdates: false });
    expect(await (await callRoute(settingsApi, "PATCH", "/me/notification-settings", { token, body: { immediateOfficialUpdates: true } })).json()).toEqual({ digest: "weekly", immediateOfficialUpdates: true });
    for (const body of [{ digest: "hourly" }, { immediateOfficialUpdates: "true" }, { digest: "off", extra: 1 }]) {
      const refused = await callRoute(settingsApi, "PATCH", "/me/notification-settings", { token, body });
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.code).toBe("invalid");
    }
    expect(await read()).toEqual({ digest: "weekly", immediateOfficialUpdates: true });
    expect((await callRoute(settingsApi, "GET", "/me/notification-settings")).status).toBe(401);
  });
});
