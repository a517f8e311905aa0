import ical from "node-ical";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { ceremonies, notifications } from "../../db/schema";
import { addHoliday } from "~/delivery/holidays.server";
import {
  calendarPath,
  cancelCeremony,
  ceremonyCalendar,
  ceremonyGlance,
  getCeremony,
  layMissingCeremonies,
  listCeremonies,
  moveCeremony,
  projectCalendar,
  restoreCeremony,
  revokeCalendarToken,
  saveCeremonyNotes,
  setCeremonyDefaults,
} from "~/delivery/ceremonies.server";
import { addMember, createProject, getProject, projectJson } from "~/delivery/projects.server";
import { changeCutover, createGoLive } from "~/delivery/release.server";
import { generateSprints, updateSprint } from "~/delivery/sprints.server";
import { createFeature } from "~/delivery/stories.server";
import { freshDb } from "../support/db";
import { makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

// Kickoff 12–30 January 2026; sprint 1 runs Monday 2 February to Sunday 22 February (15 working days).
async function setup() {
  const sm = await makeUser(db, "staff");
  const dev = await makeUser(db, "staff");
  const copo = await makeUser(db, "customer", { email: "copo.ceremonies@example.test" });
  const outsider = await makeUser(db, "customer");
  const admin = await makeUser(db, "admin");
  const project = createProject(db, sm, { name: "Acme Health — IVR migration", customer: "Acme Health", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", kickoffWeeks: 3, timeZone: "America/Chicago" });
  addMember(db, sm, project.id, { userId: dev.id, role: "team" });
  addMember(db, sm, project.id, { userId: copo.id, role: "co_product_owner" });
  const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
  return { sm, dev, copo, outsider, admin, project, s1, s2 };
}

const kinds = (list: { kind: string }[]) => list.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }), {});

function feed(text: string) {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
}

describe("ceremony calendar", () => {
  it("lays the five ceremonies on each new sprint and follows a new holiday and a later start", async () => {
    const { sm, admin, project, s1, s2 } = await setup();
    const first = listCeremonies(db, sm, project.id, { sprintId: s1.id });
    expect(kinds(first)).toEqual({ planning: 1, standup: 15, grooming: 1, demo: 1, retro: 1 });
    expect(first[0]).toMatchObject({ kind: "standup", date: "2026-02-02", time: "09:00" });
    expect(first.find((c) => c.kind === "demo")).toMatchObject({ date: "2026-02-20", time: "10:00", name: "Sprint Demo" });

    addHoliday(db, admin, { date: "2026-02-20", name: "Company day" });
    const after = listCeremonies(db, sm, project.id, { sprintId: s1.id });
    expect(kinds(after).standup).toBe(14);
    expect(after.find((c) => c.kind === "demo")?.date).toBe("2026-02-19");
    expect(after.find((c) => c.kind === "retro")?.date).toBe("2026-02-19");

    updateSprint(db, sm, s2.id, { startOn: "2026-03-02" });
    const second = listCeremonies(db, sm, project.id, { sprintId: s2.id });
    expect(second.find((c) => c.kind === "planning")?.date).toBe("2026-03-02");
    expect(second.every((c) => c.date >= "2026-03-02" && c.date <= "2026-03-22")).toBe(true);
  });

  it("the scrum master moves and cancels with a reason; a moved occurrence survives re-laying; the team may not", async () => {
    const { sm, dev, admin, project, s1 } = await setup();
    const demo = listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["demo"] })[0];
    expect(refusal(() => moveCeremony(db, dev, demo.id, { date: "2026-02-19", time: "15:00", minutes: 90, reason: "Customer travel" })).code).toBe("forbidden");
    const bad = refusal(() => moveCeremony(db, sm, demo.id, { date: "2026-02-31", time: "3pm", minutes: 2, reason: "" }));
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["date", "minutes", "reason", "time"]);
    // An occurrence stays inside its sprint: the demo of sprint 1 cannot move into sprint 2.
    const outside = refusal(() => moveCeremony(db, sm, demo.id, { date: "2026-02-23", time: "15:00", minutes: 60, reason: "Customer travel" }));
    expect(outside.fields).toEqual({ date: `Choose a day from ${s1.start} to ${s1.end}: the sprint it belongs to.` });
    expect(listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["demo"] })[0]).toMatchObject({ date: demo.date, moved: false });
    const moved = moveCeremony(db, sm, demo.id, { date: "2026-02-19", time: "15:00", minutes: 90, reason: "The co-product owner flies out on Friday" });
    expect(moved).toMatchObject({ moved: true, date: "2026-02-19", time: "15:00", minutes: 90, sequence: demo.sequence + 1 });

    setCeremonyDefaults(db, sm, project.id, {
      planning: { time: "10:00", minutes: 120 },
      standup: { time: "08:45", minutes: 15 },
      grooming: { time: "14:00", minutes: 60 },
      demo: { time: "11:00", minutes: 60 },
      retro: { time: "14:00", minutes: 60 },
    });
    addHoliday(db, admin, { date: "2026-02-16", name: "Presidents' Day" });
    const again = getCeremony(db, sm, demo.id).ceremony;
    expect(again).toMatchObject({ date: "2026-02-19", time: "15:00", minutes: 90 });
    expect(listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["standup"] }).every((c) => c.time === "08:45")).toBe(true);

    const standup = listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["standup"] })[3];
    expect(refusal(() => cancelCeremony(db, sm, standup.id, { reason: "" })).fields?.reason).toBeDefined();
    cancelCeremony(db, sm, standup.id, { reason: "Team at the customer's site for the UAT kickoff" });
    expect(refusal(() => cancelCeremony(db, sm, standup.id, { reason: "Twice" })).code).toBe("conflict");
    expect(getCeremony(db, sm, standup.id).ceremony).toMatchObject({ cancelled: true, cancelReason: "Team at the customer's site for the UAT kickoff" });
    restoreCeremony(db, sm, standup.id);
    expect(getCeremony(db, sm, standup.id).ceremony.cancelled).toBe(false);
  });

  it("keeps notes, tells the members they mention once, and refuses a viewer and an outsider", async () => {
    const { sm, dev, copo, outsider, project, s1 } = await setup();
    const viewer = await makeUser(db, "customer");
    addMember(db, sm, project.id, { userId: viewer.id, role: "viewer" });
    const grooming = listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["grooming"] })[0];
    saveCeremonyNotes(db, dev, grooming.id, { notes: "@copo.ceremonies please confirm the callback hours" });
    saveCeremonyNotes(db, dev, grooming.id, { notes: "@copo.ceremonies please confirm the callback hours\nTop five stories are Ready." });
    const told = db.select().from(notifications).where(eq(notifications.userId, copo.id)).all();
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain("Backlog Grooming notes of Sprint 1");
    expect(told[0].link).toBe(`/ceremonies/${grooming.id}`);
    expect(refusal(() => saveCeremonyNotes(db, viewer, grooming.id, { notes: "x" })).code).toBe("forbidden");
    expect(refusal(() => getCeremony(db, outsider, grooming.id)).code).toBe("not_found");
  });

  it("re-laying cancels (never deletes) an occurrence that carries notes when its day leaves the sprint", async () => {
    const { sm, dev, admin, project, s1 } = await setup();
    const standup = listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["standup"] }).find((c) => c.date === "2026-02-10")!;
    saveCeremonyNotes(db, dev, standup.id, { notes: "Carrier outage on the SIP trunk; raised with the customer" });
    addHoliday(db, admin, { date: "2026-02-10", name: "Office closed" });
    expect(getCeremony(db, sm, standup.id).ceremony).toMatchObject({ cancelled: true, notes: "Carrier outage on the SIP trunk; raised with the customer" });
  });

  it("shows today's ceremonies and the next one in the project's time zone", async () => {
    const { sm, project, s1 } = await setup();
    const p = getProject(db, sm, project.id).project;
    // 16:00 UTC on Monday 2 February is 10:00 in Chicago: the standup is over, planning is under way.
    const glance = ceremonyGlance(db, sm, p, s1.id, new Date("2026-02-02T16:00:00Z"));
    expect(glance.today.map((c) => [c.kind, c.phase])).toEqual([
      ["standup", "over"],
      ["planning", "now"],
    ]);
    expect(glance.next).toMatchObject({ kind: "standup", date: "2026-02-03" });
  });

  it("lays the ceremonies of sprints from before the calendar once", async () => {
    const { project, s1, s2 } = await setup();
    db.delete(ceremonies).where(eq(ceremonies.projectId, project.id)).run();
    expect(layMissingCeremonies(db)).toBe(2);
    expect(layMissingCeremonies(db)).toBe(0);
    expect(db.select().from(ceremonies).where(eq(ceremonies.sprintId, s2.id)).all()).toHaveLength(19);
    expect(db.select().from(ceremonies).where(eq(ceremonies.sprintId, s1.id)).all()).toHaveLength(19);
  });
});

describe("ICS feed", () => {
  it("holds every occurrence, each sprint start and each go-live cutover, at a secret URL that can be revoked", async () => {
    const { sm, dev, outsider, project, s1 } = await setup();
    const p = getProject(db, sm, project.id).project;
    expect(calendarPath(p, null)).toBeNull();
    const path = calendarPath(p, "team")!;
    const token = new URL(path, "http://x").searchParams.get("token")!;
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    createGoLive(db, sm, project.id, { name: "Go-live 1: voice", sprintId: s1.id, featureIds: [createFeature(db, sm, project.id, { name: "Inbound voice routing" }).id] });
    const standup = listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["standup"] })[1];
    cancelCeremony(db, sm, standup.id, { reason: "Public sector strike, offices closed" });

    const events = feed(projectCalendar(db, project.id, token).text);
    expect(events).toHaveLength(19 * 2 + 2 + 1);
    const summaries = events.map((e) => String(e.summary));
    for (const name of ["Sprint Planning", "Daily Standup", "Backlog Grooming", "Sprint Demo", "Sprint Retrospective"]) {
      expect(summaries.some((s) => s.startsWith(name))).toBe(true);
    }
    expect(summaries).toContain("Sprint 1 starts — Acme Health — IVR migration");
    expect(summaries).toContain("Go-live cutover: Go-live 1: voice — Acme Health — IVR migration");
    const cancelled = events.find((e) => e.uid === `ceremony-${standup.id}@sprintlab`)!;
    expect(cancelled.status).toBe("CANCELLED");
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    expect(refusal(() => projectCalendar(db, project.id, "0".repeat(48))).code).toBe("not_found");
    expect(refusal(() => revokeCalendarToken(db, dev, project.id)).code).toBe("forbidden");
    revokeCalendarToken(db, sm, project.id);
    expect(refusal(() => projectCalendar(db, project.id, token)).code).toBe("not_found");

    const one = ceremonyCalendar(db, dev, standup.id);
    expect(one.filename).toBe(`standup-sprint-1-${standup.date}.ics`);
    expect(feed(one.text)).toHaveLength(1);
    expect(refusal(() => ceremonyCalendar(db, outsider, standup.id)).code).toBe("not_found");
  });
});

describe("the feed as calendar clients read it (RFC 5545)", () => {
  const byUid = (text: string, uid: string) => feed(text).find((e) => e.uid === uid)!;
  const stampOf = (text: string, uid: string) => text.split("BEGIN:VEVENT").find((b) => b.includes(`UID:${uid}`))!.match(/DTSTAMP:(\S+)/)![1];

  it("raises SEQUENCE and DTSTAMP when a cutover moves and when a sprint start is re-laid", async () => {
    const { sm, project, s2 } = await setup();
    const token = new URL(calendarPath(getProject(db, sm, project.id).project, "team")!, "http://x").searchParams.get("token")!;
    const goLive = createGoLive(db, sm, project.id, { name: "Go-live 1: voice", sprintId: s2.id, featureIds: [createFeature(db, sm, project.id, { name: "Inbound voice routing" }).id] });
    const cutover = `go-live-${goLive.id}-cutover@sprintlab`;
    const start = `sprint-${s2.id}-start@sprintlab`;
    const before = projectCalendar(db, project.id, token).text;
    expect(byUid(before, cutover).sequence).toBe(0);
    expect(byUid(before, start).sequence).toBe(0);
    await new Promise((r) => setTimeout(r, 1100)); // DTSTAMP has whole seconds

    changeCutover(db, sm, goLive.id, { cutoverOn: "2026-03-20", reason: "Carrier port-in moved a week" });
    const moved = projectCalendar(db, project.id, token).text;
    expect(byUid(moved, cutover).sequence).toBe(1);
    expect(byUid(moved, cutover).start.toISOString().slice(0, 10)).toBe("2026-03-20");
    expect(stampOf(moved, cutover) > stampOf(before, cutover)).toBe(true);
    expect(byUid(moved, start).sequence).toBe(0);

    updateSprint(db, sm, s2.id, { startOn: "2026-03-02" });
    const relaid = projectCalendar(db, project.id, token).text;
    expect(byUid(relaid, start).sequence).toBe(1);
    expect(stampOf(relaid, start) > stampOf(before, start)).toBe(true);
    // Every DTSTAMP is UTC.
    expect(relaid.match(/^DTSTAMP:.*$/gm)!.every((l) => /^DTSTAMP:\d{8}T\d{6}Z\r?$/.test(l))).toBe(true);
  });

  it("escapes the calendar's name like any text value, ends with CRLF and links to APP_URL, never to the request's host", async () => {
    const sm = await makeUser(db, "staff");
    const project = createProject(db, sm, { name: "Müller, Schmidt; Partner — Kontaktcenter", customer: "Müller", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", kickoffWeeks: 3, timeZone: "Europe/Berlin" });
    generateSprints(db, sm, project.id, { count: 1 });
    const token = new URL(calendarPath(getProject(db, sm, project.id).project, "team")!, "http://x").searchParams.get("token")!;
    const previous = process.env.APP_URL;
    process.env.APP_URL = "https://sprintlab.example.com/";
    try {
      const { text } = projectCalendar(db, project.id, token);
      const unfolded = text.replace(/\r\n[ \t]/g, "");
      expect(unfolded).toContain("\r\nNAME:Müller\\, Schmidt\\; Partner — Kontaktcenter — Sprintlab\r\n");
      expect(unfolded).toContain("\r\nX-WR-CALNAME:Müller\\, Schmidt\\; Partner — Kontaktcenter — Sprintlab\r\n");
      expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(text.split("\r\n").slice(0, -1).every((line) => !line.includes("\n"))).toBe(true);
      const urls = feed(text).map((e) => { const url = e.url as unknown; return typeof url === "string" ? url : (url as { val: string }).val; });
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.every((u) => u.startsWith("https://sprintlab.example.com/"))).toBe(true);
      expect(projectJson(db, sm, project.id).calendarUrl).toBe(`https://sprintlab.example.com/api/v1/projects/${project.id}/calendar.ics?token=${token}`);
    } finally {
      if (previous === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = previous;
    }
  });
});

describe("standups", () => {
  it("members write optional entries for a day of the sprint; the team view shows them with the open blockers", async () => {
    const { sm, dev, copo, outsider, project, s1 } = await setup();
    const { saveStandupEntry, standupDay } = await import("~/delivery/standups.server");
    const { raiseBlocker } = await import("~/delivery/blockers.server");
    const viewer = await makeUser(db, "customer");
    addMember(db, sm, project.id, { userId: viewer.id, role: "viewer" });
    expect(Object.keys(refusal(() => saveStandupEntry(db, dev, s1.id, { date: "2026-02-03", yesterday: "", today: "" })).fields ?? {})).toEqual(["today"]);
    expect(refusal(() => saveStandupEntry(db, dev, s1.id, { date: "2026-03-03", today: "Outside" })).fields?.date).toBeDefined();
    expect(refusal(() => saveStandupEntry(db, viewer, s1.id, { date: "2026-02-03", today: "x" })).code).toBe("forbidden");
    saveStandupEntry(db, dev, s1.id, { date: "2026-02-03", yesterday: "Wired the callback queue", today: "Agent greeting prompts; need @copo.ceremonies to confirm wording" });
    // Saving the same entry again does not tell the co-product owner twice.
    saveStandupEntry(db, dev, s1.id, { date: "2026-02-03", yesterday: "Wired the callback queue", today: "Agent greeting prompts; need @copo.ceremonies to confirm wording" });
    saveStandupEntry(db, dev, s1.id, { date: "2026-02-03", yesterday: "Wired the callback queue", today: "Agent greeting prompts" });
    raiseBlocker(db, dev, project.id, { title: "Waiting for the customer's SIP trunk credentials", side: "customer", ownerId: copo.id });

    const day = standupDay(db, sm, s1.id, "2026-02-03");
    expect(day.team.map((m) => m.userId).sort()).toEqual([sm.id, dev.id, copo.id].sort());
    expect(day.team.find((m) => m.userId === dev.id)?.entry).toMatchObject({ today: "Agent greeting prompts" });
    expect(day.team.find((m) => m.userId === sm.id)?.entry).toBeNull();
    expect(day.blockers.map((b) => b.title)).toEqual(["Waiting for the customer's SIP trunk credentials"]);
    expect(day).toMatchObject({ previousDay: "2026-02-02", nextDay: "2026-02-04" });
    expect(day.occurrence).toMatchObject({ time: "09:00" });
    // The mention in the first save reached the co-product owner (besides the blocker assignment).
    const texts = db.select().from(notifications).where(eq(notifications.userId, copo.id)).all().map((n) => n.text);
    expect(texts.filter((t) => t.includes("mentioned you in the standup of 2026-02-03"))).toHaveLength(1);
    expect(texts.some((t) => t.startsWith("Blocker assigned to you"))).toBe(true);
    expect(refusal(() => standupDay(db, outsider, s1.id, null)).code).toBe("not_found");
  });
});

describe("grooming", () => {
  it("walks the unplanned top of the backlog and logs what a session changed, with Ready", async () => {
    const { sm, dev, project, s1 } = await setup();
    const { groomStory, groomingView } = await import("~/delivery/grooming.server");
    const { createStory, updateStory } = await import("~/delivery/stories.server");
    const a = createStory(db, dev, project.id, { title: "Route VIP callers to the priority queue" });
    const b = createStory(db, dev, project.id, { title: "Play the holiday greeting" });
    const planned = createStory(db, dev, project.id, { title: "Already planned" });
    updateStory(db, sm, planned.id, { sprintId: s1.id });
    const viewer = await makeUser(db, "customer");
    addMember(db, sm, project.id, { userId: viewer.id, role: "viewer" });

    const before = groomingView(db, dev, project.id);
    expect(before.stories.map((s) => s.id)).toEqual([a.id, b.id]);
    // Sprint 1's grooming (February 2026) is in the past: there is no next session to offer.
    expect(before.nextGrooming).toBeNull();

    expect(refusal(() => groomStory(db, dev, a.id, { points: 4 })).fields?.points).toBeDefined();
    expect(refusal(() => groomStory(db, viewer, a.id, { points: 5 })).code).toBe("forbidden");
    // The grooming day of sprint 1 is Wednesday 11 February (the middle of its 15 working days).
    const session = new Date("2026-02-11T20:00:00Z");
    groomStory(db, dev, a.id, { title: "Route VIP callers to the priority queue", points: 5, acceptanceCriteria: ["VIP list comes from the CRM", "VIPs wait less than 20 s"] }, session);
    groomStory(db, dev, b.id, { points: 3 }, session);

    const after = groomingView(db, dev, project.id);
    expect(after.stories.find((s) => s.id === a.id)?.ready).toBe(true);
    expect(after.sessions).toHaveLength(1);
    const [day] = after.sessions;
    expect(day.date).toBe("2026-02-11");
    expect(day.ceremonyId).toBe(listCeremonies(db, sm, project.id, { sprintId: s1.id, kinds: ["grooming"] })[0].id);
    expect(day.changes.map((c) => [c.story, c.field, c.fromValue, c.toValue]).sort()).toEqual(
      [
        ["Play the holiday greeting", "points", null, "3"],
        ["Route VIP callers to the priority queue", "criteria", null, "VIP list comes from the CRM\nVIPs wait less than 20 s"],
        ["Route VIP callers to the priority queue", "points", null, "5"],
        ["Route VIP callers to the priority queue", "ready", "Not ready", "Ready"],
      ].sort(),
    );
  });
  it("files a late-evening change under the project's day, not the UTC one", async () => {
    const { dev, project } = await setup();
    const { groomStory, groomingView } = await import("~/delivery/grooming.server");
    const { createStory } = await import("~/delivery/stories.server");
    const a = createStory(db, dev, project.id, { title: "Announce the queue position" });
    // 03:30 UTC on 12 February is 21:30 on 11 February in Chicago, the project's zone.
    groomStory(db, dev, a.id, { points: 3 }, new Date("2026-02-12T03:30:00Z"));
    const [day] = groomingView(db, dev, project.id).sessions;
    expect(day.date).toBe("2026-02-11");
    expect(day.changes.map((c) => c.field)).toEqual(["points"]);
  });
});

describe("go-live acceptance record", () => {
  it("lists the scope's stories with their latest standing demo decision and the go / no-go with who, when and why", async () => {
    const { sm, dev, copo, outsider, project } = await setup();
    const { createStory, updateStory } = await import("~/delivery/stories.server");
    const { startSprint } = await import("~/delivery/sprints.server");
    const { acceptanceCsv, acceptanceRecord, decideAtDemo, goLiveAcceptanceRecord, goLiveAcceptanceCsv } = await import("~/delivery/demo.server");
    const { decideGoLive } = await import("~/delivery/release.server");
    const Papa = (await import("papaparse")).default;
    const [s3] = generateSprints(db, sm, project.id, { count: 1 });
    const voice = createFeature(db, sm, project.id, { name: "Inbound voice routing" });
    const other = createFeature(db, sm, project.id, { name: "Outbound campaigns" });
    const [a, b, c] = ["Queue by skill", "Overflow to the partner site", "Callback from the IVR"].map((title) =>
      createStory(db, sm, project.id, { title, points: 3, acceptanceCriteria: ["Routes within 2 s"], featureId: voice.id }),
    );
    const elsewhere = createStory(db, sm, project.id, { title: "Dialer list upload", points: 2, featureId: other.id });
    for (const s of [a, b, c, elsewhere]) updateStory(db, sm, s.id, { sprintId: s3.id });
    startSprint(db, sm, s3.id);
    for (const s of [a, b]) updateStory(db, dev, s.id, { status: "done" });
    decideAtDemo(db, copo, s3.id, { storyId: a.id, decision: "accept", comment: "Tested with the Spanish queue" });
    decideAtDemo(db, copo, s3.id, { storyId: b.id, decision: "reject", unmetCriteria: [0], then: "in_progress", comment: "Overflow took 5 s" });
    const goLive = createGoLive(db, sm, project.id, { name: "Go-live 1: voice", sprintId: s3.id, featureIds: [voice.id] });
    decideGoLive(db, sm, goLive.id, { decision: "go", onBehalfOf: copo.id, comment: "Cutover window agreed with the carrier" });

    const record = goLiveAcceptanceRecord(db, dev, goLive.id);
    expect(record.rows.map((r) => [r.title, r.decision, r.decidedBy])).toEqual([
      ["Queue by skill", "accept", copo.name],
      ["Overflow to the partner site", "reject", copo.name],
      ["Callback from the IVR", null, null],
    ]);
    expect(record.goNoGo).toMatchObject({ decision: "go", decidedBy: copo.name, recordedBy: sm.name, comment: "Cutover window agreed with the carrier" });
    expect(record.final).toBe(false);
    // The go / no-go is a short table of its own above the stories, not a row of the story table.
    const text = goLiveAcceptanceCsv(record);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [head, table] = text.slice(1).split("\r\n\r\n");
    expect(Papa.parse<string[]>(head.trim()).data).toEqual([
      ["go-live", "cutover", "go / no-go", "decided by", "recorded by", "at", "comment"],
      ["Go-live 1: voice", goLive.cutoverOn, "go", copo.name, sm.name, record.goNoGo!.at, "Cutover window agreed with the carrier"],
    ]);
    const stories = Papa.parse<string[]>(table.trim()).data;
    expect(stories[0]).toEqual(["story", "title", "feature", "sprint", "points", "acceptance criteria", "decision", "criteria not met", "decided by", "recorded by", "at", "comment"]);
    expect(stories.slice(1).every((r) => /^[A-Z]{2,10}-\d+$/.test(r[0]))).toBe(true);
    expect(stories.slice(1).map((r) => [r[1], r[2], r[3], r[6]])).toEqual([
      ["Queue by skill", "Inbound voice routing", `Sprint ${s3.number}`, "accept"],
      ["Overflow to the partner site", "Inbound voice routing", `Sprint ${s3.number}`, "reject"],
      ["Callback from the IVR", "Inbound voice routing", "", "not decided"],
    ]);
    // The sprint's own record fills its feature column and names the sprint the same way.
    const sprintRecord = Papa.parse<string[]>(acceptanceCsv(acceptanceRecord(db, dev, s3.id)).slice(1).trim()).data;
    expect(sprintRecord.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      ["Queue by skill", "Inbound voice routing", `Sprint ${s3.number}`],
      ["Overflow to the partner site", "Inbound voice routing", `Sprint ${s3.number}`],
    ]);
    expect(refusal(() => goLiveAcceptanceRecord(db, outsider, goLive.id)).code).toBe("not_found");
  });
});
