/**
 * Turn what a user typed into a safe FTS5 query: words only (punctuation, quotes, hyphens and
 * FTS operators cannot break it), each quoted, any of them matching, the last one as a prefix so
 * results follow the typing. Null when nothing searchable is left.
 */
export function ftsQuery(text: string, maxWords = 8): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 || /\d/.test(w));
  if (words.length === 0) return null;
  const unique = [...new Set(words)].slice(0, maxWords);
  return unique.map((w, i) => (i === unique.length - 1 && w.length >= 3 ? `"${w}"*` : `"${w}"`)).join(" OR ");
}
