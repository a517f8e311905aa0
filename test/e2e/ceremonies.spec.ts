import ical from "node-ical";
import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";
import { bearer, tokenFor } from "../support/api";

type Project = { id: number; name: string; calendarUrl?: string };

async function acmeFor(request: import("@playwright/test").APIRequestContext, email: string) {
  const token = await tokenFor(request, email);
  const list: Project[] = await (await request.get("/api/v1/projects", { headers: bearer(token) })).json();
  const acme = list.find((p) => p.name.startsWith("Acme"))!;
  const project: Project = await (await request.get(`/api/v1/projects/${acme.id}`, { headers: bearer(token) })).json();
  return { token, project };
}

function events(text: string) {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
}

test("the scrum master moves and cancels ceremonies; the subscribed ICS feed follows, and a revoked link stops working", async ({ pageAs, request }) => {
  const { token, project } = await acmeFor(request, "sm@example.com");
  const plan = await (await request.get(`/api/v1/projects/${project.id}/release-plan`, { headers: bearer(token) })).json();
  const sprint5 = plan.sprints.find((s: { number: number }) => s.number === 5);
  expect(project.calendarUrl).toMatch(new RegExp(`/api/v1/projects/${project.id}/calendar\\.ics\\?token=[0-9a-f]{48}$`));
  const feedUrl = project.calendarUrl!;
  const first = await request.get(feedUrl);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("text/calendar");
  const before = events(await first.text());
  // Polling clients: an ETag of the bytes and a Last-Modified; a matching If-None-Match is a bare 304, HEAD the headers alone.
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[\w-]{16,}"$/);
  expect(Date.parse(first.headers()["last-modified"])).toBeGreaterThan(0);
  const unchanged = await request.get(feedUrl, { headers: { "If-None-Match": `W/${etag}, "other"` } });
  expect(unchanged.status()).toBe(304);
  expect((await unchanged.body()).length).toBe(0);
  const head = await request.head(feedUrl);
  expect(head.status()).toBe(200);
  expect(head.headers()["etag"]).toBe(etag);
  expect(head.headers()["content-type"]).toContain("text/calendar");
  expect((await head.body()).length).toBe(0);
  // The subscribe URL is the installation's address, whatever Host a client sends.
  const spoofed = await (await request.get(`/api/v1/projects/${project.id}`, { headers: { ...bearer(token), Host: "calendar.evil.example", "X-Forwarded-Host": "calendar.evil.example" } })).json();
  expect(spoofed.calendarUrl).toBe(feedUrl);
  expect(feedUrl).not.toContain("evil");
  for (const name of ["Sprint Planning", "Daily Standup", "Backlog Grooming", "Sprint Demo", "Sprint Retrospective"]) {
    expect(before.some((e) => String(e.summary).startsWith(name))).toBe(true);
  }
  expect(before.some((e) => String(e.summary).startsWith("Go-live cutover: Go-live 1"))).toBe(true);
  expect(before.some((e) => String(e.summary).startsWith("Sprint 1 starts"))).toBe(true);

  const sm = await pageAs("sm@example.com");
  await sm.goto(`/projects/${project.id}/ceremonies`);
  await expect(sm.getByRole("heading", { level: 1 })).toHaveText("Ceremonies");
  await expect(sm.getByLabel("Calendar feed (secret link)")).toHaveValue(feedUrl);
  // Sprint 5's demo, on a later sprint nobody else's test touches.
  await sm.getByLabel("Sprint", { exact: true }).selectOption(String(sprint5.id));
  await sm.getByRole("button", { name: "Show" }).click();
  await expect(sm.getByRole("heading", { name: "Sprint 5", exact: true })).toBeVisible();
  await sm.getByRole("link", { name: "Sprint Demo" }).click();
  await expect(sm.getByRole("heading", { level: 1 })).toHaveText("Sprint Demo");
  const ceremonyId = Number(new URL(sm.url()).pathname.split("/").at(-1));

  // A move without a reason is refused next to the field and keeps what was typed.
  await sm.getByLabel("Time").fill("15:30");
  await sm.getByRole("button", { name: "Move", exact: true }).click();
  await expect(sm.locator("#move-reason-error")).toHaveText("Say why it moves.");
  await expect(sm.getByLabel("Time")).toHaveValue("15:30");
  await sm.getByLabel("Why it moves").fill("Acme's co-product owner presents to the board in the morning");
  await sm.getByRole("button", { name: "Move", exact: true }).click();
  await expect(sm.getByRole("status")).toHaveText("Moved. Subscribed calendars pick up the new time at their next refresh.");
  await expect(sm.getByText("Moved", { exact: true })).toBeVisible();

  // Cancel a standup of sprint 5.
  await sm.goto(`/projects/${project.id}/ceremonies?sprint=${sprint5.id}`);
  await sm.getByRole("link", { name: "Daily Standup" }).nth(2).click();
  await expect(sm.getByRole("heading", { level: 1 })).toHaveText("Daily Standup");
  const standupId = Number(new URL(sm.url()).pathname.split("/").at(-1));
  await sm.getByLabel("Why it is cancelled").fill("Team at Acme's site for the pilot go-live rehearsal");
  await sm.getByRole("button", { name: "Cancel this occurrence" }).click();
  await expect(sm.getByRole("status")).toHaveText("Cancelled. It stays in the calendar feed, marked cancelled.");

  const changed = await request.get(feedUrl, { headers: { "If-None-Match": etag } });
  expect(changed.status()).toBe(200);
  expect(changed.headers()["etag"]).not.toBe(etag);
  const after = events(await changed.text());
  const demo = after.find((e) => e.uid === `ceremony-${ceremonyId}@sprintlab`)!;
  expect(demo.start.tz).toBe("Etc/UTC");
  expect(new Date(demo.start).toISOString().slice(11, 16)).toBe("15:30");
  expect(Number(demo.sequence)).toBeGreaterThan(0);
  expect(after.find((e) => e.uid === `ceremony-${standupId}@sprintlab`)?.status).toBe("CANCELLED");
  expect(after).toHaveLength(before.length);

  // The .ics download of one occurrence.
  const download = sm.waitForEvent("download");
  await sm.goto(`/ceremonies/${ceremonyId}`);
  await sm.getByRole("link", { name: "Add to my calendar (.ics)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^demo-sprint-5-\d{4}-\d{2}-\d{2}\.ics$/);

  // Revoking the link: the old one is a 404, the page shows a new one.
  await sm.goto(`/projects/${project.id}/ceremonies`);
  await sm.getByRole("button", { name: "Revoke and make a new link" }).click();
  await expect(sm.getByRole("status")).toContainText("The old subscribe link no longer works.");
  expect((await request.get(feedUrl)).status()).toBe(404);
  const fresh = await sm.getByLabel("Calendar feed (secret link)").inputValue();
  expect(fresh).not.toBe(feedUrl);
  expect((await request.get(fresh)).status()).toBe(200);
});

test("the sprint page shows today's ceremony and the next; a member's standup entry mentions the co-product owner, who is notified", async ({ pageAs, request }) => {
  const { token, project } = await acmeFor(request, "dev@example.com");
  const plan = await (await request.get(`/api/v1/projects/${project.id}/release-plan`, { headers: bearer(token) })).json();
  const active = plan.sprints.find((s: { state: string }) => s.state === "active");

  const dev = await pageAs("dev@example.com");
  await dev.goto(`/sprints/${active.id}`);
  await expect(dev.getByTestId("glance-today")).toContainText("Today");
  await expect(dev.getByTestId("glance-next")).toContainText(/Daily Standup|Sprint Planning|Backlog Grooming|Sprint Demo|Sprint Retrospective/);
  await dev.getByRole("link", { name: "Standup", exact: true }).click();
  await expect(dev.getByRole("heading", { level: 1 })).toContainText("Standup");
  await expect(dev.getByText("Acme to provide the VIP caller list export")).toBeVisible();

  // An empty entry is refused next to the field.
  await dev.getByRole("button", { name: /my entry/ }).click();
  await expect(dev.locator(".field--error .field__error")).toHaveText("Write what you did or what you will do.");
  await dev.getByLabel("Yesterday").fill("Cached the CRM lookup for caller history");
  await dev.getByLabel("Today").fill("Pair with @copo on the pilot group list");
  await dev.getByRole("button", { name: /my entry/ }).click();
  await expect(dev.getByRole("status")).toHaveText("Your standup entry is saved.");
  await expect(dev.getByTestId(/^standup-/).filter({ hasText: "Pair with @copo on the pilot group list" })).toBeVisible();

  const copo = await pageAs("copo@example.com");
  await copo.goto("/notifications");
  await expect(copo.getByText(/mentioned you in the standup of .*Pair with @copo on the pilot group list/)).toBeVisible();
});

test("a grooming session sets points and criteria, marks a story Ready and records what changed", async ({ pageAs, request }) => {
  const token = await tokenFor(request, "po@example.com");
  const list: Project[] = await (await request.get("/api/v1/projects", { headers: bearer(token) })).json();
  const northwind = list.find((p) => p.name.startsWith("Northwind"))!;
  const po = await pageAs("po@example.com");
  await po.goto(`/projects/${northwind.id}`);
  await po.getByRole("link", { name: "Grooming" }).click();
  await expect(po.getByRole("heading", { level: 1 })).toHaveText("Backlog grooming");
  const card = po.getByTestId(/^groom-/).filter({ has: po.locator("input[value^='As a customer I want to start a chat']") });
  await expect(card.getByText("Not ready")).toBeVisible();
  await card.getByLabel("Points").selectOption("5");
  await card.getByLabel("Acceptance criteria, one per line").fill("Chat button on every online banking page\nQueue position shown after 10 s");
  await card.getByRole("button", { name: /^Save / }).click();
  await expect(po.getByRole("status")).toContainText("groomed");
  await expect(card.getByText("Ready", { exact: true })).toBeVisible();
  const log = po.getByTestId(/^session-/).first();
  await expect(log).toContainText("As a customer I want to start a chat from the online banking page: points — → 5; acceptance criteria written; became Ready");
});

test("a go-live's acceptance record shows its stories and the go / no-go, prints, and downloads as CSV", async ({ pageAs, request }) => {
  const { token, project } = await acmeFor(request, "copo@example.com");
  const plan = await (await request.get(`/api/v1/projects/${project.id}/release-plan`, { headers: bearer(token) })).json();
  const goLive = plan.goLives[0];
  const copo = await pageAs("copo@example.com");
  await copo.goto(`/projects/${project.id}/release`);
  await copo.getByRole("link", { name: "Acceptance record" }).first().click();
  await expect(copo.getByRole("heading", { level: 1 })).toHaveText(`Acceptance record — ${goLive.name}`);
  await expect(copo.getByTestId("go-no-go")).toContainText("Go — decided by");
  await expect(copo.getByTestId("go-no-go")).toContainText("Provided the VIP caller list export arrives");
  await expect(copo.locator("tbody tr").first()).toBeVisible();
  await copo.emulateMedia({ media: "print" });
  await expect(copo.getByRole("link", { name: "CSV" })).toBeHidden();
  expect((await copo.pdf({ format: "A4" })).subarray(0, 5).toString()).toBe("%PDF-");
  const csv = await request.get(`/go-lives/${goLive.id}/acceptance.csv`, { headers: { cookie: (await copo.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") } });
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  // A UTF-8 mark for spreadsheet apps, the go / no-go as a short table of its own, then the stories.
  expect(text.startsWith("\uFEFFgo-live,cutover,go / no-go,decided by,recorded by,at,comment\r\n")).toBe(true);
  expect(text.split("\r\n")[1]).toMatch(/^[^,]+,\d{4}-\d{2}-\d{2},go,/);
  expect(text.split("\r\n")[1].startsWith(`${goLive.name},`)).toBe(true);
  const stories = text.split("\r\n\r\n")[1];
  expect(stories.split("\r\n")[0]).toBe("story,title,feature,sprint,points,acceptance criteria,decision,criteria not met,decided by,recorded by,at,comment");
  expect(stories).not.toContain("Go / no-go");
});
