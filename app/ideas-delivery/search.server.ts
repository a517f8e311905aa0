/**
 * The quick search in the header: stories and ideas by key or by words, only those the viewer may
 * see. It spans both areas, so it lives above them.
 */
import { and, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { categories, ideas, portals, projectMembers, projects, stories, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { parseStoryKey, storyKey } from "../delivery/keys";
import { summaries, summaryColumns, type IdeaSummary } from "../ideas/ideas.server";
import { listPortals } from "../ideas/portals.server";
import { ideaVocabulary } from "../ideas/idea-terms.server";
import { ftsQueries, ideaQuery, parseIdeaKey } from "../ideas/search";
import { parseInput } from "../lib/validation";

export const SEARCH_LIMIT = 10;

export const SearchSchema = z.object({
  q: z.string({ error: "Type a key or some words." }).trim().max(200, "Keep the search under 200 characters.").default(""),
});

export type StoryHit = { id: number; key: string | null; title: string; status: string; projectId: number; projectName: string; wontDo: boolean };

export type SearchResult = {
  q: string;
  stories: StoryHit[];
  ideas: IdeaSummary[];
  /** The query is exactly the key of a story or idea the viewer may see: where to go straight. */
  exact: { story: number } | { idea: string } | null;
};

/** The stories a viewer may see: every project's for those who read every project, else their projects'. */
function visibleStories(viewer: User): SQL | undefined {
  if (projectCan(viewer.role, null, "project.read")) return undefined;
  return sql`${stories.projectId} IN (SELECT ${projectMembers.projectId} FROM ${projectMembers} WHERE ${projectMembers.userId} = ${viewer.id})`;
}

const storyColumns = {
  id: stories.id,
  key: stories.key,
  title: stories.title,
  status: stories.status,
  projectId: stories.projectId,
  projectName: projects.name,
  wontDoReason: stories.wontDoReason,
};

function storyHits(rows: { id: number; key: string | null; title: string; status: string; projectId: number; projectName: string; wontDoReason: string | null }[]): StoryHit[] {
  return rows.map(({ wontDoReason, ...r }) => ({ ...r, wontDo: wontDoReason !== null }));
}

function storyByKey(db: Db, viewer: User, q: string): StoryHit | null {
  const parsed = parseStoryKey(q);
  if (!parsed) return null;
  const row = db
    .select(storyColumns)
    .from(stories)
    .innerJoin(projects, eq(projects.id, stories.projectId))
    .where(and(eq(stories.key, storyKey(parsed.projectKey, parsed.number)), visibleStories(viewer)))
    .get();
  return row ? storyHits([row])[0] : null;
}

function storiesByWords(db: Db, viewer: User, match: string, limit: number): StoryHit[] {
  const rows = db
    .select(storyColumns)
    .from(sql`stories_fts`)
    .innerJoin(stories, sql`${stories.id} = stories_fts.rowid`)
    .innerJoin(projects, eq(projects.id, stories.projectId))
    .where(and(sql`stories_fts MATCH ${match}`, visibleStories(viewer)))
    .orderBy(sql`stories_fts.rank`)
    .limit(limit)
    .all();
  return storyHits(rows);
}

function ideaRows(db: Db, portalIds: number[], where: SQL, fts: boolean, limit: number) {
  const base = db.select(summaryColumns);
  const from = fts ? base.from(sql`ideas_fts`).innerJoin(ideas, sql`${ideas.id} = ideas_fts.rowid`) : base.from(ideas);
  return from
    .innerJoin(categories, eq(categories.id, ideas.categoryId))
    .innerJoin(portals, eq(portals.id, ideas.portalId))
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(and(where, inArray(ideas.portalId, portalIds)))
    .orderBy(fts ? sql`ideas_fts.rank` : ideas.id)
    .limit(limit)
    .all();
}

/**
 * Search for a viewer: an exact key first (a story or idea they may see), then up to ten stories
 * and ten ideas holding every word, the last word as a prefix, best match first. Merged ideas are
 * found only by key (their demand lives on in the idea they joined). Any text is safe: words are
 * quoted before they reach FTS5, and text with no words finds nothing.
 */
export function search(db: Db, viewer: User, input: unknown): SearchResult {
  const { q } = parseInput(SearchSchema, input);
  const result: SearchResult = { q, stories: [], ideas: [], exact: null };
  if (!q) return result;
  const portalIds = listPortals(db, viewer).map((p) => p.id);

  const story = storyByKey(db, viewer, q);
  const ideaKey = parseIdeaKey(q);
  const ideaRow = ideaKey && portalIds.length ? ideaRows(db, portalIds, eq(ideas.key, ideaKey), false, 1)[0] : undefined;
  if (story) result.stories.push(story);
  if (ideaRow) result.ideas.push(...summaries(db, [ideaRow], viewer.id));
  if (story) result.exact = { story: story.id };
  else if (ideaRow) result.exact = { idea: ideaRow.key };

  const match = ftsQueries(q)?.all;
  if (!match) return result;
  const ideaMatch = ideaQuery(q, ideaVocabulary(db))?.all ?? match;
  for (const hit of storiesByWords(db, viewer, match, SEARCH_LIMIT + 1)) {
    if (result.stories.length < SEARCH_LIMIT && !result.stories.some((s) => s.id === hit.id)) result.stories.push(hit);
  }
  if (portalIds.length) {
    const rows = ideaRows(db, portalIds, and(sql`ideas_fts MATCH ${ideaMatch}`, ne(ideas.status, "merged"))!, true, SEARCH_LIMIT + 1);
    const found = summaries(db, rows, viewer.id).filter((i) => !result.ideas.some((e) => e.key === i.key));
    result.ideas.push(...found.slice(0, SEARCH_LIMIT - result.ideas.length));
  }
  return result;
}
