/**
 * The ideas' vocabulary (`idea_terms`): every word of their titles and descriptions with the
 * number of ideas using it. Searches correct typos and compounds against it (search.ts); it is
 * kept in step in the transaction that writes an idea, and rebuilt from the ideas when empty.
 */
import { and, between, eq, gt, gte, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.server";
import { ideaTerms, ideas } from "../../db/schema";
import { tokenize, type Vocabulary } from "./search";

const textOf = (idea: { title: string; description: string } | null) => (idea ? new Set(tokenize(`${idea.title} ${idea.description}`)) : new Set<string>());

/** Count the words an idea gained and lost when it was written (`before` null: created). */
export function countIdeaTerms(tx: DbOrTx, before: { title: string; description: string } | null, after: { title: string; description: string }) {
  const was = textOf(before);
  const is = textOf(after);
  for (const term of is) {
    if (was.has(term)) continue;
    tx.insert(ideaTerms)
      .values({ term, docs: 1 })
      .onConflictDoUpdate({ target: ideaTerms.term, set: { docs: sql`${ideaTerms.docs} + 1` } })
      .run();
  }
  for (const term of was) {
    if (is.has(term)) continue;
    tx.update(ideaTerms).set({ docs: sql`${ideaTerms.docs} - 1` }).where(eq(ideaTerms.term, term)).run();
    tx.delete(ideaTerms).where(and(eq(ideaTerms.term, term), lt(ideaTerms.docs, 1))).run();
  }
}

/** The vocabulary counted afresh from every idea (what `idea_terms` must always equal). */
export function recountIdeaTerms(db: DbOrTx): Map<string, number> {
  const counts = new Map<string, number>();
  for (const idea of db.select({ title: ideas.title, description: ideas.description }).from(ideas).all()) {
    for (const term of textOf(idea)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** Replace the vocabulary with a fresh count (ideas written outside the app, e.g. a bulk import). */
export function rebuildIdeaTerms(db: Db): number {
  return db.transaction((tx) => {
    const counts = recountIdeaTerms(tx);
    tx.delete(ideaTerms).run();
    const rows = [...counts].map(([term, docs]) => ({ term, docs }));
    for (let i = 0; i < rows.length; i += 500) tx.insert(ideaTerms).values(rows.slice(i, i + 500)).run();
    return rows.length;
  });
}

/** At start-up: a database from before the vocabulary existed gets it once. Returns the words counted. */
export function fillIdeaTerms(db: Db): number {
  const empty = !db.select({ term: ideaTerms.term }).from(ideaTerms).limit(1).get();
  const hasIdeas = !!db.select({ id: ideas.id }).from(ideas).limit(1).get();
  return empty && hasIdeas ? rebuildIdeaTerms(db) : 0;
}

function prepared(db: Db) {
  const t = sql.placeholder;
  return {
    docs: db.select({ docs: ideaTerms.docs }).from(ideaTerms).where(eq(ideaTerms.term, t("term"))).prepare(),
    first: db.select({ term: ideaTerms.term }).from(ideaTerms).where(and(gte(ideaTerms.term, t("from")), lt(ideaTerms.term, t("to")))).limit(1).prepare(),
    range: db
      .select({ term: ideaTerms.term, docs: ideaTerms.docs })
      .from(ideaTerms)
      .where(and(gte(ideaTerms.term, t("from")), lt(ideaTerms.term, t("to")), between(sql`length(${ideaTerms.term})`, t("min"), t("max")), gt(ideaTerms.docs, 0)))
      .prepare(),
  };
}

const statements = new WeakMap<Db, ReturnType<typeof prepared>>();

/** The one string that sorts after every word starting with `prefix`. */
const after = (prefix: string) => prefix + "\u{10FFFF}";

/** The vocabulary as search.ts asks for it, one indexed lookup per question. */
export function ideaVocabulary(db: Db): Vocabulary {
  let q = statements.get(db);
  if (!q) statements.set(db, (q = prepared(db)));
  const statementsOf = q;
  return {
    docs: (term) => statementsOf.docs.get({ term })?.docs ?? 0,
    hasPrefix: (prefix) => statementsOf.first.get({ from: prefix, to: after(prefix) }) !== undefined,
    startingWith: (prefix, min, max) => statementsOf.range.all({ from: prefix, to: after(prefix), min, max }),
  };
}
