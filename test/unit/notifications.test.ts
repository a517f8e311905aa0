import { describe, expect, it } from "vitest";
import { digestLine, digestPeriod, groupByDayAndPlace, DIGEST_DETAIL_LENGTH } from "~/notifications/digest";
import { parseWeekStart } from "~/lib/app-time";
import { readUnsubscribeToken, unsubscribeToken } from "~/notifications/settings.server";

describe("the installation's week start", () => {
  it("reads a day's name or number, Monday when unset or unreadable", () => {
    expect(parseWeekStart(undefined)).toBe(1);
    expect(parseWeekStart("")).toBe(1);
    expect(parseWeekStart("sunday")).toBe(0);
    expect(parseWeekStart(" Sat ")).toBe(6);
    expect(parseWeekStart("3")).toBe(3);
    expect(parseWeekStart("7")).toBe(1);
    expect(parseWeekStart("su")).toBe(1);
    expect(parseWeekStart("someday")).toBe(1);
  });
});

describe("which digest a notification joins", () => {
  it("a daily digest is the day itself, sent the day after", () => {
    expect(digestPeriod("2026-12-02", "daily", 1)).toEqual({ day: "2026-12-02", subject: "Your Sprintlab digest for 2026-12-02" });
  });

  it("a weekly digest collects the week from the week start and carries its last day", () => {
    // Wednesday 2 December 2026; weeks from Monday: 30 Nov – 6 Dec.
    expect(digestPeriod("2026-12-02", "weekly", 1)).toEqual({ day: "2026-12-06", subject: "Your Sprintlab digest for the week of 2026-11-30" });
    expect(digestPeriod("2026-11-30", "weekly", 1)?.day).toBe("2026-12-06");
    expect(digestPeriod("2026-12-06", "weekly", 1)?.day).toBe("2026-12-06");
    expect(digestPeriod("2026-12-07", "weekly", 1)?.day).toBe("2026-12-13");
    // Weeks from Sunday: 29 Nov – 5 Dec, so Sunday 6 Dec starts the next one.
    expect(digestPeriod("2026-12-05", "weekly", 0)).toEqual({ day: "2026-12-05", subject: "Your Sprintlab digest for the week of 2026-11-29" });
    expect(digestPeriod("2026-12-06", "weekly", 0)?.day).toBe("2026-12-12");
  });

  it("off writes none", () => {
    expect(digestPeriod("2026-12-02", "off", 1)).toBeNull();
  });
});

describe("a digest entry", () => {
  it("quotes what the event said on one line, with the link last", () => {
    expect(digestLine("COANA-I-4 “Wallboard” moved to Accepted.", "/ideas/COANA-I-4#status-9", "Planned for Q3.\n\nWe start in June.")).toBe(
      "- COANA-I-4 “Wallboard” moved to Accepted. — “Planned for Q3. We start in June.” (/ideas/COANA-I-4#status-9)",
    );
    expect(digestLine("Blocker assigned to you: VPN", "/projects/3/blockers")).toBe("- Blocker assigned to you: VPN (/projects/3/blockers)");
  });

  it("names the portal or project first, unless the text already does", () => {
    expect(digestLine("COANA-I-4 “Wallboard” moved to Accepted.", "/ideas/COANA-I-4#status-9", null, "PureEngage")).toBe("- PureEngage: COANA-I-4 “Wallboard” moved to Accepted. (/ideas/COANA-I-4#status-9)");
    expect(digestLine("Sprint 2 demo of Northwind Bank today at 10:00.", "/sprints/2/demo", null, "Northwind Bank")).toBe("- Sprint 2 demo of Northwind Bank today at 10:00. (/sprints/2/demo)");
  });

  it("shortens a long text and keeps a path inside it from reading as the link", () => {
    const line = digestLine("Official update on X-1 “T”.", "/ideas/X-1#comment-2", `See (/admin/users) ${"word ".repeat(100)}`);
    expect(line.endsWith(" (/ideas/X-1#comment-2)")).toBe(true);
    expect(line.match(/\(\//g)).toHaveLength(1);
    expect(line.length).toBeLessThan(DIGEST_DETAIL_LENGTH + 60);
    expect(line).toContain("…”");
  });
});

describe("the notifications page's groups", () => {
  it("newest day first, one group per portal or project within a day, newest first in each", () => {
    const items = [
      { id: 1, createdAt: "2026-12-01T09:00:00.000Z", where: "Contact Center Analytics" },
      { id: 2, createdAt: "2026-12-02T08:00:00.000Z", where: "Northwind Bank — chat and callback" },
      { id: 3, createdAt: "2026-12-02T10:00:00.000Z", where: "Contact Center Analytics" },
      { id: 4, createdAt: "2026-12-02T11:00:00.000Z", where: "Northwind Bank — chat and callback" },
      { id: 5, createdAt: "2026-12-02T11:00:00.000Z", where: null },
    ];
    const days = groupByDayAndPlace(items, (at) => at.slice(0, 10));
    expect(days.map((d) => d.day)).toEqual(["2026-12-02", "2026-12-01"]);
    expect(days[0].groups.map((g) => [g.where, g.items.map((i) => i.id)])).toEqual([
      [null, [5]],
      ["Northwind Bank — chat and callback", [4, 2]],
      ["Contact Center Analytics", [3]],
    ]);
    expect(days[1].groups).toEqual([{ where: "Contact Center Analytics", items: [items[0]] }]);
  });
});

describe("unsubscribe tokens", () => {
  it("say whose mail and which, and a forged or altered one reads as nothing", () => {
    const token = unsubscribeToken(42, "digest", "a-secret");
    expect(readUnsubscribeToken(token, "a-secret")).toEqual({ userId: 42, stream: "digest" });
    expect(readUnsubscribeToken(unsubscribeToken(42, "updates", "a-secret"), "a-secret")).toEqual({ userId: 42, stream: "updates" });
    expect(readUnsubscribeToken(token, "another-secret")).toBeNull();
    expect(readUnsubscribeToken(token.replace(/^42\./, "43."), "a-secret")).toBeNull();
    expect(readUnsubscribeToken(token.replace(".d.", ".u."), "a-secret")).toBeNull();
    expect(readUnsubscribeToken("42.d.nope", "a-secret")).toBeNull();
    expect(readUnsubscribeToken("", "a-secret")).toBeNull();
  });
});

describe("unsubscribe links in the logs", () => {
  it("keep their token out of a logged path", async () => {
    const { redactPath, REDACTED } = await import("~/lib/redact");
    expect(redactPath(`/unsubscribe/${unsubscribeToken(7, "digest", "s")}`)).toBe(`/unsubscribe/${REDACTED}`);
  });
});
