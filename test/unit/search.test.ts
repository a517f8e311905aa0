import { describe, expect, it } from "vitest";
import { ftsQueries, parseIdeaKey } from "~/ideas/search";

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
    expect(ftsQueries("Zürich über")?.all).toBe('"zürich" AND "über"*');
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
