import { describe, expect, it } from "vitest";
import { MAX_FAILED_ATTEMPTS, WINDOW_MS, secondsUntilAllowed } from "~/auth/rate-limit";

const now = new Date("2026-11-23T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("secondsUntilAllowed", () => {
  it("allows fewer than five failures in the window", () => {
    expect(secondsUntilAllowed([1, 2, 3, 4].map(minutesAgo), now)).toBe(0);
  });

  it("locks at five failures until the fifth most recent leaves the window", () => {
    // Failures 1, 2, 3, 4 and 10 minutes ago: the one 10 minutes ago leaves the window in 5 minutes.
    expect(secondsUntilAllowed([1, 2, 3, 4, 10].map(minutesAgo), now)).toBe(5 * 60);
  });

  it("ignores failures older than 15 minutes", () => {
    expect(secondsUntilAllowed([1, 2, 3, 4, 16, 20].map(minutesAgo), now)).toBe(0);
  });

  it("with more than five failures, waits for the fifth most recent", () => {
    expect(secondsUntilAllowed([1, 2, 3, 4, 6, 14].map(minutesAgo), now)).toBe(9 * 60);
  });

  it("never answers 0 while locked, even at the last millisecond", () => {
    const edge = new Date(now.getTime() - WINDOW_MS + 1);
    expect(secondsUntilAllowed([...Array(MAX_FAILED_ATTEMPTS - 1)].map(() => now).concat(edge), now)).toBe(1);
  });
});
