import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { databasePath } from "../../db/client.server";
import { stories, storyAttachments, storyComments, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { renderMarkdown } from "../lib/markdown.server";
import { parseInput, webLinkSchema, oneLine } from "../lib/validation";
import { DOC_KINDS } from "./docs";
import { notifyMentions } from "./mentions.server";
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

/** A story with its thread, attachments, defects and what the viewer may do (the story page). */
export function storyThread(db: Db, viewer: User, storyId: number) {
  const story = findStory(db, storyId);
  const { project, role } = getProject(db, viewer, story.projectId);
  const comments = db
    .select({ id: storyComments.id, kind: storyComments.kind, body: storyComments.body, at: storyComments.at, author: users.name })
    .from(storyComments)
    .innerJoin(users, eq(users.id, storyComments.authorId))
    .where(eq(storyComments.storyId, storyId))
    .orderBy(asc(storyComments.at), asc(storyComments.id))
    .all()
    .map((c) => ({ ...c, html: renderMarkdown(c.body) }));
  const member = holdsFiles(viewer, role);
  const attachments = member
    ? db
        .select({ id: storyAttachments.id, kind: storyAttachments.kind, name: storyAttachments.name, url: storyAttachments.url, size: storyAttachments.size, at: storyAttachments.at, by: users.name })
        .from(storyAttachments)
        .innerJoin(users, eq(users.id, storyAttachments.uploadedById))
        .where(eq(storyAttachments.storyId, storyId))
        .orderBy(asc(storyAttachments.id))
        .all()
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
    .where(and(eq(storyAttachments.id, id), eq(storyAttachments.kind, "file")))
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
