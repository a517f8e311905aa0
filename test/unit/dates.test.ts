import { describe, expect, it } from "vitest";
import { formatTimestamp } from "~/lib/dates";

describe("formatTimestamp", () => {
  it("says UTC when no zone is given", () => {
    expect(formatTimestamp("2026-07-01T08:30:00.000Z")).toBe("2026-07-01 08:30 UTC");
    expect(formatTimestamp(null)).toBe("—");
  });

  it("shows a project's zone, summer and winter time included, without repeating the zone", () => {
    expect(formatTimestamp("2026-07-01T08:30:00.000Z", "Europe/London")).toBe("2026-07-01 09:30");
    expect(formatTimestamp("2026-01-15T08:30:00.000Z", "Europe/London")).toBe("2026-01-15 08:30");
    expect(formatTimestamp("2026-03-02T23:30:00.000Z", "America/New_York")).toBe("2026-03-02 18:30");
    // The day changes with the zone.
    expect(formatTimestamp("2026-03-02T23:30:00.000Z", "Asia/Tokyo")).toBe("2026-03-03 08:30");
    expect(formatTimestamp("2026-03-02T23:30:00.000Z", "UTC")).toBe("2026-03-02 23:30");
  });
});
