import { asc, eq } from "drizzle-orm";
import { addDays, format, parseISO, startOfWeek } from "date-fns";
import type { Db } from "../client.server";
import { goLives as goLiveTable, ideas as ideaTable, stories as storyTable, users } from "../schema";
import type { User } from "../../app/auth/users.server";
import { appToday } from "../../app/lib/app-time";
import { addMember, createProject } from "../../app/delivery/projects.server";
import { createGoLive, decideGoLive } from "../../app/delivery/release.server";
import { closeSprint, generateSprints, projectHolidays, startSprint, updateSprint } from "../../app/delivery/sprints.server";
import { sprintWorkingDays } from "../../app/delivery/sprints";
import { createFeature, createStory, updateStory } from "../../app/delivery/stories.server";
import { decideAtDemo } from "../../app/delivery/demo.server";
import { reportStatus } from "../../app/delivery/portfolio.server";
import { endKickoff } from "../../app/delivery/baseline.server";
import { addDayOff } from "../../app/delivery/days-off.server";
import { raiseBlocker, resolveBlocker } from "../../app/delivery/blockers.server";
import { addRetroItem } from "../../app/delivery/retro.server";
import { cancelCeremony, listCeremonies, moveCeremony, saveCeremonyNotes } from "../../app/delivery/ceremonies.server";
import { saveStandupEntry } from "../../app/delivery/standups.server";
import { groomStory } from "../../app/delivery/grooming.server";
import { linkIdea } from "../../app/ideas-delivery/links.server";
import { addFileAttachment, addLinkAttachment, addStoryComment, setStoryDocKinds } from "../../app/delivery/threads.server";
import { createDocument, saveRevision } from "../../app/delivery/docs.server";

const day = (iso: string, n: number) => format(addDays(parseISO(iso), n), "yyyy-MM-dd");
const at = (iso: string, hour: number, minute = 0) => new Date(`${iso}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00.000Z`);

type SeedStory = { title: string; points: number | null; criteria: string[]; feature: number; type?: "spike" | "defect" };

const FEATURES = ["Inbound voice routing", "Web callback", "Post-call survey", "Agent workspace rollout", "Supervisor dashboards", "WFM integration"];

const STORIES: SeedStory[] = [
  { feature: 0, points: 5, title: "As a caller I want to reach the right queue from the main IVR menu so that I do not get transferred", criteria: ["menu options match the queue list", "invalid input replays the menu once"] },
  { feature: 0, points: 3, title: "As a caller I want to hear my expected wait time so that I can decide to hold", criteria: ["announcement within 10 s of queueing", "estimate rounds to the minute"] },
  { feature: 0, points: 8, title: "As a VIP caller I want to be routed to the priority queue", criteria: ["VIP list looked up by number", "priority queue answered first"] },
  { feature: 0, points: 3, title: "As a caller I want after-hours calls to reach the on-call message", criteria: ["schedule follows the holiday calendar"] },
  { feature: 1, points: 5, title: "As a caller I want to be offered a callback when the wait exceeds 5 minutes so that I don't wait on hold", criteria: ["offer plays after 300 s in queue", "callback number confirmed by keypad", "callback lands with the same skill"] },
  { feature: 1, points: 5, title: "As a web visitor I want to request a callback from the contact page", criteria: ["form validates the phone number", "request appears in the callback queue"] },
  { feature: 1, points: 3, title: "As a supervisor I want to see pending callbacks per queue", criteria: ["count per queue", "oldest request first"] },
  { feature: 2, points: 3, title: "As a caller I want a two-question survey after the call", criteria: ["survey offered after agent hang-up", "answers by keypad"] },
  { feature: 2, points: 2, title: "As a quality lead I want survey scores linked to the interaction", criteria: ["score visible on the interaction record"] },
  { feature: 3, points: 8, title: "As an agent I want the new workspace to show the caller's history", criteria: ["last five interactions", "opens within 2 s"] },
  { feature: 3, points: 5, title: "As an agent I want wrap-up codes on number keys", criteria: ["keys 1–9 map to the top codes"] },
  { feature: 3, points: 3, title: "As a team lead I want a pilot group of 20 agents on the new workspace", criteria: ["pilot group configured", "rollback plan written"] },
  { feature: 4, points: 5, title: "As a supervisor I want a wallboard of calls waiting per queue", criteria: ["refreshes every 10 s", "thresholds in colour"] },
  { feature: 4, points: 8, title: "As a supervisor I want service level per 15-minute interval", criteria: ["matches the WFM intervals"] },
  { feature: 4, points: null, title: "As a site manager I want a daily summary by email", criteria: [] },
  { feature: 5, points: 5, title: "As a planner I want queue volumes exported to WFM every 15 minutes", criteria: ["export within 2 minutes of interval end"] },
  { feature: 5, points: 3, title: "As a planner I want agent states sent to WFM for adherence", criteria: ["states mapped to WFM activities"] },
  { feature: 0, points: 2, type: "spike", title: "Spike: measure IVR prompt latency on the new platform", criteria: ["report with p95 latency"] },
  { feature: 1, points: 2, title: "As a caller I want an SMS confirming my callback slot", criteria: ["SMS within 1 minute"] },
  { feature: 2, points: 1, title: "As a quality lead I want the survey text editable without a release", criteria: ["text stored in configuration"] },
  { feature: 3, points: 3, title: "As an agent I want my softphone in the workspace", criteria: ["answer, hold, transfer from the workspace"] },
  { feature: 4, points: 3, title: "As a supervisor I want to listen in on a call from the wallboard", criteria: ["silent monitor starts in one click"] },
  { feature: 0, points: 5, title: "As a Spanish-speaking caller I want the main IVR menu in Spanish", criteria: ["language chosen in the first prompt", "Spanish queue receives the call"] },
];

const DESIGN = [
  "# Solution design\n\n## Platform\nCloud contact center, one tenant per region.\n\n## Inbound voice\n- Main IVR menu routes to Sales, Support, Billing\n- Expected wait time announced on queueing\n",
  "# Solution design\n\n## Platform\nCloud contact center, one tenant per region.\n\n## Inbound voice\n- Main IVR menu routes to Sales, Support, Billing\n- Expected wait time announced on queueing\n- VIP callers (CRM segment Platinum) go to the priority queue\n\n## Web callback\nOffered after 300 s in queue; the callback keeps the caller's skill.\n\n## Post-call survey\nTwo keypad questions after the agent hangs up.\n",
];
const FLOWS = [
  "# Main IVR call flow\n\n1. Greeting (business hours from the holiday calendar)\n2. Menu: 1 Sales · 2 Support · 3 Billing\n3. Invalid input replays the menu once, then routes to Support\n",
  "# Main IVR call flow\n\n1. Greeting (business hours from the holiday calendar)\n2. Language: 1 English · 2 Español\n3. CRM lookup by caller number: Platinum → priority queue\n4. Menu: 1 Sales · 2 Support · 3 Billing\n5. Invalid input replays the menu once, then routes to Support\n",
];
const CONFIG = [
  "# Queue and skill configuration\n\n| Queue | Skill | Service level |\n| --- | --- | --- |\n| Sales | sales_en | 80/20 |\n| Support | support_en | 80/30 |\n",
  "# Queue and skill configuration\n\n| Queue | Skill | Service level |\n| --- | --- | --- |\n| Sales | sales_en | 80/20 |\n| Support | support_en | 80/30 |\n| Priority | vip | 90/10 |\n\nWallboard: amber at 5 waiting, red at 10.\n",
];

/** Plan of the closed sprints: which stories (by index) each took, and which were accepted at its demo. */
const SPRINT_PLAN: { take: number[]; accept: number[]; followUp?: { story: number; title: string }; reject?: { story: number; unmet: number[]; comment: string } }[] = [
  { take: [0, 1, 4, 7, 17], accept: [0, 1, 4, 17] },
  { take: [7, 2, 5, 3, 18], accept: [7, 2, 5, 3] },
  // The sprint 3 demo: one accepted with a follow-up, one rejected back to in progress.
  {
    take: [18, 6, 9, 8, 19],
    accept: [18, 6, 8, 19],
    followUp: { story: 6, title: "As a supervisor I want pending callbacks split by callback reason" },
    reject: { story: 9, unmet: [1], comment: "History took 5 s to open with the production-size CRM; the criterion says 2 s." },
  },
];

export async function seedDelivery(db: Db): Promise<void> {
  const byEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get()! as User;
  const sm = byEmail("sm@example.com");
  const po = byEmail("po@example.com");
  const copo = byEmail("copo@example.com");
  const dev = byEmail("dev@example.com");
  const today = appToday();

  // Acme Health: a customer engagement in sprint 4 of 6. Sprint 4 started on the Monday before last.
  const s4Start = format(startOfWeek(parseISO(day(today, -7)), { weekStartsOn: 1 }), "yyyy-MM-dd");
  const s1Start = day(s4Start, -63);
  const kickoffStart = day(s1Start, -21);
  const acme = createProject(db, sm, {
    name: "Acme Health — cloud contact center migration",
    customer: "Acme Health",
    sowSignedOn: day(kickoffStart, -4),
    staffedOn: kickoffStart,
    kickoffWeeks: 3,
    timeZone: "UTC",
  });
  addMember(db, sm, acme.id, { userId: po.id, role: "product_owner" });
  addMember(db, sm, acme.id, { userId: copo.id, role: "co_product_owner", side: "customer" });
  addMember(db, sm, acme.id, { userId: dev.id, role: "team" });
  const created = at(day(kickoffStart, 2), 9);
  const featureIds = FEATURES.map((name) => createFeature(db, po, acme.id, { name }).id);
  const addStory = (s: SeedStory, when: Date) =>
    createStory(db, po, acme.id, { title: s.title, points: s.points, acceptanceCriteria: s.criteria, featureId: featureIds[s.feature], ...(s.type ? { type: s.type } : {}) }, when).id;
  // The last story arrives mid-delivery: scope growth against the baseline.
  const storyIds = STORIES.slice(0, -1).map((s) => addStory(s, created));
  const sprintList = generateSprints(db, sm, acme.id, { count: 6 });
  // Each sprint's goal and capacity, set at its planning.
  const PLANS = [
    { capacity: 20, goal: "Callers reach the right queue" },
    { capacity: 20, goal: "Callers hear their wait, and VIPs reach the priority queue" },
    { capacity: 22, goal: "Callbacks keep the caller's place, and WFM gets the volumes" },
    { capacity: 38, goal: "Agents see the caller's history before they answer" },
  ];
  PLANS.forEach((plan, k) => updateSprint(db, sm, sprintList[k].id, plan));
  const holidays = projectHolidays(db, acme);
  createGoLive(db, po, acme.id, { name: "Go-live 1: inbound voice and web callback", sprintId: sprintList[3].id, featureIds: [featureIds[0], featureIds[1], featureIds[2]] });
  createGoLive(db, po, acme.id, { name: "Go-live 2: agent workspace and supervisor dashboards", sprintId: sprintList[5].id, featureIds: [featureIds[3], featureIds[4], featureIds[5]] });
  endKickoff(db, sm, acme.id, { agreedBy: copo.id });

  SPRINT_PLAN.forEach((plan, k) => {
    const sprint = sprintList[k];
    const days = sprintWorkingDays(sprint, holidays);
    for (const i of plan.take) {
      const story = db.select().from(storyTable).where(eq(storyTable.id, storyIds[i])).get()!;
      if (story.sprintId !== sprint.id) updateStory(db, po, storyIds[i], { sprintId: sprint.id }, at(day(sprint.start, -3), 14));
    }
    startSprint(db, sm, sprint.id, at(days[0], 9));
    plan.take.forEach((i, n) => {
      const story = db.select().from(storyTable).where(eq(storyTable.id, storyIds[i])).get()!;
      if (story.status === "todo") updateStory(db, dev, storyIds[i], { status: "in_progress" }, at(days[Math.min(1 + n * 2, days.length - 1)], 10));
      if (plan.accept.includes(i) || n % 2 === 0) updateStory(db, dev, storyIds[i], { status: "done" }, at(days[Math.min(4 + n * 2, days.length - 2)], 15, n));
    });
    // The demo on the last working day: the co-product owner accepts what meets its criteria.
    for (const i of plan.accept) {
      const followUp = plan.followUp?.story === i ? { title: plan.followUp.title } : undefined;
      decideAtDemo(
        db,
        copo,
        sprint.id,
        { storyId: storyIds[i], decision: followUp ? "accept_with_follow_up" : "accept", followUp, comment: followUp ? "Accepted; the reason split comes as its own story." : "Demonstrated on the test tenant." },
        at(days.at(-1)!, 14, plan.accept.indexOf(i)),
      );
    }
    if (plan.reject) {
      decideAtDemo(db, sm, sprint.id, { storyId: storyIds[plan.reject.story], decision: "reject", unmetCriteria: plan.reject.unmet, then: "in_progress", comment: plan.reject.comment, onBehalfOf: copo.id }, at(days.at(-1)!, 15));
    }
    closeSprint(db, sm, sprint.id, { unfinished: "next" }, at(days.at(-1)!, 17));
  });

  // Sprint 4, active: what carried over plus new work; one story added after the start.
  const s4 = sprintList[3];
  addDayOff(db, dev, s4.id, { date: sprintWorkingDays(s4, holidays)[8] });
  storyIds.push(addStory(STORIES.at(-1)!, at(day(s4.start, -4), 10)));
  const s4Days = sprintWorkingDays(s4, holidays);
  for (const i of [10, 11, 12, 15, 22]) updateStory(db, po, storyIds[i], { sprintId: s4.id }, at(day(s4.start, -3), 14));
  startSprint(db, sm, s4.id, at(s4Days[0], 9));
  // At the planning meeting the developer took the stories they went on to work; the rest wait on the board for an owner.
  for (const i of [9, 10, 12, 15]) updateStory(db, dev, storyIds[i], { assigneeId: dev.id }, at(s4Days[0], 11));
  const past = s4Days.filter((d) => d < today);
  const step = (n: number) => past[Math.min(n, past.length - 1)];
  if (past.length) {
    updateStory(db, dev, storyIds[9], { status: "in_progress" }, at(step(0), 11));
    updateStory(db, dev, storyIds[10], { status: "in_progress" }, at(step(0), 12));
    updateStory(db, dev, storyIds[10], { status: "done" }, at(step(2), 16));
    updateStory(db, dev, storyIds[12], { status: "in_progress" }, at(step(2), 10));
    updateStory(db, po, storyIds[20], { sprintId: s4.id }, at(step(3), 10));
    updateStory(db, dev, storyIds[15], { status: "in_progress" }, at(step(4), 10));
    updateStory(db, dev, storyIds[12], { status: "done" }, at(step(4), 16));
  }

  const s3 = sprintList[2];
  addRetroItem(db, dev, s3.id, { column: "went_well", text: "Demo on the test tenant went smoothly" });
  addRetroItem(db, copo, s3.id, { column: "to_improve", text: "Stories reached Done on the last day" });
  addRetroItem(db, sm, s3.id, { column: "action", text: "Split stories above 5 points at grooming", ownerId: po.id });
  const resolved = raiseBlocker(db, dev, acme.id, { title: "Test tenant licences for the IVR simulator", side: "delivery", ownerId: sm.id, storyId: storyIds[17] });
  resolveBlocker(db, sm, resolved.id, { resolution: "Licences added to the test tenant." });
  raiseBlocker(db, dev, acme.id, { title: "Acme to provide the VIP caller list export", side: "customer", ownerId: copo.id, storyId: storyIds[2], dueOn: day(today, 3) });
  reportStatus(db, sm, acme.id, { rag: "amber", note: "Go-live 2 carries an unestimated dashboard story; grooming on Wednesday." });

  // Ceremonies of sprint 4: notes, a moved demo, a cancelled standup, standup entries, a grooming session.
  const s4Ceremonies = listCeremonies(db, sm, acme.id, { sprintId: s4.id });
  const s4Planning = s4Ceremonies.find((c) => c.kind === "planning")!;
  saveCeremonyNotes(db, sm, s4Planning.id, {
    notes: "Goal: agent workspace pilot for 20 agents.\nCarried over: caller history (rejected at the sprint 3 demo, 2 s criterion).\n@copo to confirm the pilot group by Wednesday.",
  });
  const s4Demo = s4Ceremonies.find((c) => c.kind === "demo")!;
  moveCeremony(db, sm, s4Demo.id, { date: s4Demo.date, time: "11:30", minutes: 60, reason: "Acme's steering committee meets until 11:00." });
  if (past.length >= 3) {
    const cancelled = s4Ceremonies.find((c) => c.kind === "standup" && c.date === past[1]);
    if (cancelled) cancelCeremony(db, sm, cancelled.id, { reason: "Team on site at Acme for the pilot-group briefing." });
    const lastDay = past.at(-1)!;
    saveStandupEntry(db, dev, s4.id, { date: lastDay, yesterday: "Wrap-up codes on number keys: done, waiting for the demo.", today: "Caller history: caching the CRM lookup to meet the 2 s criterion." });
    saveStandupEntry(db, sm, s4.id, { date: lastDay, yesterday: "Chased the VIP caller list with Acme.", today: "Prepare the go / no-go for go-live 1." });
    const followUpStory = db.select().from(storyTable).where(eq(storyTable.title, SPRINT_PLAN[2].followUp!.title)).get()!;
    groomStory(db, po, followUpStory.id, { points: 2, acceptanceCriteria: ["Reason chosen from the callback form", "Counts per reason on the supervisor view"] }, at(lastDay, 14));
  }
  const [goLive1] = db.select().from(goLiveTable).where(eq(goLiveTable.projectId, acme.id)).orderBy(asc(goLiveTable.cutoverOn)).all();
  decideGoLive(db, copo, goLive1.id, { decision: "go", comment: "Provided the VIP caller list export arrives before cutover." });

  // Customer testing of what sprints 1–3 delivered: most passed, one failed and raised a defect,
  // which was groomed and planned into the active sprint; one is still being tested.
  for (const i of [0, 4, 17, 7]) updateStory(db, copo, storyIds[i], { testStatus: "passed", testNote: "Passed on the UAT tenant." });
  updateStory(db, copo, storyIds[2], { testStatus: "testing" });
  updateStory(db, copo, storyIds[1], { testStatus: "failed", testNote: "The wait announcement says 0 minutes when callers are already queueing." });
  const defect = db.select().from(storyTable).where(eq(storyTable.defectOf, storyIds[1])).get()!;
  groomStory(db, dev, defect.id, { points: 2 });
  updateStory(db, po, defect.id, { sprintId: s4.id });

  // Story threads: a question with a mention, an answer, a link and a small file.
  const vip = storyIds[2];
  addStoryComment(db, dev, vip, { body: "@copo which CRM field marks a caller as VIP — **Tier** or **Segment**? We route on it." });
  addStoryComment(db, copo, vip, { body: "Use **Segment = Platinum**. The list export is on its way (see the blocker)." });
  addLinkAttachment(db, dev, vip, { name: "VIP routing call flow (Visio online)", url: "https://docs.example.com/acme/call-flows/vip-routing" });
  const sample = new TextEncoder().encode("phone,segment\n+1 555 0100,Platinum\n+1 555 0101,Gold\n");
  addFileAttachment(db, dev, vip, { name: "vip-sample.csv", size: sample.length, bytes: sample });
  setStoryDocKinds(db, dev, storyIds[12], { docKinds: ["design", "configuration"] });

  // As-Delivered documents, revised across the sprints (backdated to their sprint days).
  const sprintDay = (k: number, n: number) => sprintWorkingDays(sprintList[k], holidays)[n];
  const design = createDocument(db, sm, acme.id, { kind: "design", title: "Solution design", body: DESIGN[0] }, at(sprintDay(0, 3), 11));
  saveRevision(db, dev, design.id, { body: DESIGN[1], note: "Callback and survey added" }, at(sprintDay(1, 5), 15));
  const flows = createDocument(db, dev, acme.id, { kind: "call_flows", title: "Main IVR call flow", body: FLOWS[0] }, at(sprintDay(0, 6), 10));
  saveRevision(db, dev, flows.id, { body: FLOWS[1], note: "VIP routing and Spanish menu" }, at(sprintDay(2, 4), 14));
  const config = createDocument(db, dev, acme.id, { kind: "configuration", title: "Queue and skill configuration", body: CONFIG[0] }, at(sprintDay(1, 2), 9));
  if (past.length) saveRevision(db, dev, config.id, { body: CONFIG[1], note: "Wallboard thresholds" }, at(past.at(-1)!, 12));

  // Northwind Bank: signed last week, in its kickoff phase, backlog being built.
  const northwind = createProject(db, sm, {
    name: "Northwind Bank — chat and email channels",
    customer: "Northwind Bank",
    sowSignedOn: day(today, -9),
    staffedOn: day(today, -6),
    kickoffWeeks: 4,
    timeZone: "America/New_York",
  });
  addMember(db, sm, northwind.id, { userId: po.id, role: "product_owner" });
  addMember(db, sm, northwind.id, { userId: dev.id, role: "team" });
  for (const name of ["Chat widget", "Email routing", "Chatbot hand-over", "Co-browse"]) createFeature(db, po, northwind.id, { name });
  for (const title of [
    "As a customer I want to start a chat from the online banking page",
    "As an agent I want chats and emails in one queue view",
    "As a customer I want the chatbot to hand me to an agent with the conversation so far",
  ]) {
    createStory(db, po, northwind.id, { title });
  }

  seedProductRelease(db, { sm, po, dev, pm: byEmail("pm@example.com"), pm2: byEmail("pm2@example.com") }, s4Start);
}

const RELEASE_FEATURES = ["Interaction history panel", "Interval reporting", "Desktop start-up"];

const RELEASE_STORIES: SeedStory[] = [
  { feature: 0, points: 5, title: "As an agent I want the caller's last five interactions shown while the call rings", criteria: ["channel, date, disposition and agent notes per interaction", "panel shown before the agent answers"] },
  { feature: 0, points: 3, title: "As an agent I want to open a past interaction's transcript from the history panel", criteria: ["transcript opens beside the call controls"] },
  { feature: 0, points: 3, title: "As an administrator I want to choose which interaction types the history panel shows", criteria: ["setting per tenant", "voice, chat and email on by default"] },
  { feature: 0, points: 2, type: "spike", title: "Spike: history lookup latency on a tenant with 10 million interactions", criteria: ["report with p95 latency per channel"] },
  { feature: 1, points: 5, title: "As a workforce planner I want service level per 15-minute interval in the queue report", criteria: ["offered, answered and service level per interval", "intervals line up with the WFM forecast"] },
  { feature: 1, points: 3, title: "As a workforce planner I want the interval rows exported to CSV", criteria: ["same columns as the report"] },
  { feature: 1, points: null, title: "As a supervisor I want interval figures in my site's time zone", criteria: [] },
  { feature: 2, points: 3, title: "As an agent I want the desktop to be ready within 5 seconds of signing in", criteria: ["cold start p95 under 5 s on the reference laptop"] },
  { feature: 2, points: 2, title: "As a release manager I want an upgrade check that lists settings blocking 9.3", criteria: ["check runs without downtime", "each finding links to its setting"] },
];

/**
 * PureEngage 9.3: a product release, in its second sprint, whose features the Ideas Lab's ideas
 * link to. The history panel is being built in the running sprint (its idea is In Development);
 * interval reporting is planned for sprint 3 (its idea is Accepted).
 */
function seedProductRelease(db: Db, people: { sm: User; po: User; dev: User; pm: User; pm2: User }, s2Start: string) {
  const { sm, po, dev, pm, pm2 } = people;
  const today = appToday();
  const s1Start = day(s2Start, -21);
  const kickoffStart = day(s1Start, -21);
  const release = createProject(db, sm, {
    name: "PureEngage 9.3 — agent desktop and reporting release",
    customer: "PureEngage product management",
    kind: "product_release",
    key: "PENG",
    sowSignedOn: day(kickoffStart, -3),
    staffedOn: kickoffStart,
    kickoffWeeks: 3,
    timeZone: "Europe/London",
  });
  addMember(db, sm, release.id, { userId: po.id, role: "product_owner" });
  // In a product release the customer is internal: the product manager is its co-product owner.
  addMember(db, sm, release.id, { userId: pm.id, role: "co_product_owner", side: "customer" });
  addMember(db, sm, release.id, { userId: dev.id, role: "team" });
  const created = at(day(kickoffStart, 3), 10);
  const featureIds = RELEASE_FEATURES.map((name) => createFeature(db, po, release.id, { name }).id);
  const storyIds = RELEASE_STORIES.map(
    (s) => createStory(db, po, release.id, { title: s.title, points: s.points, acceptanceCriteria: s.criteria, featureId: featureIds[s.feature], ...(s.type ? { type: s.type } : {}) }, created).id,
  );
  const [s1, s2, s3, s4] = generateSprints(db, sm, release.id, { count: 4 });
  updateSprint(db, sm, s1.id, { capacity: 12, goal: "Agents see history fast enough to use it" });
  updateSprint(db, sm, s2.id, { capacity: 13, goal: "The history panel in agents' hands on the test tenant" });
  const holidays = projectHolidays(db, release);
  createGoLive(db, po, release.id, { name: "9.3 general availability", sprintId: s4.id, featureIds });
  endKickoff(db, sm, release.id, { agreedBy: pm.id });

  // Sprint 1: the spike and the start-up work accepted; the history panel carried over unfinished.
  const s1Days = sprintWorkingDays(s1, holidays);
  for (const i of [3, 7, 0]) updateStory(db, po, storyIds[i], { sprintId: s1.id }, at(day(s1.start, -3), 14));
  startSprint(db, sm, s1.id, at(s1Days[0], 9));
  for (const [i, n] of [[3, 2], [7, 6], [0, 9]] as const) updateStory(db, dev, storyIds[i], { status: "in_progress", assigneeId: dev.id }, at(s1Days[n], 10));
  updateStory(db, dev, storyIds[3], { status: "done" }, at(s1Days[5], 16));
  updateStory(db, dev, storyIds[7], { status: "done" }, at(s1Days[11], 16));
  decideAtDemo(db, pm, s1.id, { storyId: storyIds[3], decision: "accept", comment: "p95 of 180 ms on the large tenant: the panel can load while the call rings." }, at(s1Days.at(-1)!, 14));
  decideAtDemo(db, pm, s1.id, { storyId: storyIds[7], decision: "accept", comment: "Ready in 4.1 s on the reference laptop." }, at(s1Days.at(-1)!, 14, 10));
  closeSprint(db, sm, s1.id, { unfinished: "next" }, at(s1Days.at(-1)!, 17));

  // Sprint 2, running: the panel itself, its transcript link and the upgrade check.
  const s2Days = sprintWorkingDays(s2, holidays);
  for (const i of [1, 8]) updateStory(db, po, storyIds[i], { sprintId: s2.id }, at(day(s2.start, -3), 14));
  startSprint(db, sm, s2.id, at(s2Days[0], 9));
  const past = s2Days.filter((d) => d < today);
  if (past.length) {
    updateStory(db, dev, storyIds[8], { status: "in_progress", assigneeId: dev.id }, at(past[0], 11));
    updateStory(db, dev, storyIds[8], { status: "done" }, at(past[Math.min(3, past.length - 1)], 15));
  }
  // Interval reporting is planned for sprint 3, once the panel ships to the test tenant.
  for (const i of [4, 5]) updateStory(db, po, storyIds[i], { sprintId: s3.id }, at(past.at(-1) ?? s2Days[0], 11));

  // Ideas meet delivery: the ideas behind this release link to its features. Marking the go-live
  // done delivers them and gives their votes back.
  const ideaKey = (title: string) => db.select({ key: ideaTable.key }).from(ideaTable).where(eq(ideaTable.title, title)).get()!.key;
  linkIdea(db, pm, ideaKey("Show the caller's previous interactions before answering"), { featureId: featureIds[0] });
  linkIdea(db, pm2, ideaKey("Service level by 15-minute interval in the queue report"), { featureId: featureIds[1] });
}
