/** Words too common to tell ideas apart; left out unless nothing else was typed. */
const STOPWORDS = new Set(
  "a an and are as at be by can for from has have in into is it its of on or our so that the their them then there these this to was we were when which while who will with would you your".split(" "),
);

/**
 * The words of a text as the ideas' search index sees them (FTS5's unicode61 with diacritics
 * removed): lower case, accents dropped, split at anything that is not a letter or a digit, so
 * "real-time" is two words and "Zürich" is "zurich".
 */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The telling words of a search, in order, once each; stop-words only when nothing else was typed (or none with `strict`). */
function words(text: string, maxWords: number, strict = false): string[] {
  const found = tokenize(text).filter((w) => w.length > 1 || /\d/.test(w));
  const telling = found.filter((w) => !STOPWORDS.has(w));
  return [...new Set(telling.length || strict ? telling : found)].slice(0, maxWords);
}

const phrase = (w: string) => `"${w}"`;

function quoted(list: string[]): string[] {
  return list.map((w, i) => (i === list.length - 1 && w.length >= 3 ? `"${w}"*` : phrase(w)));
}

/**
 * Turn what a user typed into safe FTS5 queries: words only (punctuation, quotes, hyphens and
 * FTS operators cannot break them), each quoted, the last one a prefix so results follow the
 * typing. `all` needs every word (the search box, and the first pass of similar ideas); `anyTitle`
 * takes any word in a title (the second pass, when few ideas have them all). Null when nothing
 * searchable is left.
 */
export function ftsQueries(text: string, maxWords = 8): { all: string; anyTitle: string } | null {
  const list = words(text, maxWords);
  if (list.length === 0) return null;
  const terms = quoted(list);
  return { all: terms.join(" AND "), anyTitle: `title : (${terms.join(" OR ")})` };
}

/** What the ideas' vocabulary answers: how many ideas use a word, which words start alike. */
export type Vocabulary = {
  docs(term: string): number;
  hasPrefix(prefix: string): boolean;
  /** Words starting with `prefix`, between `minLength` and `maxLength` letters long, with their idea counts. */
  startingWith(prefix: string, minLength: number, maxLength: number): { term: string; docs: number }[];
};

/** How many typing mistakes a word may carry and still be recognised: none up to 3 letters, one up to 5, then two. */
export function allowedEdits(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 5 ? 1 : 2;
}

/**
 * Edits between two words — a letter added, dropped, changed, or two neighbours swapped (optimal
 * string alignment) — or `max + 1` as soon as it is clear there are more than `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** A word seen in few ideas may itself be the typo: only then are better-known neighbours offered. */
const RARE = 3;
/** At most this many spellings stand in for one typed word. */
const MAX_CORRECTIONS = 3;

/**
 * Words of the vocabulary the typed word was probably meant to be, best first: within its
 * allowed edits and used by more ideas than the word itself. Candidates start with the word's
 * first letter, or its first two swapped, or its second and third (a letter slipped in front),
 * and are about as long: a changed or dropped first letter is rare, and this keeps the lookup to
 * small slices of the vocabulary.
 */
export function corrections(word: string, vocabulary: Vocabulary, docs = vocabulary.docs(word)): string[] {
  const max = allowedEdits(word);
  if (max === 0 || docs >= RARE || /\d/.test(word)) return [];
  const prefixes = [word[0], word[1] + word[0], word.slice(1, 3)].filter((p, i, all) => !all.slice(0, i).some((q) => p.startsWith(q)));
  const candidates = [...prefixes].flatMap((p) => vocabulary.startingWith(p, word.length - max, word.length + max));
  return candidates
    .filter((c) => c.term !== word && c.docs > docs)
    .map((c) => ({ ...c, distance: editDistance(word, c.term, max) }))
    .filter((c) => c.distance <= max)
    .sort((x, y) => x.distance - y.distance || y.docs - x.docs || (x.term < y.term ? -1 : 1))
    .slice(0, MAX_CORRECTIONS)
    .map((c) => c.term);
}

/** "timezone" → ["time", "zone"] when both halves are words of at least 3 letters the ideas use; the best-known pair wins. */
export function splitCompound(word: string, vocabulary: Vocabulary): [string, string] | null {
  if (word.length < 6 || /\d/.test(word)) return null;
  let best: { parts: [string, string]; docs: number } | null = null;
  for (let k = 3; k <= word.length - 3; k++) {
    const head = word.slice(0, k);
    const tail = word.slice(k);
    if (STOPWORDS.has(head) || STOPWORDS.has(tail)) continue;
    const docs = Math.min(vocabulary.docs(head), vocabulary.docs(tail));
    if (docs > 0 && (!best || docs > best.docs)) best = { parts: [head, tail], docs };
  }
  return best?.parts ?? null;
}

/** One typed word (or two typed apart that belong together) and the FTS5 expression that finds any of its spellings. */
export type QueryGroup = { typed: string; expression: string };

export type IdeaQuery = {
  groups: QueryGroup[];
  /** Every group somewhere in the idea (the search box; the first pass of similar ideas). */
  all: string;
  /** Any group in the title (the second pass of similar ideas). */
  anyTitle: string;
};

const either = (alternatives: string[]) => (alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" OR ")})`);

/**
 * What a user typed, as FTS5 queries that forgive: each word also matches its likely spellings
 * ("calback" → callback), a compound matches its parts side by side ("timezone" → time zone) and
 * two words typed apart match their compound ("time zone" → timezone, "real-time" → realtime).
 * Word forms are the index's (porter stemming). The last word is also a prefix, so suggestions
 * follow the typing. `strict` (similar ideas) drops stop-words even when nothing else is left, so
 * a title of only stop-words finds nothing. Null when nothing searchable is left.
 */
export function ideaQuery(text: string, vocabulary: Vocabulary, options: { strict?: boolean; maxWords?: number } = {}): IdeaQuery | null {
  const list = words(text, options.maxWords ?? 8, options.strict);
  if (list.length === 0) return null;
  const last = list.length - 1;
  const spellings = (word: string, i: number): string[] => {
    const prefix = i === last && word.length >= 3;
    const docs = vocabulary.docs(word);
    const found = prefix ? `"${word}"*` : phrase(word);
    // A word still being typed is not corrected while some word starts with it.
    const fixes = prefix && docs === 0 && vocabulary.hasPrefix(word) ? [] : corrections(word, vocabulary, docs);
    const split = splitCompound(word, vocabulary);
    return [found, ...fixes.map(phrase), ...(split ? [phrase(split.join(" "))] : [])];
  };
  const groups: QueryGroup[] = [];
  for (let i = 0; i < list.length; i++) {
    const word = list[i];
    const next = list[i + 1];
    const compound = next !== undefined && vocabulary.docs(word + next) > 0 ? word + next : null;
    if (compound) {
      groups.push({ typed: `${word} ${next}`, expression: `((${either(spellings(word, i))} AND ${either(spellings(next, i + 1))}) OR ${phrase(compound)})` });
      i++;
    } else {
      groups.push({ typed: word, expression: either(spellings(word, i)) });
    }
  }
  const expressions = groups.map((g) => g.expression);
  return { groups, all: expressions.join(" AND "), anyTitle: `title : (${expressions.join(" OR ")})` };
}

/**
 * How many of a query's groups an idea must match in its title to be offered when it does not
 * match them all: one of up to three words, two of four to six, three of seven or eight — one
 * shared word among many is not a similar idea.
 */
export function minimumCoverage(groups: number): number {
  return Math.max(1, Math.ceil(groups / 3));
}

/** `coana-i-12` → `COANA-I-12`; anything else → null. */
export function parseIdeaKey(text: string): string | null {
  const match = /^\s*([A-Za-z]{2,8})-I-(\d{1,9})\s*$/i.exec(text);
  return match && Number(match[2]) > 0 ? `${match[1].toUpperCase()}-I-${Number(match[2])}` : null;
}
