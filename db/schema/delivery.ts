import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { now } from "./now";
import { users } from "./auth";


import { PROJECT_KINDS, PROJECT_ROLES, SPRINT_STATES, STORY_EVENT_KINDS, STORY_STATUSES, STORY_TYPES } from "./enums";

export { PROJECT_KINDS, PROJECT_ROLES, SPRINT_STATES, STORY_EVENT_KINDS, STORY_STATUSES, STORY_TYPES } from "./enums";

/** Named holiday calendars an admin keeps (e.g. per country); a project picks one. */
export const holidayCalendars = sqliteTable("holiday_calendars", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
});

export const calendarHolidays = sqliteTable(
  "calendar_holidays",
  {
    calendarId: integer("calendar_id")
      .notNull()
      .references(() => holidayCalendars.id),
    date: text("date").notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.date] })],
);

export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    customer: text("customer").notNull(),
    kind: text("kind", { enum: PROJECT_KINDS }).notNull().default("customer_engagement"),
    sowSignedOn: text("sow_signed_on").notNull(),
    staffedOn: text("staffed_on").notNull(),
    /** A later kickoff start chosen by the scrum master; null = the later of the two dates. */
    kickoffStart: text("kickoff_start"),
    kickoffWeeks: integer("kickoff_weeks").notNull().default(3),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** A named holiday calendar; null means the installation's default (the holidays page). */
    calendarId: integer("calendar_id").references(() => holidayCalendars.id),
    /** When kickoff was ended and the release baseline frozen. */
    kickoffEndedAt: text("kickoff_ended_at"),
    /** Default time of day (HH:MM, project time zone) and length of each ceremony kind; null = the app's defaults. */
    ceremonyDefaults: text("ceremony_defaults", { mode: "json" }).$type<Partial<Record<string, { time?: string; minutes?: number }>>>(),
    /** The secret of the project's ICS subscribe URL; replaced to revoke the old one. */
    calendarToken: text("calendar_token"),
    /** The short key of its stories' keys (`ACME` of `ACME-42`); set at creation, null only before the start-up backfill. */
    key: text("key"),
    /** The last story number given out: numbers are never reused, a deleted story's included. */
    lastStoryNumber: integer("last_story_number").notNull().default(0),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("projects_name_idx").on(t.name), uniqueIndex("projects_key_unique").on(t.key)],
);

export const projectMembers = sqliteTable(
  "project_members",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: PROJECT_ROLES }).notNull(),
    side: text("side", { enum: ["delivery", "customer"] }).notNull().default("delivery"),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index("project_members_user_idx").on(t.userId)],
);

export const features = sqliteTable(
  "features",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    goLiveId: integer("go_live_id"),
  },
  (t) => [index("features_project_idx").on(t.projectId), index("features_go_live_idx").on(t.goLiveId)],
);

export const sprints = sqliteTable(
  "sprints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    number: integer("number").notNull(),
    start: text("start").notNull(),
    end: text("end").notNull(),
    /** A later start the scrum master gave this planned sprint (a gap before it). */
    chosenStart: text("chosen_start"),
    state: text("state", { enum: SPRINT_STATES }).notNull().default("planned"),
    goal: text("goal").notNull().default(""),
    capacity: integer("capacity"),
    startedAt: text("started_at"),
    closedAt: text("closed_at"),
    /** The last story event before the start, and before the close: the sprint's exact bounds in the event log. */
    startSeq: integer("start_seq"),
    closeSeq: integer("close_seq"),
    /** The report frozen at close: committed, completed, not completed, added, removed, re-estimated (absent before it was kept). */
    report: text("report", { mode: "json" }).$type<{ committed: number; completed: number; notCompleted: number; added: number; removed: number; reestimated?: number }>(),
    /** The burndown's axis frozen at close, so that a holiday added or removed later cannot redraw a closed sprint. */
    workingDays: text("working_days", { mode: "json" }).$type<string[]>(),
    /** The start's calendar entry: SEQUENCE, raised and stamped each time the start date moves (RFC 5545). */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    calendarChangedAt: text("calendar_changed_at"),
  },
  (t) => [uniqueIndex("sprints_project_number_unique").on(t.projectId, t.number), index("sprints_project_state_idx").on(t.projectId, t.state)],
);

export const stories = sqliteTable(
  "stories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    featureId: integer("feature_id").references(() => features.id),
    type: text("type", { enum: STORY_TYPES }).notNull().default("story"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    acceptanceCriteria: text("acceptance_criteria", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    points: integer("points"),
    status: text("status", { enum: STORY_STATUSES }).notNull().default("todo"),
    /** Position in the one ranked backlog; fractional so a move touches one row. */
    rank: real("rank").notNull(),
    sprintId: integer("sprint_id").references(() => sprints.id),
    testStatus: text("test_status", { enum: ["not_started", "testing", "passed", "failed"] }),
    testNote: text("test_note"),
    testById: integer("test_by_id").references(() => users.id),
    testAt: text("test_at"),
    /** The As-Delivered document kinds this story changes (SPEC A7). */
    docKinds: text("doc_kinds", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    defectOf: integer("defect_of"),
    /** `PROJECTKEY-N`, N counting per project; null only before the start-up backfill. */
    key: text("key"),
    /** One optional project member working on it. */
    assigneeId: integer("assignee_id").references(() => users.id),
    /** Closed as won't do (SPEC A2): out of the backlog and the forecast, restorable. */
    wontDoReason: text("wont_do_reason"),
    wontDoById: integer("wont_do_by_id").references(() => users.id),
    wontDoAt: text("wont_do_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("stories_key_unique").on(t.key),
    index("stories_assignee_idx").on(t.assigneeId),
    index("stories_project_rank_idx").on(t.projectId, t.rank),
    index("stories_sprint_idx").on(t.sprintId, t.status),
    // A feature's stories, and its roll-up (points left, accepted, passed) read from the index
    // alone: the portfolio and the release plan sum every feature of every project.
    index("stories_feature_rollup_idx").on(t.featureId, t.status, t.points, t.testStatus),
  ],
);

/** Append-only: every status, estimate and sprint-membership change, and each story's creation. */
export const storyEvents = sqliteTable(
  "story_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    byId: integer("by_id").references(() => users.id),
    kind: text("kind", { enum: STORY_EVENT_KINDS }).notNull(),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    at: text("at").notNull().default(now),
    /** `at` as a calendar date in the project's time zone, for day-by-day charts. */
    date: text("date").notNull(),
  },
  (t) => [index("story_events_story_idx").on(t.storyId, t.at), index("story_events_project_idx").on(t.projectId, t.at)],
);

export const goLives = sqliteTable(
  "go_lives",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    name: text("name").notNull(),
    sprintId: integer("sprint_id")
      .notNull()
      .references(() => sprints.id),
    cutoverOn: text("cutover_on").notNull(),
    hypercareEnd: text("hypercare_end").notNull(),
    decision: text("decision", { enum: ["go", "no_go"] }),
    decidedById: integer("decided_by_id").references(() => users.id),
    /** Who entered the go / no-go (the scrum master when on behalf of the co-product owner), when, and why. */
    decisionRecordedById: integer("decision_recorded_by_id").references(() => users.id),
    decidedAt: text("decided_at"),
    decisionComment: text("decision_comment"),
    releaseNoteUrl: text("release_note_url"),
    doneAt: text("done_at"),
    /** The cutover's calendar entry: SEQUENCE, raised and stamped each time the cutover moves (RFC 5545). */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    calendarChangedAt: text("calendar_changed_at"),
  },
  (t) => [index("go_lives_project_idx").on(t.projectId), index("go_lives_sprint_idx").on(t.sprintId)],
);

/** Logs of go-live date changes, of features moved between go-lives and of other edits, with who and why. */
export const goLiveChanges = sqliteTable(
  "go_live_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    goLiveId: integer("go_live_id")
      .notNull()
      .references(() => goLives.id),
    byId: integer("by_id").references(() => users.id),
    /** `date` is the cutover; `name`, `sprint`, `hypercare` and `release_note` are edits of the go-live itself. */
    kind: text("kind", { enum: ["date", "feature_in", "feature_out", "name", "sprint", "hypercare", "release_note"] }).notNull(),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    reason: text("reason").notNull().default(""),
    at: text("at").notNull().default(now),
  },
  (t) => [index("go_live_changes_go_live_idx").on(t.goLiveId)],
);

/** The scrum master's weekly red / amber / green status of a project. */
export const statusReports = sqliteTable(
  "status_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    rag: text("rag", { enum: ["red", "amber", "green"] }).notNull(),
    note: text("note").notNull(),
    at: text("at").notNull().default(now),
  },
  (t) => [index("status_reports_project_idx").on(t.projectId, t.at)],
);

/** The release baseline frozen when kickoff ends: points and dates per go-live, agreed by the co-product owner. */
export const releaseBaselines = sqliteTable(
  "release_baselines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    agreedById: integer("agreed_by_id")
      .notNull()
      .references(() => users.id),
    recordedById: integer("recorded_by_id")
      .notNull()
      .references(() => users.id),
    totalPoints: integer("total_points").notNull(),
    goLives: text("go_lives", { mode: "json" }).$type<{ id: number; name: string; points: number; cutoverOn: string }[]>().notNull(),
    at: text("at").notNull().default(now),
  },
  (t) => [uniqueIndex("release_baselines_project_unique").on(t.projectId)],
);

/** The admin-kept template of the Transition to Customer Care readiness checklist. */
export const checklistTemplateItems = sqliteTable("checklist_template_items", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  text: text("text").notNull(),
  position: integer("position").notNull(),
});

/** A project's own copy of the checklist: items can be added, done, or marked not applicable with a reason. */
export const transitionItems = sqliteTable(
  "transition_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    text: text("text").notNull(),
    position: integer("position").notNull(),
    state: text("state", { enum: ["open", "done", "not_applicable"] }).notNull().default("open"),
    reason: text("reason"),
    byId: integer("by_id").references(() => users.id),
    at: text("at"),
  },
  (t) => [index("transition_items_project_idx").on(t.projectId, t.position)],
);

/** Days a member of a project is away; planning suggests a capacity from them. */
export const daysOff = sqliteTable(
  "days_off",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    date: text("date").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId, t.date] })],
);

/** Decisions at the sprint demo (SPEC A4): kept even when superseded, the latest one counts. */
export const demoDecisions = sqliteTable(
  "demo_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sprintId: integer("sprint_id")
      .notNull()
      .references(() => sprints.id),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id),
    decision: text("decision", { enum: ["accept", "accept_with_follow_up", "reject"] }).notNull(),
    comment: text("comment").notNull().default(""),
    /** Indexes of the acceptance criteria not met (rejections). */
    unmetCriteria: text("unmet_criteria", { mode: "json" }).$type<number[]>().notNull().default(sql`'[]'`),
    then: text("then", { enum: ["in_progress", "backlog"] }),
    followUpStoryId: integer("follow_up_story_id").references(() => stories.id),
    /** The co-product owner whose decision it is; `recordedById` differs when the scrum master recorded it. */
    decidedById: integer("decided_by_id")
      .notNull()
      .references(() => users.id),
    recordedById: integer("recorded_by_id")
      .notNull()
      .references(() => users.id),
    supersededById: integer("superseded_by_id"),
    at: text("at").notNull().default(now),
  },
  (t) => [index("demo_decisions_sprint_idx").on(t.sprintId, t.storyId), index("demo_decisions_story_idx").on(t.storyId)],
);

/** Blockers as records of their own (SPEC A5): who owns them, which side, and when they were resolved. */
export const blockers = sqliteTable(
  "blockers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    title: text("title").notNull(),
    ownerId: integer("owner_id").references(() => users.id),
    side: text("side", { enum: ["delivery", "customer"] }).notNull(),
    storyId: integer("story_id").references(() => stories.id),
    raisedById: integer("raised_by_id")
      .notNull()
      .references(() => users.id),
    raisedAt: text("raised_at").notNull().default(now),
    dueOn: text("due_on"),
    resolvedById: integer("resolved_by_id").references(() => users.id),
    resolvedAt: text("resolved_at"),
    resolution: text("resolution"),
  },
  (t) => [index("blockers_project_idx").on(t.projectId, t.resolvedAt, t.raisedAt), index("blockers_owner_idx").on(t.ownerId)],
);

/** Retrospective items (SPEC A5): went well, to improve, and actions that carry over until closed. */
export const retroItems = sqliteTable(
  "retro_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    sprintId: integer("sprint_id")
      .notNull()
      .references(() => sprints.id),
    column: text("column", { enum: ["went_well", "to_improve", "action"] }).notNull(),
    text: text("text").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    ownerId: integer("owner_id").references(() => users.id),
    dueSprintId: integer("due_sprint_id").references(() => sprints.id),
    closedById: integer("closed_by_id").references(() => users.id),
    closedAt: text("closed_at"),
    at: text("at").notNull().default(now),
  },
  (t) => [index("retro_items_sprint_idx").on(t.sprintId), index("retro_items_open_actions_idx").on(t.projectId, t.column, t.closedAt)],
);
