import { describe, expect, it } from "vitest";
import { allowedEdits, corrections, editDistance, ftsQueries, ideaQuery, minimumCoverage, parseIdeaKey, splitCompound, tokenize, type Vocabulary } from "~/ideas/search";

describe("ftsQueries", () => {
  it("quotes words, the last as a prefix; all of them, or any of them in a title", () => {
    expect(ftsQueries("Callback scheduling")).toEqual({
      all: '"callback" AND "scheduling"*',
      anyTitle: 'title : ("callback" OR "scheduling"*)',
    });
  });

  it("survives punctuation, hyphens, quotes and FTS operators", () => {
    expect(ftsQueries('re-route "calls" AND (NOT) queue*:')?.all).toBe('"re" AND "route" AND "calls" AND "not" AND "queue"*');
    expect(ftsQueries("C-3PO's ^ {x}")?.all).toBe('"3po"*');
  });

  it("leaves out common words unless nothing else was typed", () => {
    expect(ftsQueries("Callback in the caller's time zone")?.all).toBe('"callback" AND "caller" AND "time" AND "zone"*');
    expect(ftsQueries("the")?.all).toBe('"the"*');
  });

  it("is null when nothing searchable is left", () => {
    expect(ftsQueries("  -- ** ")).toBeNull();
    expect(ftsQueries("a")).toBeNull();
  });

  it("keeps at most eight distinct words", () => {
    expect(ftsQueries("one two three four five six seven eight nine one")!.all.split(" AND ")).toHaveLength(8);
  });
});

describe("ftsQueries on hostile text", () => {
  it("never passes an operator, a quote or a bracket through", () => {
    for (const text of ['"', '""', "*", "OR", "AND NOT", "(", ")", "NEAR(a b)", "title:x", "^x", "-x", "x'", "\\", "'; DROP TABLE stories; --", "\u0000"]) {
      const q = ftsQueries(text);
      if (q) for (const term of q.all.split(" AND ")) expect(term, text).toMatch(/^"[\p{L}\p{N}]+"\*?$/u);
    }
    expect(ftsQueries('"callback" OR (')?.all).toBe('"callback"*');
  });

  it("keeps letters of any script, accents included", () => {
    // As the index sees them: accents dropped (FTS5's remove_diacritics).
    expect(ftsQueries("Zürich über")?.all).toBe('"zurich" AND "uber"*');
    expect(ftsQueries("日本語 テスト")?.all).toBe('"日本語" AND "テスト"*');
    expect(ftsQueries("🙂 callback")?.all).toBe('"callback"*');
  });
});

describe("parseIdeaKey", () => {
  it("reads an idea key in any case and spacing", () => {
    expect(parseIdeaKey(" coana-i-12 ")).toBe("COANA-I-12");
    expect(parseIdeaKey("COANA-I-012")).toBe("COANA-I-12");
  });

  it("is null for anything else", () => {
    for (const text of ["COANA-12", "COANA-I-0", "C-I-1", "COANA-I-", "COANA-I-1 extra", ""]) expect(parseIdeaKey(text), text).toBeNull();
  });
});

/** A vocabulary counted from a few titles, as idea_terms would hold it. */
function vocabularyOf(titles: string[]): Vocabulary {
  const docs = new Map<string, number>();
  for (const title of titles) for (const term of new Set(tokenize(title))) docs.set(term, (docs.get(term) ?? 0) + 1);
  const terms = [...docs.keys()].sort();
  return {
    docs: (term) => docs.get(term) ?? 0,
    hasPrefix: (prefix) => terms.some((t) => t.startsWith(prefix)),
    startingWith: (prefix, min, max) => terms.filter((t) => t.startsWith(prefix) && t.length >= min && t.length <= max).map((term) => ({ term, docs: docs.get(term)! })),
  };
}

const vocabulary = vocabularyOf([
  "Callback scheduling in the customer's time zone",
  "Callback when the queue is long",
  "Schedule callbacks for the next morning",
  "Export real-time queue statistics to CSV",
  "Realtime wallboard for supervisors",
  "Timezone shown on every report",
  "Notifications when a survey is answered",
]);

describe("editDistance", () => {
  it("counts added, dropped, changed and swapped letters", () => {
    expect(editDistance("calback", "callback", 2)).toBe(1);
    expect(editDistance("callbakc", "callback", 2)).toBe(1);
    expect(editDistance("clalbcak", "callback", 2)).toBe(2);
    expect(editDistance("queue", "queue", 1)).toBe(0);
  });

  it("stops as soon as the words are further apart than allowed", () => {
    expect(editDistance("callback", "wallboard", 2)).toBe(3);
    expect(editDistance("ab", "abcdef", 2)).toBe(3);
  });
});

describe("typo tolerance", () => {
  it("allows no typo in a short word, one up to five letters, two beyond", () => {
    expect([allowedEdits("csv"), allowedEdits("queue"), allowedEdits("callback")]).toEqual([0, 1, 2]);
  });

  it("offers the better-known words a typo was meant to be", () => {
    expect(corrections("calback", vocabulary)).toEqual(["callback", "callbacks"]);
    expect(corrections("queeu", vocabulary)).toEqual(["queue"]);
    expect(corrections("ucallback", vocabulary)).toEqual(["callback", "callbacks"]);
    expect(corrections("notifcations", vocabulary)).toEqual(["notifications"]);
    expect(corrections("sheduling", vocabulary)).toEqual(["scheduling"]);
    // Known words, short words and numbers stay as typed.
    expect(corrections("callback", vocabulary)).toEqual([]);
    expect(corrections("cvs", vocabulary)).toEqual([]);
    expect(corrections("2025", vocabulary)).toEqual([]);
  });

  it("splits a compound into two known words", () => {
    expect(splitCompound("timezone", vocabulary)).toEqual(["time", "zone"]);
    expect(splitCompound("realtime", vocabulary)).toEqual(["real", "time"]);
    expect(splitCompound("wallboard", vocabulary)).toBeNull();
  });
});

describe("ideaQuery", () => {
  it("matches a typo's likely spellings", () => {
    expect(ideaQuery("calback scheduling", vocabulary)!.all).toBe('("calback" OR "callback" OR "callbacks") AND "scheduling"*');
  });

  it("matches a compound and its parts side by side, both ways", () => {
    expect(ideaQuery("timezone report", vocabulary)!.groups[0].expression).toBe('("timezone" OR "time zone")');
    expect(ideaQuery("time zone report", vocabulary)!.groups.map((g) => g.typed)).toEqual(["time zone", "report"]);
    expect(ideaQuery("time zone report", vocabulary)!.groups[0].expression).toBe('(("time" AND "zone") OR "timezone")');
    expect(ideaQuery("real-time wallboard", vocabulary)!.groups[0].expression).toBe('(("real" AND "time") OR "realtime")');
  });

  it("keeps the last word a prefix while some word starts with it", () => {
    expect(ideaQuery("queue wallb", vocabulary)!.all).toBe('"queue" AND "wallb"*');
    expect(ideaQuery("wallbaord", vocabulary)!.all).toBe('("wallbaord"* OR "wallboard")');
  });

  it("finds nothing in stop-words alone when strict, as similar ideas are", () => {
    expect(ideaQuery("the and of", vocabulary, { strict: true })).toBeNull();
    expect(ideaQuery("the and of", vocabulary)).not.toBeNull();
    expect(ideaQuery('"" -- *', vocabulary)).toBeNull();
  });

  it("never lets an operator or a quote through", () => {
    for (const text of ['"', "OR", "AND NOT (", "title:x", "'; DROP TABLE ideas; --", "NEAR(a b)"]) {
      const q = ideaQuery(text, vocabulary);
      if (q) expect(q.all.replace(/\b(AND|OR)\b/g, ""), text).toMatch(/^[\s"()*\p{L}\p{N}]+$/u);
    }
  });
});

describe("minimumCoverage", () => {
  it("asks more shared words of a longer title", () => {
    expect([1, 2, 3, 4, 6, 7, 8].map(minimumCoverage)).toEqual([1, 1, 1, 2, 2, 3, 3]);
  });
});
