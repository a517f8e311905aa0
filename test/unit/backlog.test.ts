import { describe, expect, it } from "vitest";
import { groupBacklog, isReady, parseCriteria, pointsAgainstCapacity, rankBetween, rankForMove } from "~/delivery/backlog";

describe("backlog rules", () => {
  it("is Ready with points and at least one acceptance criterion", () => {
    expect(isReady({ points: 3, acceptanceCriteria: ["offer plays after 300 s in queue"] })).toBe(true);
    expect(isReady({ points: 0, acceptanceCriteria: ["x"] })).toBe(true);
    expect(isReady({ points: null, acceptanceCriteria: ["x"] })).toBe(false);
    expect(isReady({ points: 5, acceptanceCriteria: [" "] })).toBe(false);
  });

  it("reads criteria one per line, bullets and blanks dropped", () => {
    expect(parseCriteria("- offer plays after 300 s\n\n* number confirmed by keypad\r\n• same skill")).toEqual([
      "offer plays after 300 s",
      "number confirmed by keypad",
      "same skill",
    ]);
  });

  it("ranks between neighbours and at the ends", () => {
    expect(rankBetween(null, null)).toBe(1000);
    expect(rankBetween(null, 1000)).toBe(0);
    expect(rankBetween(1000, null)).toBe(2000);
    expect(rankBetween(1000, 2000)).toBe(1500);
  });

  it("moves up, down and to the top by rewriting one rank", () => {
    const ranks = [1000, 2000, 3000, 4000];
    expect(rankForMove(ranks, 2, "up")).toBe(1500);
    expect(rankForMove(ranks, 1, "up")).toBe(0);
    expect(rankForMove(ranks, 0, "up")).toBeNull();
    expect(rankForMove(ranks, 1, "down")).toBe(3500);
    expect(rankForMove(ranks, 2, "down")).toBe(5000);
    expect(rankForMove(ranks, 3, "down")).toBeNull();
    expect(rankForMove(ranks, 3, "top")).toBe(0);
    expect(rankForMove(ranks, 0, "top")).toBeNull();
  });
});

describe("the backlog as a planning view", () => {
  const sprints = [
    { id: 3, number: 3, state: "planned", capacity: null },
    { id: 1, number: 1, state: "closed", capacity: 20 },
    { id: 2, number: 2, state: "planned", capacity: 18 },
    { id: 4, number: 4, state: "active", capacity: 21 },
  ];
  const story = (id: number, sprintId: number | null, points: number | null, status = "todo", wontDoAt: string | null = null) => ({ id, sprintId, points, status, wontDoAt });
  const all = [story(1, 4, 5), story(2, 4, 3, "accepted"), story(3, 2, 8), story(4, null, 2), story(5, null, null), story(6, 1, 13, "accepted"), story(7, null, 21, "todo", "2026-03-02T10:00:00Z"), story(8, 3, 1)];

  it("puts the active sprint first, the planned ones in order, then the backlog; accepted and won't-do stay out", () => {
    const sections = groupBacklog({ sprints, all, shown: all, showClosed: false });
    expect(sections.map((s) => [s.kind, s.title, s.stories.map((x) => x.id)])).toEqual([
      ["active", "Sprint 4", [1]],
      ["planned", "Sprint 2", [3]],
      ["planned", "Sprint 3", [8]],
      ["backlog", "Backlog", [4, 5]],
    ]);
  });

  it("counts every story's points against the capacity, the accepted ones too, won't-do not", () => {
    const [active, two, three, backlog] = groupBacklog({ sprints, all, shown: all, showClosed: false });
    expect([active.points, active.capacity, active.hidden]).toEqual([8, 21, 1]);
    expect([two.points, two.capacity]).toEqual([8, 18]);
    expect([three.points, three.capacity]).toEqual([1, null]);
    expect([backlog.points, backlog.hidden]).toEqual([2, 1]);
    expect(pointsAgainstCapacity(active.points, active.capacity)).toBe("8 of 21 points");
    expect(pointsAgainstCapacity(1, null)).toBe("1 point");
  });

  it("brings accepted and won't-do stories back with the filter, closed sprints last", () => {
    const sections = groupBacklog({ sprints, all, shown: all, showClosed: true });
    expect(sections.map((s) => [s.title, s.stories.map((x) => x.id)])).toEqual([
      ["Sprint 4", [1, 2]],
      ["Sprint 2", [3]],
      ["Sprint 3", [8]],
      ["Backlog", [4, 5, 7]],
      ["Closed sprints", [6]],
    ]);
  });

  it("keeps a section whose stories the search filtered out, with its points and how many are hidden", () => {
    const sections = groupBacklog({ sprints, all, shown: [all[3]], showClosed: false });
    expect(sections.map((s) => [s.title, s.stories.length, s.points, s.hidden])).toEqual([
      ["Sprint 4", 0, 8, 2],
      ["Sprint 2", 0, 8, 1],
      ["Sprint 3", 0, 1, 1],
      ["Backlog", 1, 2, 2],
    ]);
  });
});
