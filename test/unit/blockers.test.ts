import { describe, expect, it } from "vitest";
import { ageInDays, orderBlockers } from "~/delivery/blockers";

describe("blockers", () => {
  it("lists open blockers customer-side first, oldest first, then resolved ones newest first", () => {
    const items = [
      { id: 1, side: "delivery" as const, raisedAt: "2026-11-01T09:00:00Z", resolvedAt: null },
      { id: 2, side: "customer" as const, raisedAt: "2026-11-10T09:00:00Z", resolvedAt: null },
      { id: 3, side: "customer" as const, raisedAt: "2026-11-05T09:00:00Z", resolvedAt: null },
      { id: 4, side: "customer" as const, raisedAt: "2026-10-01T09:00:00Z", resolvedAt: "2026-10-03T09:00:00Z" },
      { id: 5, side: "delivery" as const, raisedAt: "2026-10-01T09:00:00Z", resolvedAt: "2026-10-09T09:00:00Z" },
    ];
    expect(orderBlockers(items).map((b) => b.id)).toEqual([3, 2, 1, 5, 4]);
  });

  it("counts whole days open", () => {
    expect(ageInDays("2026-11-20T15:00:00Z", "2026-11-23")).toBe(3);
    expect(ageInDays("2026-11-23T08:00:00Z", "2026-11-23")).toBe(0);
  });
});
