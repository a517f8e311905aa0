import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, max, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { documentRevisions, documents, goLives, sprints, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { renderMarkdown } from "../lib/markdown.server";
import { parseInput, oneLine } from "../lib/validation";
import { DOC_KINDS, diffSummary, lineDiff, revisionOn } from "./docs";
import { getProject, projectToday, requireProject } from "./projects.server";

const Body = z.string({ error: "Write the document." }).max(200_000, "Keep a document under 200,000 characters.");

export const NewDocumentSchema = z.object({
  kind: z.enum(DOC_KINDS, { error: "Choose Design, Call Flows or Configuration." }),
  title: z.string({ error: "Give the document a title." }).overwrite(oneLine).trim().min(3, "Give the document a title.").max(200),
  body: Body.default(""),
});

export const RevisionSchema = z.object({ body: Body, note: z.string().trim().max(500).optional().default("") });

/** The sprint active at a moment: started by then and not closed yet (none between sprints). */
function activeSprintId(db: Db, projectId: number, now: Date): number | null {
  const at = now.toISOString();
  return (
    db
      .select({ id: sprints.id })
      .from(sprints)
      .where(and(eq(sprints.projectId, projectId), lte(sprints.startedAt, at), or(isNull(sprints.closedAt), gt(sprints.closedAt, at))))
      .orderBy(desc(sprints.number))
      .limit(1)
      .get()?.id ?? null
  );
}

/** The project's documents, with their latest revision's number, sprint and date. */
export function listDocuments(db: Db, viewer: User, projectId: number) {
  const { project, role } = getProject(db, viewer, projectId);
  const docs = db.select().from(documents).where(eq(documents.projectId, projectId)).orderBy(asc(documents.kind), asc(documents.title)).all();
  const latest = docs.length
    ? db
        .select({ documentId: documentRevisions.documentId, number: documentRevisions.number, date: documentRevisions.date, sprint: sprints.number })
        .from(documentRevisions)
        .leftJoin(sprints, eq(sprints.id, documentRevisions.sprintId))
        .where(inArray(documentRevisions.documentId, docs.map((d) => d.id)))
        .orderBy(desc(documentRevisions.number))
        .all()
    : [];
  return {
    project,
    documents: docs.map((d) => ({ ...d, latest: latest.find((r) => r.documentId === d.id) ?? null })),
    canEdit: projectCan(viewer.role, role, "docs.edit"),
  };
}

/** A new document with its first revision, stamped with the active sprint. */
export function createDocument(db: Db, actor: User, projectId: number, input: unknown, now = new Date()) {
  const { project } = requireProject(db, actor, projectId, "docs.edit");
  const data = parseInput(NewDocumentSchema, input);
  return db.transaction((tx) => {
    const doc = tx.insert(documents).values({ projectId, kind: data.kind, title: data.title }).returning().get();
    tx.insert(documentRevisions)
      .values({ documentId: doc.id, number: 1, body: data.body, sprintId: activeSprintId(db, projectId, now), authorId: actor.id, note: "First version", at: now.toISOString(), date: projectToday(project, now) })
      .run();
    return doc;
  });
}

function findDocument(db: Db, id: number) {
  const doc = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!doc) throw new DomainError("not_found", "No such document.");
  return doc;
}

/**
 * Save a document (SPEC A7): every save is a new revision stamped with the sprint active at that
 * moment (none between sprints); saving the same text again is refused, not recorded twice.
 */
export function saveRevision(db: Db, actor: User, documentId: number, input: unknown, now = new Date()) {
  const doc = findDocument(db, documentId);
  const { project } = requireProject(db, actor, doc.projectId, "docs.edit");
  const data = parseInput(RevisionSchema, input);
  return db.transaction((tx) => {
    const last = tx.select().from(documentRevisions).where(eq(documentRevisions.documentId, documentId)).orderBy(desc(documentRevisions.number)).limit(1).get();
    if (last && last.body === data.body) throw new DomainError("invalid", "Nothing changed since the last revision.", { fields: { body: "Nothing changed since the last revision." } });
    const number = (tx.select({ n: max(documentRevisions.number) }).from(documentRevisions).where(eq(documentRevisions.documentId, documentId)).get()?.n ?? 0) + 1;
    return tx
      .insert(documentRevisions)
      .values({ documentId, number, body: data.body, sprintId: activeSprintId(db, doc.projectId, now), authorId: actor.id, note: data.note, at: now.toISOString(), date: projectToday(project, now) })
      .returning()
      .get();
  });
}

function revisions(db: Db, documentId: number) {
  return db
    .select({ id: documentRevisions.id, number: documentRevisions.number, body: documentRevisions.body, note: documentRevisions.note, at: documentRevisions.at, date: documentRevisions.date, sprint: sprints.number, sprintId: documentRevisions.sprintId, author: users.name })
    .from(documentRevisions)
    .innerJoin(users, eq(users.id, documentRevisions.authorId))
    .leftJoin(sprints, eq(sprints.id, documentRevisions.sprintId))
    .where(eq(documentRevisions.documentId, documentId))
    .orderBy(asc(documentRevisions.number))
    .all();
}

/** A document at one revision (the latest by default), rendered, with its history. */
export function getDocument(db: Db, viewer: User, documentId: number, revision?: number | null) {
  const doc = findDocument(db, documentId);
  const { project, role } = getProject(db, viewer, doc.projectId);
  const history = revisions(db, documentId);
  const shown = (revision ? history.find((r) => r.number === revision) : history.at(-1)) ?? null;
  if (revision && !shown) throw new DomainError("not_found", `No revision ${revision} of this document.`);
  return {
    doc,
    project,
    history: history.map(({ body, ...r }, i) => ({ ...r, summary: diffSummary(i ? history[i - 1].body : "", body) })),
    shown: shown ? { ...shown, html: renderMarkdown(shown.body) } : null,
    latest: history.at(-1)?.number ?? 0,
    canEdit: projectCan(viewer.role, role, "docs.edit"),
  };
}

/** The diff between any two revisions of a document (from the older to the newer). */
export function documentDiff(db: Db, viewer: User, documentId: number, from: number, to: number) {
  const doc = findDocument(db, documentId);
  const { project } = getProject(db, viewer, doc.projectId);
  const history = revisions(db, documentId);
  const a = history.find((r) => r.number === from);
  const b = history.find((r) => r.number === to);
  if (!a || !b) throw new DomainError("not_found", "Choose two revisions of this document.");
  return { doc, project, from: a, to: b, lines: lineDiff(a.body, b.body), summary: diffSummary(a.body, b.body), numbers: history.map((r) => r.number) };
}

/**
 * A go-live's As-Delivered bundle (SPEC A7): every document of the project at its revision
 * current on the cutover date, with what changed since the previous go-live's cutover — the
 * hand-over pack for Customer Care.
 */
export function asDeliveredBundle(db: Db, viewer: User, goLiveId: number) {
  const goLive = db.select().from(goLives).where(eq(goLives.id, goLiveId)).get();
  if (!goLive) throw new DomainError("not_found", "No such go-live.");
  const { project } = getProject(db, viewer, goLive.projectId);
  const previous =
    db
      .select()
      .from(goLives)
      .where(and(eq(goLives.projectId, goLive.projectId), lt(goLives.cutoverOn, goLive.cutoverOn)))
      .orderBy(desc(goLives.cutoverOn))
      .limit(1)
      .get() ?? null;
  const docs = db.select().from(documents).where(eq(documents.projectId, goLive.projectId)).orderBy(asc(documents.kind), asc(documents.title)).all();
  const entries = docs.map((doc) => {
    const history = revisions(db, doc.id);
    const current = revisionOn(history, goLive.cutoverOn);
    const before = previous ? revisionOn(history, previous.cutoverOn) : null;
    const between = current ? history.filter((r) => r.number <= current.number && (!before || r.number > before.number)) : [];
    return {
      doc,
      revision: current ? { number: current.number, date: current.date, sprint: current.sprint, author: current.author, html: renderMarkdown(current.body, 2) } : null,
      sincePrevious: current ? { from: before?.number ?? null, summary: diffSummary(before?.body ?? "", current.body), revisions: between.map(({ body: _body, ...r }) => r) } : null,
    };
  });
  return { project, goLive, previous: previous ? { id: previous.id, name: previous.name, cutoverOn: previous.cutoverOn } : null, entries };
}

/** Which document kinds got a revision during a sprint (for the demo's flag). */
export function kindsRevisedInSprint(db: Db, sprintId: number): Set<string> {
  return new Set(
    db
      .selectDistinct({ kind: documents.kind })
      .from(documentRevisions)
      .innerJoin(documents, eq(documents.id, documentRevisions.documentId))
      .where(eq(documentRevisions.sprintId, sprintId))
      .all()
      .map((r) => r.kind),
  );
}
