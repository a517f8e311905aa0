import { describe, expect, it } from "vitest";
import { isReady, parseCriteria, rankBetween, rankForMove } from "~/delivery/backlog";

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
