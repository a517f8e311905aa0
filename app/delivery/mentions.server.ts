import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.server";
import { projectMembers, users } from "../../db/schema";
import { notify } from "../notifications/notify.server";
import { handleOf, mentionHandles } from "../lib/mentions";

/** The members of a project a text mentions (by handle; only these handles when given); others are not told. */
export function mentionedMembers(db: DbOrTx, projectId: number, text: string, only?: readonly string[]): number[] {
  const handles = new Set(only ?? mentionHandles(text));
  if (!handles.size) return [];
  return db
    .select({ id: users.id, email: users.email })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .all()
    .filter((m) => handles.has(handleOf(m.email)))
    .map((m) => m.id);
}

/**
 * Tell each mentioned member (in the app and their digest), never the author. `only`: the
 * handles to tell (an edit tells just the ones it adds: lib/mentions.ts newMentions).
 */
export function notifyMentions(db: DbOrTx, projectId: number, text: string, about: { authorName: string; where: string; link: string }, authorId: number, only?: readonly string[]): void {
  const ids = mentionedMembers(db, projectId, text, only);
  if (!ids.length) return;
  const flat = text.replace(/\s+/g, " ").trim();
  const excerpt = flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
  notify(db, ids, { text: `${about.authorName} mentioned you in ${about.where}: “${excerpt}”`, link: about.link }, authorId);
}

/** The lines of `after` that were not in `before`: a member mentioned again is not told twice. */
export function addedLines(before: string, after: string): string {
  const old = new Set(before.split(/\r?\n/));
  return after
    .split(/\r?\n/)
    .filter((line) => !old.has(line))
    .join("\n");
}
