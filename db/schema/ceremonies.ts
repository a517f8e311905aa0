/** Delivery's ceremonies (SPEC A5): the calendar of occurrences, standup entries and the grooming log. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { now } from "./now";
import { users } from "./auth";
import { projects, sprints, stories } from "./delivery";


/**
 * Ceremony occurrences (SPEC A5): laid per sprint from the project's defaults, re-laid with the
 * sprint; one moved by hand keeps its date and time, a cancelled one stays (as cancelled) in the
 * calendar feed. `sequence` counts changes for calendar clients.
 */
export const ceremonies = sqliteTable(
  "ceremonies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    sprintId: integer("sprint_id")
      .notNull()
      .references(() => sprints.id),
    kind: text("kind", { enum: ["planning", "standup", "grooming", "demo", "retro"] }).notNull(),
    /** The day the schedule gives it. */
    plannedOn: text("planned_on").notNull(),
    /** The day it takes place (differs once moved), time of day in the project's zone, length. */
    date: text("date").notNull(),
    time: text("time").notNull(),
    minutes: integer("minutes").notNull(),
    moved: integer("moved", { mode: "boolean" }).notNull().default(false),
    moveReason: text("move_reason"),
    cancelledAt: text("cancelled_at"),
    cancelReason: text("cancel_reason"),
    notes: text("notes").notNull().default(""),
    sequence: integer("sequence").notNull().default(0),
    updatedAt: text("updated_at").notNull().default(now),
    /** When members were reminded of it (the demo reminder); null until then. */
    remindedAt: text("reminded_at"),
  },
  (t) => [index("ceremonies_sprint_idx").on(t.sprintId, t.kind), index("ceremonies_project_date_idx").on(t.projectId, t.date)],
);

/** Optional standup entries (SPEC A5): what a member did yesterday and will do today. */
export const standupEntries = sqliteTable(
  "standup_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sprintId: integer("sprint_id")
      .notNull()
      .references(() => sprints.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    date: text("date").notNull(),
    yesterday: text("yesterday").notNull().default(""),
    today: text("today").notNull().default(""),
    at: text("at").notNull().default(now),
  },
  (t) => [uniqueIndex("standup_entries_unique").on(t.sprintId, t.date, t.userId)],
);

/** What a grooming session changed: one row per story field changed, by whom, on which session day. */
export const groomingChanges = sqliteTable(
  "grooming_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    /** The session: the day (project time zone) and the grooming occurrence of that day, if any. */
    sessionDate: text("session_date").notNull(),
    ceremonyId: integer("ceremony_id").references(() => ceremonies.id),
    field: text("field", { enum: ["points", "criteria", "ready", "title"] }).notNull(),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    at: text("at").notNull().default(now),
  },
  (t) => [index("grooming_changes_project_idx").on(t.projectId, t.sessionDate)],
);

