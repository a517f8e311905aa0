import { describe, expect, it } from "vitest";
import { storyHistory, type StoredStoryEvent } from "~/delivery/story-history";

const names = {
  user: (id: number) => ({ 7: "Dana Okafor" })[id] ?? null,
  feature: (id: number) => ({ 3: "Callback" })[id] ?? null,
  sprint: (id: number) => ({ 11: 4 })[id] ?? null,
};
const at = (n: number) => `2026-02-0${n}T10:00:00Z`;

describe("a story's history", () => {
  it("says who changed what from what to what, newest first", () => {
    const events: StoredStoryEvent[] = [
      { kind: "created", from: null, to: '{"status":"todo","points":null,"sprintId":null}', at: at(1), by: "Priya" },
      { kind: "title", from: "Callback", to: "Offer a callback", at: at(2), by: "Priya" },
      { kind: "estimate", from: null, to: "5", at: at(3), by: "Sam" },
      { kind: "assignee", from: null, to: "7", at: at(4), by: "Sam" },
      { kind: "sprint", from: null, to: "11", at: at(5), by: "Priya" },
      { kind: "status", from: "todo", to: "in_progress", at: at(6), by: "Dana Okafor" },
      { kind: "criteria", from: "[]", to: '["It rings back","It keeps the place"]', at: at(7), by: "Priya" },
      { kind: "feature", from: null, to: "3", at: at(8), by: "Priya" },
      { kind: "wont_do", from: "false", to: "true", at: at(9), by: "Priya" },
    ];
    expect(storyHistory(events, names)).toEqual([
      { at: at(9), by: "Priya", what: "closed it as won't do", from: null, to: null },
      { at: at(8), by: "Priya", what: "changed the feature", from: null, to: "Callback" },
      { at: at(7), by: "Priya", what: "changed the acceptance criteria", from: null, to: "It rings back; It keeps the place" },
      { at: at(6), by: "Dana Okafor", what: "changed the status", from: "To do", to: "In progress" },
      { at: at(5), by: "Priya", what: "changed the sprint", from: null, to: "Sprint 4" },
      { at: at(4), by: "Sam", what: "changed the assignee", from: null, to: "Dana Okafor" },
      { at: at(3), by: "Sam", what: "changed the points", from: null, to: "5" },
      { at: at(2), by: "Priya", what: "changed the title", from: "Callback", to: "Offer a callback" },
      { at: at(1), by: "Priya", what: "created the story", from: null, to: null },
    ]);
  });

  it("names what no longer exists plainly", () => {
    const events: StoredStoryEvent[] = [{ kind: "assignee", from: "99", to: null, at: at(1), by: null }];
    expect(storyHistory(events, names)).toEqual([{ at: at(1), by: null, what: "changed the assignee", from: "a former member", to: null }]);
  });
});
