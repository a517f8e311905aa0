import { describe, expect, it } from "vitest";
import { ftsQuery } from "~/ideas/search";

describe("ftsQuery", () => {
  it("quotes words, ORs them and makes the last a prefix", () => {
    expect(ftsQuery("Callback scheduling")).toBe('"callback" OR "scheduling"*');
  });

  it("survives punctuation, hyphens, quotes and FTS operators", () => {
    expect(ftsQuery('re-route "calls" AND (NOT) queue*:')).toBe('"re" OR "route" OR "calls" OR "and" OR "not" OR "queue"*');
    expect(ftsQuery("C-3PO's ^ {x}")).toBe('"3po"*');
  });

  it("is null when nothing searchable is left", () => {
    expect(ftsQuery("  -- ** ")).toBeNull();
    expect(ftsQuery("a")).toBeNull();
  });

  it("keeps at most eight distinct words", () => {
    expect(ftsQuery("one two three four five six seven eight nine one")!.split(" OR ")).toHaveLength(8);
  });
});
