import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import Database from "better-sqlite3";
import { connect, type Db } from "../../db/client.server";
import { ceremonies, checklistTemplateItems, notifications, transitionItems } from "../../db/schema";
import { requestAccess, issueResetLink } from "../../app/auth/access.server";
import { sessionCookie } from "../../app/auth/session.server";
import { createSession } from "../../app/auth/sessions.server";
import { createToken } from "../../app/auth/tokens.server";
import type { User } from "../../app/auth/users.server";
import { addCalendarHoliday, addHoliday } from "../../app/delivery/holidays.server";
import { createCalendar } from "../../app/calendar/calendars.server";
import { raiseBlocker } from "../../app/delivery/blockers.server";
import { cancelCeremony } from "../../app/delivery/ceremonies.server";
import { decideAtDemo } from "../../app/delivery/demo.server";
import { createDocument } from "../../app/delivery/docs.server";
import { addMember, createProject } from "../../app/delivery/projects.server";
import { removeMember } from "../../app/delivery/members.server";
import { createGoLive } from "../../app/delivery/release.server";
import { deleteGoLive } from "../../app/delivery/go-live-edits.server";
import { deleteFeature } from "../../app/ideas-delivery/feature-removal.server";
import { addRetroItem } from "../../app/delivery/retro.server";
import { closeSprint, generateSprints, startSprint } from "../../app/delivery/sprints.server";
import { sprintWorkingDays } from "../../app/delivery/sprints";
import { addDayOff } from "../../app/delivery/days-off.server";
import { markGoLiveDone } from "../../app/ideas-delivery/go-live-done.server";
import { isDomainError } from "../../app/lib/errors";
import { createFeature, createStory, updateStory } from "../../app/delivery/stories.server";
import { closeAsWontDo, deleteStory } from "../../app/delivery/story-removal.server";
import { addComment } from "../../app/ideas/comments.server";
import { addLinkAttachment, addStoryComment } from "../../app/delivery/threads.server";
import { moveIdea } from "../../app/ideas/idea-moves.server";
import { castVote, requestMoreVotes } from "../../app/ideas/votes.server";
import { linkIdea } from "../../app/ideas-delivery/links.server";
import { notify } from "../../app/notifications/notify.server";
import { unsubscribeToken } from "../../app/notifications/settings.server";
import { sessionSecret } from "../../app/auth/secret.server";
import { freshDb } from "./db";
import { TEST_PASSWORD, makeIdea, makePortal, makeUser } from "./factories";

/**
 * The people of the permission matrix: anonymous, each global role outside the project, and
 * each project role (a member holds a global role too: see GLOBAL_ROLE_OF).
 */
export const PERSONAS = [
  "anonymous",
  "admin",
  "pm",
  "staff",
  "customer",
  "partner",
  "scrum_master",
  "product_owner",
  "co_product_owner",
  "team_delivery",
  "team_customer",
  "viewer",
] as const;
export type Persona = (typeof PERSONAS)[number];
export type SignedIn = Exclude<Persona, "anonymous">;

/** The global role each persona signs in with; the project roles are members of the world's project. */
export const GLOBAL_ROLE_OF = {
  admin: "admin",
  pm: "pm",
  staff: "staff",
  customer: "customer",
  partner: "partner",
  scrum_master: "staff",
  product_owner: "staff",
  co_product_owner: "customer",
  team_delivery: "staff",
  team_customer: "customer",
  viewer: "partner",
} as const satisfies Record<SignedIn, User["role"]>;

export type World = {
  users: Record<SignedIn, User>;
  cookies: Record<SignedIn, string>;
  tokens: Record<SignedIn, string>;
  tokenIds: Record<SignedIn, number>;
  /** Someone for admin calls to act on (role, company, reset link, vote grant). */
  target: User;
  projectId: number;
  activeSprintId: number;
  /** A working day of the active sprint, for a day off; and one every member already took off. */
  activeSprintWorkday: string;
  activeSprintDayOff: string;
  /** The first day of the planned sprint, where its ceremonies may move. */
  plannedSprintStart: string;
  /** A later start for the planned sprint (a gap before it). */
  plannedSprintLaterStart: string;
  closeConsequence: string;
  goLiveDoneConsequence: string;
  storyDeleteConsequence: string;
  goLiveDeleteConsequence: string;
  featureDeleteConsequence: string;
  memberRemoveConsequence: string;
  plannedSprintId: number;
  featureInGoLive: number;
  featureLinked: number;
  featureFree: number;
  storyTodo: number;
  /** On `storyTodo`, by the team_delivery persona: a comment and a link attachment. */
  storyCommentId: number;
  storyLinkId: number;
  storyDone: number;
  storyAccepted: number;
  storyBacklog: number;
  storyWontDo: number;
  goLiveId: number;
  ceremonyId: number;
  cancelledCeremonyId: number;
  /** The project's SOW and staffing date (sprint work has started: they cannot move). */
  projectStart: string;
  blockerId: number;
  retroActionId: number;
  transitionItemId: number;
  documentId: number;
  portalSlug: string;
  categoryPrefix: string;
  /** In Community Review, by the customer persona, with the partner's work-around comment. */
  ideaOpen: string;
  workaroundCommentId: number;
  /** Every persona that may vote has voted for it. */
  ideaVoted: string;
  /** Accepted, linked to `featureLinked`. */
  ideaAccepted: string;
  accessRequestId: number;
  voteRequestId: number;
  holidayDate: string;
  calendarId: number;
  calendarHolidayDate: string;
  templateItemId: number;
  resetToken: string;
  /** A signed digest unsubscribe link's token, for the target user. */
  unsubscribeToken: string;
  /** One notification of each persona's own, to open. */
  notificationIds: Record<SignedIn, number>;
};

const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * One world with something of every kind for every role to act on: a product release in its
 * first (active) sprint with members of every project role, stories in every state, a go-live,
 * a ceremony, a blocker, a retro action, a document; a portal with ideas in the states the
 * actions need; pending access and vote requests; holidays and a calendar. Built once, then
 * copied per call (see `WorldCopies`), so that an allowed call never changes what the next sees.
 */
export async function buildWorld(db: Db): Promise<World> {
  const { admin, pm, slug, prefix } = await makePortal(db, { prefix: "MTRX" });
  const users = {
    admin,
    pm,
    staff: await makeUser(db, "staff"),
    customer: await makeUser(db, "customer"),
    partner: await makeUser(db, "partner"),
    scrum_master: await makeUser(db, "staff"),
    product_owner: await makeUser(db, "staff"),
    co_product_owner: await makeUser(db, "customer"),
    team_delivery: await makeUser(db, "staff"),
    team_customer: await makeUser(db, "customer"),
    viewer: await makeUser(db, "partner"),
  } satisfies Record<SignedIn, User>;
  const target = await makeUser(db, "customer");
  const requester = await makeUser(db, "partner");
  const { scrum_master: sm, product_owner: po, co_product_owner: copo } = users;

  // Kickoff ended eleven days ago, so sprint 1 is running today.
  const project = createProject(db, sm, { name: "Matrix release", customer: "Internal", kind: "product_release", sowSignedOn: fromToday(-32), staffedOn: fromToday(-32) });
  addMember(db, sm, project.id, { userId: po.id, role: "product_owner" });
  addMember(db, sm, project.id, { userId: copo.id, role: "co_product_owner" });
  addMember(db, sm, project.id, { userId: users.team_delivery.id, role: "team" });
  addMember(db, sm, project.id, { userId: users.team_customer.id, role: "team", side: "customer" });
  addMember(db, sm, project.id, { userId: users.viewer.id, role: "viewer" });
  const [active, planned] = generateSprints(db, sm, project.id, { count: 3 });
  const featureInGoLive = createFeature(db, po, project.id, { name: "Callback" }).id;
  const featureLinked = createFeature(db, po, project.id, { name: "Reporting" }).id;
  const featureFree = createFeature(db, po, project.id, { name: "Surveys" }).id;
  const story = (title: string) => createStory(db, po, project.id, { title, points: 3, acceptanceCriteria: ["it works"] }).id;
  const storyTodo = story("Offer a callback after five minutes");
  const storyDone = story("Play the expected wait time");
  const storyAccepted = story("Greet callers per queue");
  const storyBacklog = story("Post-call survey by SMS");
  const storyWontDo = story("Fax the daily report");
  closeAsWontDo(db, po, storyWontDo, { reason: "Nobody reads faxes any more." });
  for (const id of [storyTodo, storyDone, storyAccepted]) updateStory(db, po, id, { sprintId: active.id });
  startSprint(db, sm, active.id);
  for (const id of [storyDone, storyAccepted]) {
    updateStory(db, po, id, { status: "in_progress" });
    updateStory(db, po, id, { status: "done" });
  }
  decideAtDemo(db, copo, active.id, { storyId: storyAccepted, decision: "accept" });
  const goLiveId = createGoLive(db, po, project.id, { name: "First go-live", sprintId: planned.id, featureIds: [featureInGoLive] }).id;
  const [ceremonyId, cancelledCeremonyId] = db.select({ id: ceremonies.id }).from(ceremonies).where(eq(ceremonies.sprintId, planned.id)).limit(2).all().map((c) => c.id);
  cancelCeremony(db, sm, cancelledCeremonyId, { reason: "Team offsite" });
  const storyCommentId = addStoryComment(db, users.team_delivery, storyTodo, { body: "The callback number comes from the IVR." }).id;
  const storyLinkId = addLinkAttachment(db, users.team_delivery, storyTodo, { name: "Callback spec", url: "https://example.test/callback-spec" }).id;
  const blockerId = raiseBlocker(db, users.team_delivery, project.id, { title: "Test tenant not provisioned", side: "customer" }).id;
  const retroActionId = addRetroItem(db, users.team_delivery, active.id, { column: "action", text: "Book the test lab earlier", ownerId: users.team_delivery.id }).id;
  const transitionItemId = db.select({ id: transitionItems.id }).from(transitionItems).where(eq(transitionItems.projectId, project.id)).get()!.id;
  const documentId = createDocument(db, users.team_delivery, project.id, { kind: "design", title: "Routing design", body: "# Routing" }).id;

  const ideaOpen = makeIdea(db, users.customer, prefix, "Report transfers per segment").key;
  const workaroundCommentId = addComment(db, users.partner, ideaOpen, { body: "Export the segment table to a sheet meanwhile.", kind: "workaround" }).id;
  const ideaVoted = makeIdea(db, users.partner, prefix, "Show queue wait time on the wallboard").key;
  for (const p of ["admin", "staff", "customer", "partner", "scrum_master", "product_owner", "co_product_owner", "team_delivery", "team_customer", "viewer"] as const) {
    castVote(db, users[p], ideaVoted);
  }
  const ideaAccepted = makeIdea(db, users.staff, prefix, "Callback from the web chat").key;
  moveIdea(db, pm, ideaAccepted, { status: "under_pm_review", note: "Looking into it." });
  moveIdea(db, pm, ideaAccepted, { status: "accepted", note: "Planned.", targetDate: fromToday(90) });
  linkIdea(db, pm, ideaAccepted, { featureId: featureLinked });

  requestAccess(db, { name: "Pat Doe", email: "pat@fabrikam.test", company: "Fabrikam", role: "customer", reason: "We run the contact center for Fabrikam." });
  const accessRequestId = (db.$client.prepare("select max(id) as id from access_requests").get() as { id: number }).id;
  requestMoreVotes(db, requester, { reason: "We have many ideas to back this quarter." });
  const voteRequestId = (db.$client.prepare("select max(id) as id from vote_requests").get() as { id: number }).id;
  const holidayDate = "2031-12-25";
  addHoliday(db, admin, { date: holidayDate, name: "Christmas Day" });
  const calendarId = createCalendar(db, admin, { name: "Matrix holidays" }).id;
  const calendarHolidayDate = "2031-01-01";
  addCalendarHoliday(db, admin, calendarId, { date: calendarHolidayDate, name: "New Year" });
  const templateItemId = db.select({ id: checklistTemplateItems.id }).from(checklistTemplateItems).get()!.id;
  const resetToken = issueResetLink(db, admin, target.id).split("/").at(-1)!;

  // What the page's confirm steps ask (the domain's own sentence, from a refused dry run).
  const consequenceOf = (run: (unconfirmed: { given: string }) => unknown): string => {
    try {
      run({ given: "" });
    } catch (error) {
      if (isDomainError(error) && error.consequence) return error.consequence;
      throw error;
    }
    throw new Error("expected the change to ask for a confirmation");
  };
  const closeConsequence = consequenceOf((c) => closeSprint(db, sm, active.id, { unfinished: "backlog" }, new Date(), c));
  const goLiveDoneConsequence = consequenceOf((c) => markGoLiveDone(db, po, goLiveId, { releaseNoteUrl: "https://example.test/notes/1" }, c));
  const storyDeleteConsequence = consequenceOf((c) => deleteStory(db, po, storyBacklog, { confirmation: c }));
  const goLiveDeleteConsequence = consequenceOf((c) => deleteGoLive(db, po, goLiveId, { confirmation: c }));
  const featureDeleteConsequence = consequenceOf((c) => deleteFeature(db, po, featureFree, { confirmation: c }));

  // Every member has a day off to take back; the day-off row records another one.
  const [, , activeSprintWorkday, activeSprintDayOff] = sprintWorkingDays(active, new Set());
  for (const p of ["scrum_master", "product_owner", "co_product_owner", "team_delivery", "team_customer", "viewer"] as const) addDayOff(db, users[p], active.id, { date: activeSprintDayOff });
  // After the days off: the sentence counts the viewer's.
  const memberRemoveConsequence = consequenceOf((c) => removeMember(db, sm, project.id, users.viewer.id, { confirmation: c }));

  const cookies = {} as Record<SignedIn, string>;
  const tokens = {} as Record<SignedIn, string>;
  const tokenIds = {} as Record<SignedIn, number>;
  const notificationIds = {} as Record<SignedIn, number>;
  for (const [persona, user] of Object.entries(users) as [SignedIn, User][]) {
    notify(db, [user.id], { text: "Welcome to the matrix world.", link: "/notifications", dedupeKey: "matrix-welcome" });
    notificationIds[persona] = db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.dedupeKey, "matrix-welcome"))).get()!.id;
    const cookie = await sessionCookie().serialize(createSession(db, user.id));
    cookies[persona] = cookie.split(";")[0];
    const made = createToken(db, user.id, { name: "matrix" });
    tokens[persona] = made.token;
    tokenIds[persona] = made.id;
  }
  return {
    users,
    cookies,
    tokens,
    tokenIds,
    target,
    projectId: project.id,
    activeSprintId: active.id,
    activeSprintWorkday,
    activeSprintDayOff,
    plannedSprintId: planned.id,
    plannedSprintStart: planned.start,
    plannedSprintLaterStart: sprintWorkingDays(planned, new Set())[5],
    closeConsequence,
    goLiveDoneConsequence,
    storyDeleteConsequence,
    goLiveDeleteConsequence,
    featureDeleteConsequence,
    memberRemoveConsequence,
    featureInGoLive,
    featureLinked,
    featureFree,
    storyTodo,
    storyCommentId,
    storyLinkId,
    storyDone,
    storyAccepted,
    storyBacklog,
    storyWontDo,
    goLiveId,
    ceremonyId,
    cancelledCeremonyId,
    projectStart: project.sowSignedOn,
    blockerId,
    retroActionId,
    transitionItemId,
    documentId,
    portalSlug: slug,
    categoryPrefix: prefix,
    ideaOpen,
    workaroundCommentId,
    ideaVoted,
    ideaAccepted,
    accessRequestId,
    voteRequestId,
    holidayDate,
    calendarId,
    calendarHolidayDate,
    templateItemId,
    resetToken,
    unsubscribeToken: unsubscribeToken(target.id, "digest", sessionSecret()),
    notificationIds,
  };
}

/**
 * The world, built once into a real migrated SQLite file, and fresh copies of it made the
 * process's database (the one the routes' own `getDb()` returns). A copy is that file
 * deserialized into memory: the same schema, data and connection setup, without a file per copy.
 */
export class WorldCopies {
  private image!: Buffer;
  world!: World;

  async build(): Promise<World> {
    process.env.SESSION_SECRET ??= "matrix-session-secret-long-enough";
    const db = freshDb();
    process.env.DATABASE_URL = db.$client.name;
    globalThis.__sprintlabDb = db;
    this.world = await buildWorld(db);
    // An image in WAL mode cannot be opened from memory.
    db.$client.pragma("journal_mode = DELETE");
    this.image = db.$client.serialize();
    db.$client.close();
    globalThis.__sprintlabDb = undefined;
    return this.world;
  }

  /** A fresh copy of the world, made the process's database. */
  fresh(): Db {
    globalThis.__sprintlabDb?.$client.close();
    const db = connect(new Database(this.image));
    globalThis.__sprintlabDb = db;
    return db;
  }

  dispose(): void {
    globalThis.__sprintlabDb?.$client.close();
    globalThis.__sprintlabDb = undefined;
  }
}

/**
 * Columns every request may touch without changing anything the product shows: a session's
 * or token's last use. Rate-limit and sign-in-attempt rows are bookkeeping of requests.
 */
const VOLATILE_TABLES = new Set(["rate_limit_hits", "sign_in_attempts", "__drizzle_migrations"]);
const VOLATILE_COLUMNS: Record<string, string[]> = { sessions: ["last_seen_at"], access_tokens: ["last_used_at"] };

const statements = new WeakMap<object, { name: string; all: () => unknown[] }[]>();

function tableReads(db: Db) {
  let reads = statements.get(db.$client);
  if (!reads) {
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
    reads = tables.filter(({ name }) => !VOLATILE_TABLES.has(name)).map(({ name }) => {
      const statement = db.$client.prepare(`select * from "${name}"`);
      return { name, all: () => statement.all() };
    });
    statements.set(db.$client, reads);
  }
  return reads;
}

/** A hash over every row of every table (order-independent), bookkeeping columns left out. */
export function digest(db: Db): string {
  const hash = createHash("sha256");
  for (const { name, all } of tableReads(db)) {
    const skip = VOLATILE_COLUMNS[name] ?? [];
    const rows = (all() as Record<string, unknown>[]).map((row) => {
      for (const column of skip) delete row[column];
      return JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("base64") : typeof v === "bigint" ? String(v) : v));
    });
    rows.sort();
    hash.update(`${name}\n${rows.join("\n")}\n`);
  }
  return hash.digest("hex");
}

export { TEST_PASSWORD };
