/** Words too common to tell ideas apart; left out unless nothing else was typed. */
const STOPWORDS = new Set(
  "a an and are as at be by can for from has have in into is it its of on or our so that the their them then there these this to was we were when which while who will with would you your".split(" "),
);

function words(text: string, maxWords: number): string[] {
  const found = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 || /\d/.test(w));
  const telling = found.filter((w) => !STOPWORDS.has(w));
  return [...new Set(telling.length ? telling : found)].slice(0, maxWords);
}

function quoted(list: string[]): string[] {
  return list.map((w, i) => (i === list.length - 1 && w.length >= 3 ? `"${w}"*` : `"${w}"`));
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

/** `coana-i-12` → `COANA-I-12`; anything else → null. */
export function parseIdeaKey(text: string): string | null {
  const match = /^\s*([A-Za-z]{2,8})-I-(\d{1,9})\s*$/i.exec(text);
  return match && Number(match[2]) > 0 ? `${match[1].toUpperCase()}-I-${Number(match[2])}` : null;
}
