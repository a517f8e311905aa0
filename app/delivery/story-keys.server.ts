/** Giving out project and story keys (SPEC A2): counted per project in the database, never reused. */
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.server";
import { projects, stories } from "../../db/schema";
import { DomainError } from "../lib/errors";
import { deriveProjectKey, parseStoryKey, storyKey } from "./keys";

function takenKeys(tx: DbOrTx, exceptProjectId?: number): Set<string> {
  const rows = tx
    .select({ key: projects.key })
    .from(projects)
    .where(exceptProjectId ? ne(projects.id, exceptProjectId) : undefined)
    .all();
  return new Set(rows.map((r) => r.key).filter((k): k is string => Boolean(k)));
}

/** The key a new project gets: the one asked for (refused when another project has it), or one from its name. */
export function projectKeyFor(tx: DbOrTx, name: string, asked: string | null | undefined, exceptProjectId?: number): string {
  const taken = takenKeys(tx, exceptProjectId);
  if (!asked) return deriveProjectKey(name, taken);
  if (taken.has(asked)) throw new DomainError("invalid", `Another project uses the key ${asked}.`, { fields: { key: `Another project uses ${asked}; choose another key.` } });
  return asked;
}

/** The next story key of a project, counted up in the same transaction as the story's insert. */
export function nextStoryKey(tx: DbOrTx, projectId: number): string {
  const row = tx
    .update(projects)
    .set({ lastStoryNumber: sql`${projects.lastStoryNumber} + 1` })
    .where(eq(projects.id, projectId))
    .returning({ key: projects.key, number: projects.lastStoryNumber })
    .get();
  if (!row?.key) throw new DomainError("conflict", "The project has no key yet.");
  return storyKey(row.key, row.number);
}

/** The id of the story a typed key names, or null. */
export function storyIdByKey(db: DbOrTx, text: string): number | null {
  const parsed = parseStoryKey(text);
  if (!parsed) return null;
  return db.select({ id: stories.id }).from(stories).where(eq(stories.key, `${parsed.projectKey}-${parsed.number}`)).get()?.id ?? null;
}

/**
 * Gives keys to projects and stories made before keys existed: projects in the order they were
 * made, each project's stories by creation (id). Runs at start-up; returns the stories keyed.
 */
export function backfillKeys(db: Db): number {
  return db.transaction((tx) => {
    for (const p of tx.select({ id: projects.id, name: projects.name }).from(projects).where(isNull(projects.key)).orderBy(asc(projects.id)).all()) {
      tx.update(projects).set({ key: deriveProjectKey(p.name, takenKeys(tx)) }).where(eq(projects.id, p.id)).run();
    }
    const unkeyed = tx.select({ id: stories.id, projectId: stories.projectId }).from(stories).where(isNull(stories.key)).orderBy(asc(stories.projectId), asc(stories.id)).all();
    for (const s of unkeyed) {
      tx.update(stories).set({ key: nextStoryKey(tx, s.projectId) }).where(and(eq(stories.id, s.id), isNull(stories.key))).run();
    }
    return unkeyed.length;
  });
}
