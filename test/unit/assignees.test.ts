import { describe, expect, it } from "vitest";
import { filterByAssignee, initials } from "~/delivery/assignees";

describe("assignees", () => {
  it("show as at most two initials, first and last word", () => {
    expect(initials("Dana Whitfield")).toBe("DW");
    expect(initials("Priya")).toBe("PR");
    expect(initials("maría-josé de la López")).toBe("ML");
    expect(initials("  Ørjan   Ås ")).toBe("ØÅ");
    expect(initials("")).toBe("?");
  });

  it("filter the board to mine, unassigned or all", () => {
    const stories = [
      { id: 1, assigneeId: 7 },
      { id: 2, assigneeId: null },
      { id: 3, assigneeId: 8 },
    ];
    expect(filterByAssignee(stories, "mine", 7).map((s) => s.id)).toEqual([1]);
    expect(filterByAssignee(stories, "unassigned", 7).map((s) => s.id)).toEqual([2]);
    expect(filterByAssignee(stories, "all", 7).map((s) => s.id)).toEqual([1, 2, 3]);
    expect(filterByAssignee(stories, "mine", 9)).toEqual([]);
  });
});
