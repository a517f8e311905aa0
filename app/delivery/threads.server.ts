import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { databasePath } from "../../db/client.server";
import { stories, storyAttachments, storyCommentRevisions, storyComments, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import type { Confirmation } from "../lib/confirm";
import { requireConfirmation } from "../lib/confirm";
import { DomainError } from "../lib/errors";
import { newMentions } from "../lib/mentions";
import { renderMarkdown } from "../lib/markdown.server";
import { parseInput, webLinkSchema, oneLine } from "../lib/validation";
import { DOC_KINDS } from "./docs";
import { notifyMentions } from "./mentions.server";
import { STORY_COMMENT_DELETE_CONSEQUENCE, attachmentRemovalConsequence, attachmentRemovalRefusal, storyCommentChangeRefusal } from "./thread-rules";
import { getProject, membershipOf } from "./projects.server";
import { recordEvent } from "./stories.server";

/** Files up to 10 MB (SPEC A2). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The file types a story may carry, by extension, with the content type they are served as. The
 * browser is never handed HTML, SVG or script to run: everything else is refused at upload.
 */
export const ATTACHMENT_TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".log": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".vsdx": "application/vnd.ms-visio.drawing",
  ".zip": "application/zip",
  ".wav": "audio/wav",
  ".mp3": "audio/mpeg",
};

/** Where attachment files live: `attachments/` beside the database file, unless ATTACHMENTS_DIR says otherwise. */
export function attachmentsDir(): string {
  return process.env.ATTACHMENTS_DIR || join(dirname(databasePath()), "attachments");
}

/** Story files are for the project's members (and admins) only, not for staff reading the portfolio. */
function holdsFiles(viewer: User, role: string | null): boolean {
  return role !== null || viewer.role === "admin";
}

function findStory(db: DbOrTx, storyId: number) {
  const story = db.select().from(stories).where(eq(stories.id, storyId)).get();
  if (!story) throw new DomainError("not_found", "No such story.");
  return story;
}

/** A note in a story's thread from the demo or customer testing, inside their transaction. */
export function threadNote(tx: DbOrTx, storyId: number, authorId: number, kind: "demo" | "test", body: string, at = new Date()): void {
  tx.insert(storyComments).values({ storyId, authorId, kind, body, at: at.toISOString() }).run();
}

export type StoryCommentRevision = { body: string; writtenAt: string; replacedAt: string; by: string; deletion: boolean };

/** The earlier texts of these story comments, newest first, in one query. */
function revisionsOf(db: DbOrTx, commentIds: number[]): Map<number, StoryCommentRevision[]> {
  const byComment = new Map<number, StoryCommentRevision[]>();
  if (!commentIds.length) return byComment;
  const rows = db
    .select({ commentId: storyCommentRevisions.commentId, body: storyCommentRevisions.body, writtenAt: storyCommentRevisions.writtenAt, replacedAt: storyCommentRevisions.at, by: users.name, deletedAt: storyComments.deletedAt })
    .from(storyCommentRevisions)
    .innerJoin(users, eq(users.id, storyCommentRevisions.byId))
    .innerJoin(storyComments, eq(storyComments.id, storyCommentRevisions.commentId))
    .where(inArray(storyCommentRevisions.commentId, commentIds))
    .orderBy(desc(storyCommentRevisions.id))
    .all();
  for (const { commentId, deletedAt, ...r } of rows) {
    const list = byComment.get(commentId) ?? [];
    // The newest revision of a deleted comment is the text it had when its author deleted it.
    list.push({ ...r, deletion: Boolean(deletedAt) && list.length === 0 });
    byComment.set(commentId, list);
  }
  return byComment;
}

/**
 * A story's thread, oldest first. A deleted comment stays as a marker without its text; the
 * scrum master and admins (who run the project) also get each comment's earlier texts.
 */
function threadComments(db: Db, viewer: User, role: ReturnType<typeof getProject>["role"], storyId: number) {
  const rows = db
    .select({ id: storyComments.id, kind: storyComments.kind, body: storyComments.body, at: storyComments.at, editedAt: storyComments.editedAt, deletedAt: storyComments.deletedAt, authorId: users.id, author: users.name })
    .from(storyComments)
    .innerJoin(users, eq(users.id, storyComments.authorId))
    .where(eq(storyComments.storyId, storyId))
    .orderBy(asc(storyComments.at), asc(storyComments.id))
    .all();
  const revisions = projectCan(viewer.role, role, "project.manage") ? revisionsOf(db, rows.map((r) => r.id)) : null;
  return rows.map(({ deletedAt, body, ...c }) => {
    const deleted = deletedAt !== null;
    return {
      ...c,
      body: deleted ? "" : body,
      html: deleted ? "" : renderMarkdown(body),
      edited: c.editedAt !== null,
      deleted,
      /** Its author may edit and delete it (a demo or customer-test note is part of that record). */
      mine: storyCommentChangeRefusal(viewer.id, { authorId: c.authorId, deletedAt, kind: c.kind }, "edit") === null,
      revisions: revisions ? revisions.get(c.id) ?? [] : null,
    };
  });
}

export type StoryComment = ReturnType<typeof threadComments>[number];

/** What the API answers for a story comment. */
export function storyCommentJson(c: StoryComment) {
  return { id: c.id, kind: c.kind, body: c.body, author: { id: c.authorId, name: c.author }, createdAt: c.at, edited: c.edited, editedAt: c.editedAt, deleted: c.deleted };
}

/** A story with its thread, attachments, defects and what the viewer may do (the story page). */
export function storyThread(db: Db, viewer: User, storyId: number) {
  const story = findStory(db, storyId);
  const { project, role } = getProject(db, viewer, story.projectId);
  const comments = threadComments(db, viewer, role, storyId);
  const member = holdsFiles(viewer, role);
  const manages = projectCan(viewer.role, role, "project.manage");
  const attachments = member
    ? db
        .select({ id: storyAttachments.id, kind: storyAttachments.kind, name: storyAttachments.name, url: storyAttachments.url, size: storyAttachments.size, at: storyAttachments.at, by: users.name, uploadedById: storyAttachments.uploadedById, removedAt: storyAttachments.removedAt })
        .from(storyAttachments)
        .innerJoin(users, eq(users.id, storyAttachments.uploadedById))
        .where(and(eq(storyAttachments.storyId, storyId), isNull(storyAttachments.removedAt)))
        .orderBy(asc(storyAttachments.id))
        .all()
        .map(({ uploadedById, removedAt, ...a }) => ({
          ...a,
          /** Its uploader or the scrum master may remove it. */
          removable: attachmentRemovalRefusal(viewer.id, manages, { uploadedById, removedAt }) === null,
          removeConsequence: attachmentRemovalConsequence(a),
        }))
    : [];
  const defects = db.select({ id: stories.id, title: stories.title, status: stories.status }).from(stories).where(eq(stories.defectOf, storyId)).all();
  const parent = story.defectOf ? db.select({ id: stories.id, title: stories.title }).from(stories).where(eq(stories.id, story.defectOf)).get() ?? null : null;
  const testedBy = story.testById ? db.select({ name: users.name }).from(users).where(eq(users.id, story.testById)).get()?.name ?? null : null;
  return {
    story,
    descriptionHtml: renderMarkdown(story.description),
    project,
    comments,
    attachments,
    defects,
    parent,
    testedBy,
    can: {
      comment: projectCan(viewer.role, role, "project.comment"),
      attach: member && projectCan(viewer.role, role, "stories.create"),
      test: projectCan(viewer.role, role, "customerTest.record"),
      edit: projectCan(viewer.role, role, "stories.editContent"),
    },
  };
}

export const CommentSchema = z.object({ body: z.string({ error: "Write the comment." }).trim().min(1, "Write the comment.").max(10_000, "Keep it under 10,000 characters.") });

/** A comment on a story (Markdown); each project member it @mentions is notified. */
export function addStoryComment(db: Db, actor: User, storyId: number, input: unknown) {
  const story = findStory(db, storyId);
  const { role } = getProject(db, actor, story.projectId);
  if (!projectCan(actor.role, role, "project.comment")) throw new DomainError("forbidden", "Only project members comment on stories.");
  const { body } = parseInput(CommentSchema, input);
  return db.transaction((tx) => {
    const comment = tx.insert(storyComments).values({ storyId, authorId: actor.id, kind: "comment", body }).returning().get();
    notifyMentions(tx, story.projectId, body, { authorName: actor.name, where: `a comment on “${story.title}”`, link: `/stories/${storyId}#comment-${comment.id}` }, actor.id);
    return comment;
  });
}

/** The comment with this id on this story (a comment of another story is not there to be changed from it). */
function commentOfStory(tx: DbOrTx, actor: User, storyId: number, commentId: number) {
  const story = findStory(tx, storyId);
  // Someone who may not read the project is told the story does not exist.
  getProject(tx, actor, story.projectId);
  const comment = tx.select().from(storyComments).where(and(eq(storyComments.id, commentId), eq(storyComments.storyId, storyId))).get();
  if (!comment) throw new DomainError("not_found", "No such comment.");
  return { story, comment };
}

function refuse(refusal: ReturnType<typeof storyCommentChangeRefusal>): void {
  if (refusal) throw new DomainError(refusal.code, refusal.message);
}

function keepEarlierText(tx: DbOrTx, comment: { id: number; body: string; at: string; editedAt: string | null }, byId: number, at: string): void {
  tx.insert(storyCommentRevisions).values({ commentId: comment.id, body: comment.body, writtenAt: comment.editedAt ?? comment.at, byId, at }).run();
}

/** One story comment as the viewer sees it. */
export function storyComment(db: Db, viewer: User, storyId: number, commentId: number): StoryComment {
  const { story } = commentOfStory(db, viewer, storyId, commentId);
  const { role } = getProject(db, viewer, story.projectId);
  return threadComments(db, viewer, role, storyId).find((c) => c.id === commentId)!;
}

/**
 * The author rewrites their comment (decision 11): the earlier text is kept, the comment shows
 * as edited, and only the members the edit newly mentions are told. The same text again changes
 * nothing. Nobody else edits it, the scrum master included; a demo or test note is not edited.
 */
export function editStoryComment(db: Db, actor: User, storyId: number, commentId: number, input: unknown): StoryComment {
  db.transaction((tx) => {
    const { story, comment } = commentOfStory(tx, actor, storyId, commentId);
    refuse(storyCommentChangeRefusal(actor.id, comment, "edit"));
    const { body } = parseInput(CommentSchema, input);
    if (body === comment.body) return;
    const at = new Date().toISOString();
    keepEarlierText(tx, comment, actor.id, at);
    tx.update(storyComments).set({ body, editedAt: at }).where(eq(storyComments.id, comment.id)).run();
    notifyMentions(tx, story.projectId, body, { authorName: actor.name, where: `a comment on “${story.title}”`, link: `/stories/${storyId}#comment-${comment.id}` }, actor.id, newMentions(comment.body, body));
  });
  return storyComment(db, actor, storyId, commentId);
}

/**
 * The author deletes their comment: it stays in the thread as "deleted by its author", its text
 * kept for the scrum master. A page confirms first (decision 10); the API does not.
 */
export function deleteStoryComment(db: Db, actor: User, storyId: number, commentId: number, confirmation?: Confirmation): void {
  db.transaction((tx) => {
    const { comment } = commentOfStory(tx, actor, storyId, commentId);
    refuse(storyCommentChangeRefusal(actor.id, comment, "delete"));
    requireConfirmation(confirmation, "Deleting a comment", STORY_COMMENT_DELETE_CONSEQUENCE);
    const at = new Date().toISOString();
    keepEarlierText(tx, comment, actor.id, at);
    tx.update(storyComments).set({ body: "", deletedAt: at }).where(eq(storyComments.id, comment.id)).run();
  });
}

/**
 * Its uploader or the project's scrum master (or an admin) removes an attachment. The row stays
 * (who attached what, and when) out of sight, the story's history says who removed it, and a
 * file's bytes are deleted once that has committed. A page confirms first; the API does not.
 */
export function removeAttachment(db: Db, actor: User, storyId: number, attachmentId: number, { dir = attachmentsDir(), confirmation }: { dir?: string; confirmation?: Confirmation } = {}): void {
  const storedAs = db.transaction((tx) => {
    const story = findStory(tx, storyId);
    const { project, role } = getProject(tx, actor, story.projectId);
    const attachment = tx.select().from(storyAttachments).where(and(eq(storyAttachments.id, attachmentId), eq(storyAttachments.storyId, storyId))).get();
    // Files are for the project's members: anyone else is told it does not exist.
    if (!attachment || !holdsFiles(actor, role)) throw new DomainError("not_found", "No such attachment.");
    refuse(attachmentRemovalRefusal(actor.id, projectCan(actor.role, role, "project.manage"), attachment));
    requireConfirmation(confirmation, `Removing ${attachment.name}`, attachmentRemovalConsequence(attachment));
    tx.update(storyAttachments).set({ removedAt: new Date().toISOString(), removedById: actor.id }).where(eq(storyAttachments.id, attachment.id)).run();
    recordEvent(tx, story, project.timeZone, actor.id, "attachment_removed", attachment.name, null);
    return attachment.storedAs;
  });
  // The row change has committed; the bytes follow (a crash here leaves only an unreachable file).
  if (storedAs) rmSync(join(dir, storedAs), { force: true });
}

function requireAttacher(db: Db, actor: User, storyId: number) {
  const story = findStory(db, storyId);
  const { role } = getProject(db, actor, story.projectId);
  if (!holdsFiles(actor, role) || !projectCan(actor.role, role, "stories.create")) {
    throw new DomainError("forbidden", "Only the project's team and owners attach to stories.");
  }
  return story;
}

export const LinkAttachmentSchema = z.object({
  name: z.string({ error: "Name the link." }).overwrite(oneLine).trim().min(1, "Name the link.").max(200, "Keep the name under 200 characters."),
  url: webLinkSchema("Give a full web address, like https://…"),
});

export function addLinkAttachment(db: Db, actor: User, storyId: number, input: unknown) {
  requireAttacher(db, actor, storyId);
  const data = parseInput(LinkAttachmentSchema, input);
  return db.insert(storyAttachments).values({ storyId, uploadedById: actor.id, kind: "link", name: data.name, url: data.url }).returning().get();
}

/** A file's name as shown and downloaded: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return oneLine(base).replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(-200);
}

/**
 * Attach a file (SPEC A2): up to 10 MB, of an allowed type by its extension; kept under the data
 * folder by a random name (never the uploaded one), with the type it will be served as.
 */
export function addFileAttachment(db: Db, actor: User, storyId: number, file: { name: string; size: number; bytes: Uint8Array }, dir = attachmentsDir()) {
  requireAttacher(db, actor, storyId);
  const name = cleanFileName(file.name);
  if (!name) throw new DomainError("invalid", "Choose a file.", { fields: { file: "Choose a file." } });
  if (file.size === 0) throw new DomainError("invalid", "The file is empty.", { fields: { file: "The file is empty." } });
  if (file.size > MAX_ATTACHMENT_BYTES) throw new DomainError("invalid", "Files are at most 10 MB.", { fields: { file: `${name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; files are at most 10 MB.` } });
  const type = ATTACHMENT_TYPES[extname(name).toLowerCase()];
  if (!type) {
    throw new DomainError("invalid", "This type of file is not accepted.", { fields: { file: `${extname(name) || "Files without an extension"} ${extname(name) ? "files are" : "are"} not accepted: attach PDF, images, text, Office documents, audio or ZIP.` } });
  }
  const storedAs = `${randomBytes(16).toString("hex")}.bin`;
  // Customer files: readable by the server's user only.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, storedAs);
  writeFileSync(path, file.bytes, { flag: "wx", mode: 0o600 });
  // The file is kept only if its row commits: a failed insert leaves nothing behind.
  try {
    return db.insert(storyAttachments).values({ storyId, uploadedById: actor.id, kind: "file", name, contentType: type, size: file.size, storedAs }).returning().get();
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}

/** A file for download: project members (and admins) only; anyone else is told it does not exist. */
export function attachmentFile(db: Db, viewer: User, id: number, dir = attachmentsDir()) {
  const row = db
    .select({ a: storyAttachments, projectId: stories.projectId })
    .from(storyAttachments)
    .innerJoin(stories, eq(stories.id, storyAttachments.storyId))
    .where(and(eq(storyAttachments.id, id), eq(storyAttachments.kind, "file"), isNull(storyAttachments.removedAt)))
    .get();
  if (!row || !holdsFiles(viewer, membershipOf(db, row.projectId, viewer.id))) throw new DomainError("not_found", "No such attachment.");
  return { path: join(dir, row.a.storedAs!), name: row.a.name, contentType: row.a.contentType ?? "application/octet-stream", size: row.a.size ?? 0 };
}

export const DocKindsSchema = z.object({ docKinds: z.array(z.enum(DOC_KINDS, { error: "Unknown document kind." })).max(3) });

/** Which As-Delivered documents a story changes (SPEC A7). */
export function setStoryDocKinds(db: Db, actor: User, storyId: number, input: unknown) {
  const story = findStory(db, storyId);
  const { project, role } = getProject(db, actor, story.projectId);
  if (!projectCan(actor.role, role, "stories.editContent")) throw new DomainError("forbidden", "Your role in this project does not edit stories.");
  const { docKinds } = parseInput(DocKindsSchema, input);
  const next = [...new Set(docKinds)];
  db.transaction((tx) => {
    const current = tx.select({ docKinds: stories.docKinds }).from(stories).where(eq(stories.id, storyId)).get()!;
    if (JSON.stringify(current.docKinds) === JSON.stringify(next)) return;
    tx.update(stories).set({ docKinds: next }).where(eq(stories.id, storyId)).run();
    // The story's history says who changed which documents it touches.
    recordEvent(tx, story, project.timeZone, actor.id, "doc_kinds", current.docKinds, next);
  });
}
