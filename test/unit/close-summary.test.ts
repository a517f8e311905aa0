import { describe, expect, it } from "vitest";
import { closeSummary } from "~/delivery/sprints";

const story = (id: number, status: string, points: number | null) => ({ id, key: `ACME-${id}`, title: `Story ${id}`, points, status });
const board = [story(1, "accepted", 5), story(2, "done", 3), story(3, "in_progress", 8), story(4, "todo", null), story(5, "accepted", 2)];

describe("what closing a sprint does to each story, before it happens", () => {
  it("accepted stories stay; done and not-done ones go to the top of the backlog, with keys and points", () => {
    const groups = closeSummary(board, "backlog", 5);
    expect(groups.map((g) => [g.kind, g.stories.map((s) => s.key), g.points])).toEqual([
      ["accepted", ["ACME-1", "ACME-5"], 7],
      ["done", ["ACME-2"], 3],
      ["open", ["ACME-3", "ACME-4"], 8],
    ]);
    expect(groups[1].title).toBe("Done, not accepted: go to the top of the backlog, still done, for the next demo to decide");
    expect(groups[2].title).toBe("Not done: go to the top of the backlog");
  });

  it("names the next sprint when the unfinished ones go there", () => {
    const groups = closeSummary(board, "next", 5);
    expect(groups.find((g) => g.kind === "open")?.title).toBe("Not done: go into Sprint 5");
    expect(groups.find((g) => g.kind === "done")?.title).toContain("go into Sprint 5");
  });

  it("leaves out empty groups: a sprint with every story accepted only lists those", () => {
    expect(closeSummary([story(1, "accepted", 5)], "backlog", null).map((g) => g.kind)).toEqual(["accepted"]);
    expect(closeSummary([], "next", 2)).toEqual([]);
  });
});
