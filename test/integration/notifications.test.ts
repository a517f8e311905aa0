import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { ceremonies, notifications, outbox } from "../../db/schema";
import { listCeremonies } from "~/delivery/ceremonies.server";
import { decideAtDemo } from "~/delivery/demo.server";
import { addMember, createProject } from "~/delivery/projects.server";
import { remindUpcomingDemos } from "~/delivery/reminders.server";
import { generateSprints, startSprint } from "~/delivery/sprints.server";
import { createStory, updateStory } from "~/delivery/stories.server";
import { listNotifications, notify } from "~/notifications/notify.server";
import { raiseBlocker } from "~/delivery/blockers.server";
import { absoluteLinks, dueMail, renderMail, sendOutbox, smtpTransport } from "~/notifications/mail.server";
import { checkPasswordLink, forgotPassword } from "~/auth/access.server";
import { simpleParser } from "mailparser";
import { freshDb } from "../support/db";
import { makeUser } from "../support/factories";
import { smtpSink } from "../support/smtp";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

const texts = (userId: number) => db.select().from(notifications).where(eq(notifications.userId, userId)).all().map((n) => n.text);

function isoDaysFromNow(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function runningSprint() {
  const sm = await makeUser(db, "staff");
  const dev = await makeUser(db, "staff");
  const copo = await makeUser(db, "customer");
  const viewer = await makeUser(db, "customer");
  // Kickoff ended three weeks ago, so sprint 1 is under way today.
  const project = createProject(db, sm, { name: "Northwind Bank — chat and callback", customer: "Northwind Bank", sowSignedOn: isoDaysFromNow(-35), staffedOn: isoDaysFromNow(-35), kickoffWeeks: 3, timeZone: "UTC" });
  addMember(db, sm, project.id, { userId: dev.id, role: "team" });
  addMember(db, sm, project.id, { userId: copo.id, role: "co_product_owner" });
  addMember(db, sm, project.id, { userId: viewer.id, role: "viewer" });
  const [s1] = generateSprints(db, sm, project.id, { count: 1 });
  const story = createStory(db, sm, project.id, { title: "Offer a callback when the wait passes 3 minutes", points: 5, acceptanceCriteria: ["Offer plays at 3 min", "Callback keeps the caller's place"] });
  updateStory(db, sm, story.id, { sprintId: s1.id });
  startSprint(db, sm, s1.id);
  return { sm, dev, copo, viewer, project, s1, story };
}

describe("delivery notifications", () => {
  it("a done story awaits the co-product owner's decision; a rejection reaches who finished it and the scrum master", async () => {
    const { sm, dev, copo, s1, story } = await runningSprint();
    updateStory(db, dev, story.id, { status: "done" });
    expect(story.key).toMatch(/^[A-Z]{2,10}-\d+$/);
    expect(texts(copo.id)).toEqual([`${story.key} “${story.title}” is done and awaits your decision at the Sprint 1 demo.`]);
    decideAtDemo(db, copo, s1.id, { storyId: story.id, decision: "reject", unmetCriteria: [1], then: "in_progress", comment: "Lost the place in queue" });
    const expected = `Rejected at the Sprint 1 demo: ${story.key} “${story.title}” (not met: Callback keeps the caller's place — Lost the place in queue).`;
    expect(texts(dev.id)).toContain(expected);
    expect(texts(sm.id)).toContain(expected);
    expect(texts(copo.id)).not.toContain(expected);
  });

  it("\u201cawaits your decision\u201d leaves every co-product owner's unread list once one of them decides, and comes back when the story is done again", async () => {
    const { sm, dev, copo, project, s1, story } = await runningSprint();
    const second = await makeUser(db, "customer");
    addMember(db, sm, project.id, { userId: second.id, role: "co_product_owner" });
    const unread = (userId: number) => db.select().from(notifications).where(eq(notifications.userId, userId)).all().filter((n) => !n.readAt && n.text.includes("awaits your decision")).length;
    updateStory(db, dev, story.id, { status: "done" });
    expect([unread(copo.id), unread(second.id)]).toEqual([1, 1]);
    decideAtDemo(db, copo, s1.id, { storyId: story.id, decision: "reject", unmetCriteria: [0], then: "in_progress", comment: "" });
    expect([unread(copo.id), unread(second.id)]).toEqual([0, 0]);
    // Done again after the rejection: a new event, so it awaits them again, once.
    updateStory(db, dev, story.id, { status: "done" });
    expect([unread(copo.id), unread(second.id)]).toEqual([1, 1]);
    decideAtDemo(db, second, s1.id, { storyId: story.id, decision: "accept", comment: "" });
    expect([unread(copo.id), unread(second.id)]).toEqual([0, 0]);
    // Still listed, as history.
    expect(texts(copo.id).filter((t) => t.includes("awaits your decision"))).toHaveLength(2);
  });

  it("reminds every member once of a demo on the next working day, and tells co-product owners what waits", async () => {
    const { sm, dev, copo, viewer, project, s1, story } = await runningSprint();
    updateStory(db, dev, story.id, { status: "done" });
    const demo = listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["demo"] })[0];
    // Far from the demo: nothing yet.
    expect(remindUpcomingDemos(db, new Date(`${s1.start}T08:00:00Z`))).toBe(0);
    // The morning of the demo (the demo is on the sprint's last working day).
    const morning = new Date(`${demo.date}T07:00:00Z`);
    expect(remindUpcomingDemos(db, morning)).toBe(1);
    expect(remindUpcomingDemos(db, morning)).toBe(0);
    expect(texts(copo.id).at(-1)).toBe(`Sprint 1 demo of ${project.name} today at 10:00: 1 done story waits for your decision.`);
    expect(texts(dev.id)).toContain(`Sprint 1 demo of ${project.name} today at 10:00.`);
    expect(texts(viewer.id)).toEqual([]);
    expect(db.select().from(ceremonies).where(eq(ceremonies.id, demo.id)).get()?.remindedAt).toBe(morning.toISOString());
    // The digest of the day carries the reminder too.
    const digest = db.select().from(outbox).where(eq(outbox.userId, dev.id)).all();
    expect(digest.map((m) => m.body).join("\n")).toContain("Sprint 1 demo of");
  });
});

describe("delivery notifications name their project and open the exact thing", () => {
  it("a done story, a rejection, a blocker and a demo reminder each carry the project and the anchor of their entry, and a reminder never comes twice", async () => {
    const { sm, dev, copo, project, s1, story } = await runningSprint();
    updateStory(db, dev, story.id, { status: "done" });
    expect(listNotifications(db, copo.id)[0]).toMatchObject({ project: project.name, link: `/sprints/${s1.id}/demo#story-${story.id}` });
    decideAtDemo(db, copo, s1.id, { storyId: story.id, decision: "reject", unmetCriteria: [0], then: "in_progress", comment: "" });
    expect(listNotifications(db, dev.id)[0]).toMatchObject({ project: project.name, link: `/sprints/${s1.id}/demo#story-${story.id}` });
    const blocker = raiseBlocker(db, sm, project.id, { title: "Test tenant licences", side: "delivery", ownerId: dev.id });
    expect(listNotifications(db, dev.id)[0]).toMatchObject({ text: "Blocker assigned to you: Test tenant licences", project: project.name, link: `/projects/${project.id}/blockers#blocker-${blocker.id}` });
    // The reminder of one demo is one event: asked twice (its mark lost), it still reaches each member once.
    const demo = listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["demo"] })[0];
    const morning = new Date(`${demo.date}T07:00:00Z`);
    remindUpcomingDemos(db, morning);
    db.update(ceremonies).set({ remindedAt: null }).where(eq(ceremonies.id, demo.id)).run();
    remindUpcomingDemos(db, morning);
    expect(texts(dev.id).filter((t) => t.startsWith("Sprint 1 demo of"))).toHaveLength(1);
    expect(listNotifications(db, dev.id).find((n) => n.text.startsWith("Sprint 1 demo of"))).toMatchObject({ project: project.name, createdAt: morning.toISOString() });
  });
});

describe("sending the outbox through SMTP", () => {
  let sink: Awaited<ReturnType<typeof smtpSink>> | null = null;
  afterEach(async () => {
    await sink?.close();
    sink = null;
  });

  async function startSmtp(options: { rejectTo?: string } = {}) {
    sink = await smtpSink(options);
    return sink;
  }

  it("sends links at once and yesterday's digests, marks them sent, and keeps today's digest for later", async () => {
    const alice = await makeUser(db, "customer", { email: "alice.outbox@example.test" });
    const bob = await makeUser(db, "customer", { email: "bob.outbox@example.test" });
    notify(db, [alice.id], { text: "Your idea moved to Under PM Review", link: "/ideas/COANA-I-1" });
    notify(db, [bob.id], { text: "Blocker assigned to you", link: "/projects/1/blockers" });
    db.insert(outbox).values({ userId: bob.id, kind: "link", day: "2026-01-01", subject: "Set your Sprintlab password", body: "Set it here: (/set-password/abc)" }).run();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const { received, url } = await startSmtp();

    // Today: only the link is due.
    expect(dueMail(db).map((m) => m.subject)).toEqual(["Set your Sprintlab password"]);
    const first = await sendOutbox(db, smtpTransport(url), { from: "Sprintlab <no-reply@sprintlab.test>", baseUrl: "https://sprintlab.example" });
    expect(first).toEqual({ sent: 1, failed: 0 });
    expect(received[0].to).toEqual(["bob.outbox@example.test"]);
    expect(received[0].raw).toContain("https://sprintlab.example/set-password/abc");

    // Tomorrow: both digests go out, once.
    const second = await sendOutbox(db, smtpTransport(url), { from: "Sprintlab <no-reply@sprintlab.test>", baseUrl: "https://sprintlab.example", now: tomorrow });
    expect(second).toEqual({ sent: 2, failed: 0 });
    expect(received.map((r) => r.to[0]).sort()).toEqual(["alice.outbox@example.test", "bob.outbox@example.test", "bob.outbox@example.test"]);
    const aliceMail = received.find((r) => r.to[0] === "alice.outbox@example.test")!.raw;
    expect(aliceMail).toMatch(/Subject: Your Sprintlab digest for \d{4}-\d{2}-\d{2}/);
    expect(aliceMail).toContain("https://sprintlab.example/ideas/COANA-I-1");
    expect(await sendOutbox(db, smtpTransport(url), { from: "x@sprintlab.test", baseUrl: "https://x", now: tomorrow })).toEqual({ sent: 0, failed: 0 });
    expect(db.select().from(outbox).all().every((m) => m.sentAt !== null)).toBe(true);
  });

  it("keeps a refused mail unsent with its error, and retries it on the next run", async () => {
    const carol = await makeUser(db, "customer", { email: "carol.outbox@example.test" });
    db.insert(outbox).values({ userId: carol.id, kind: "link", day: "2026-01-01", subject: "Reset your Sprintlab password", body: "(/set-password/xyz)" }).run();
    const { url } = await startSmtp({ rejectTo: "carol.outbox@example.test" });
    expect(await sendOutbox(db, smtpTransport(url), { from: "no-reply@sprintlab.test", baseUrl: "https://x" })).toEqual({ sent: 0, failed: 1 });
    const row = db.select().from(outbox).where(eq(outbox.userId, carol.id)).get()!;
    expect(row).toMatchObject({ sentAt: null, attempts: 1 });
    expect(row.lastError).toMatch(/Mailbox unavailable/);
    expect(dueMail(db)).toHaveLength(1);
  });

  it("a reset mail, read as a mail client reads it, has an absolute link that opens, a plain-text and an HTML part, and says it is automatic", async () => {
    const dana = await makeUser(db, "customer", { email: "dana.reset@example.test" });
    forgotPassword(db, { email: dana.email });
    const { received, url } = await startSmtp();
    expect(await sendOutbox(db, smtpTransport(url), { from: "Sprintlab <no-reply@sprintlab.test>", baseUrl: "https://sprintlab.example/" })).toEqual({ sent: 1, failed: 0 });
    const mail = await simpleParser(received[0].source);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.subject).toBe("Reset your Sprintlab password");
    const link = mail.text!.match(/https:\/\/sprintlab\.example\/set-password\/[\w-]+/)![0];
    expect(mail.text).not.toMatch(/[\s(]\/set-password\//);
    const anchors = [...String(mail.html).matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(anchors).toContainEqual([link, "Reset your password"]);
    expect(anchors.every(([href]) => href.startsWith("https://sprintlab.example/"))).toBe(true);
    // The link opens: its token is a live reset link for Dana.
    expect(checkPasswordLink(db, new URL(link).pathname.split("/").at(-1)!)).toMatchObject({ email: dana.email, purpose: "reset" });
  });

  it("escapes user text in the HTML part and turns a digest into a list of links", () => {
    const { text, html } = renderMail("Digest", "- <script>alert(1)</script> & co commented (/ideas/COANA-I-1)\n- Demo tomorrow (/sprints/4/demo)", "https://sprintlab.example");
    expect(html).toContain('<li style="margin:0 0 .4em"><a href="https://sprintlab.example/ideas/COANA-I-1">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co commented</a></li>');
    expect(html).not.toContain("<script>");
    expect(html.match(/<li/g)).toHaveLength(2);
    expect(text).toBe("- <script>alert(1)</script> & co commented (https://sprintlab.example/ideas/COANA-I-1)\n- Demo tomorrow (https://sprintlab.example/sprints/4/demo)\n");
  });

  it("turns paths into links of the installation", () => {
    expect(absoluteLinks("- Demo tomorrow (/sprints/4/demo)", "https://sprintlab.example/")).toBe("- Demo tomorrow (https://sprintlab.example/sprints/4/demo)");
  });
});
