/** A story's conversation and attachments, and the As-Delivered documents with their revisions (SPEC A2, A6). */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { now } from "./now";
import { users } from "./auth";
import { projects, sprints, stories } from "./delivery";


/** A story's thread (SPEC A2): comments with @mentions, and the demo decisions and customer-test notes. */
export const storyComments = sqliteTable(
  "story_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["comment", "demo", "test"] }).notNull().default("comment"),
    /** Markdown, rendered without raw HTML. */
    body: text("body").notNull(),
    at: text("at").notNull().default(now),
    /** Set when its author rewrote it (the earlier text is in `story_comment_revisions`). */
    editedAt: text("edited_at"),
    /** Set when its author deleted it: the body is emptied, the row stays as a marker (decision 11). */
    deletedAt: text("deleted_at"),
  },
  (t) => [index("story_comments_story_idx").on(t.storyId, t.at)],
);

/** The texts a story comment had before its author edited or deleted it (decision 11). */
export const storyCommentRevisions = sqliteTable(
  "story_comment_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => storyComments.id),
    /** The text as it read before the change. */
    body: text("body").notNull(),
    /** When that text was written (the comment's creation or its previous edit). */
    writtenAt: text("written_at").notNull(),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    /** When it was replaced (edited) or taken down (deleted). */
    at: text("at").notNull().default(now),
  },
  (t) => [index("story_comment_revisions_comment_idx").on(t.commentId, t.id), index("story_comment_revisions_by_idx").on(t.byId)],
);

/** Links and files attached to a story; files live under the data folder by a random name. */
export const storyAttachments = sqliteTable(
  "story_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id),
    uploadedById: integer("uploaded_by_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["link", "file"] }).notNull(),
    name: text("name").notNull(),
    url: text("url"),
    contentType: text("content_type"),
    size: integer("size"),
    storedAs: text("stored_as"),
    at: text("at").notNull().default(now),
    /** Removed by its uploader or the scrum master: the row stays (a file's bytes go), the story's history says so. */
    removedAt: text("removed_at"),
    removedById: integer("removed_by_id").references(() => users.id),
  },
  (t) => [index("story_attachments_story_idx").on(t.storyId)],
);

/** As-Delivered documents (SPEC A7): Design, Call Flows, Configuration, each with its revisions. */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    kind: text("kind", { enum: ["design", "call_flows", "configuration"] }).notNull(),
    title: text("title").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("documents_project_idx").on(t.projectId, t.kind)],
);

/** Every save of a document is a revision, stamped with the sprint active at the time. */
export const documentRevisions = sqliteTable(
  "document_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    number: integer("number").notNull(),
    body: text("body").notNull(),
    sprintId: integer("sprint_id").references(() => sprints.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    note: text("note").notNull().default(""),
    at: text("at").notNull().default(now),
    /** `at` as a calendar date in the project's time zone: the bundle picks by cutover date. */
    date: text("date").notNull(),
  },
  (t) => [uniqueIndex("document_revisions_number_unique").on(t.documentId, t.number), index("document_revisions_date_idx").on(t.documentId, t.date)],
);
