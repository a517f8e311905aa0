import { describe, expect, it } from "vitest";
import { PROJECT_KEY, deriveProjectKey, parseStoryKey, storyKey } from "~/delivery/keys";
import { wasInStartedSprint, wontDoRefusal } from "~/delivery/story-rules";
import type { StoryEvent } from "~/delivery/burndown";

describe("project keys", () => {
  it("takes the first word of the name, in capitals", () => {
    expect(deriveProjectKey("Acme Health — cloud contact center migration", new Set())).toBe("ACME");
    expect(deriveProjectKey("Zürich Versicherung rollout", new Set())).toBe("ZURICH");
    expect(deriveProjectKey("Northwind", new Set())).toBe("NORTHWIND");
    expect(deriveProjectKey("Internationalisation programme", new Set())).toBe("INTERNATIO");
  });

  it("uses initials when the first word is one letter, and never returns fewer than two letters", () => {
    expect(deriveProjectKey("A new routing platform", new Set())).toBe("ANRP");
    expect(deriveProjectKey("42", new Set())).toMatch(PROJECT_KEY);
  });

  it("adds letters of the next words, then a letter, when the key is taken", () => {
    expect(deriveProjectKey("Acme Health", new Set(["ACME"]))).toBe("ACMEH");
    expect(deriveProjectKey("Acme Health", new Set(["ACME", "ACMEH"]))).toBe("ACMEHE");
    expect(deriveProjectKey("Acme", new Set(["ACME"]))).toBe("ACMEA");
    const taken = new Set(["ACME", ..."ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("").map((l) => `ACME${l}`)]);
    expect(deriveProjectKey("Acme", taken)).toMatch(PROJECT_KEY);
    expect(taken.has(deriveProjectKey("Acme", taken))).toBe(false);
  });
});

describe("story keys", () => {
  it("are the project key and the story's number", () => {
    expect(storyKey("ACME", 42)).toBe("ACME-42");
  });

  it("are read back from what a person types, in any case", () => {
    expect(parseStoryKey("ACME-42")).toEqual({ projectKey: "ACME", number: 42 });
    expect(parseStoryKey(" acme-7 ")).toEqual({ projectKey: "ACME", number: 7 });
    expect(parseStoryKey("ACME-0")).toBeNull();
    expect(parseStoryKey("ACME 42")).toBeNull();
    expect(parseStoryKey("COANA-I-1")).toBeNull();
    expect(parseStoryKey("callback")).toBeNull();
  });
});

describe("delete and won't do", () => {
  const ev = (seq: number, kind: StoryEvent["kind"], extra: Partial<StoryEvent> = {}): StoryEvent => ({ seq, storyId: 1, at: "2026-02-02T09:00:00Z", date: "2026-02-02", kind, ...extra });

  it("counts a story as in a started sprint when it was in it at the start or moved in after", () => {
    const created = ev(1, "created", { status: "todo", points: 3, sprintId: null });
    expect(wasInStartedSprint([created, ev(2, "sprint", { sprintId: 7 })], 1, [{ id: 7, startSeq: 5 }])).toBe(true);
    expect(wasInStartedSprint([created, ev(2, "sprint", { sprintId: 7 }), ev(3, "sprint", { sprintId: null })], 1, [{ id: 7, startSeq: 5 }])).toBe(false);
    expect(wasInStartedSprint([created, ev(9, "sprint", { sprintId: 7 })], 1, [{ id: 7, startSeq: 5 }])).toBe(true);
    expect(wasInStartedSprint([created], 1, [])).toBe(false);
  });

  it("refuses won't do for an accepted story, one in the running sprint, or one already closed", () => {
    const base = { key: "ACME-4", status: "todo", wontDo: false, sprintState: null } as const;
    expect(wontDoRefusal(base)).toBeNull();
    expect(wontDoRefusal({ ...base, sprintState: "planned" })).toBeNull();
    expect(wontDoRefusal({ ...base, sprintState: "active" })).toMatch(/running sprint/);
    expect(wontDoRefusal({ ...base, status: "accepted" })).toMatch(/accepted/);
    expect(wontDoRefusal({ ...base, wontDo: true })).toBe("ACME-4 is already closed as won't do.");
  });
});
