import { describe, expect, it } from "vitest";
import { ftsQueries } from "~/ideas/search";

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
