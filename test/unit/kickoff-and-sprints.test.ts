import { describe, expect, it } from "vitest";
import { kickoffPhase } from "~/delivery/kickoff";
import { earliestStart, firstSprintStart, laySprints, nextSprints, sprintEnd, sprintWorkingDays } from "~/delivery/sprints";

const none = new Set<string>();

describe("kickoff phase", () => {
  it("starts on the later of SOW and staffing and lasts whole weeks (SPEC A1 example)", () => {
    expect(kickoffPhase({ sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", weeks: 3 })).toEqual({
      ok: true,
      kickoff: { start: "2026-01-12", end: "2026-02-01", weeks: 3 },
    });
    expect(kickoffPhase({ sowSignedOn: "2026-01-12", staffedOn: "2026-01-05", weeks: 4 })).toMatchObject({ kickoff: { end: "2026-02-08" } });
  });

  it("starts on a weekend date too, and on a later start the scrum master chose", () => {
    expect(kickoffPhase({ sowSignedOn: "2026-01-10", staffedOn: "2026-01-03", weeks: 3 })).toMatchObject({ kickoff: { start: "2026-01-10" } });
    expect(kickoffPhase({ sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", chosenStart: "2026-01-19", weeks: 3 })).toMatchObject({
      kickoff: { start: "2026-01-19", end: "2026-02-08" },
    });
  });

  it("refuses other lengths and an earlier start", () => {
    for (const weeks of [0, 2, 5, 3.5]) {
      expect(kickoffPhase({ sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", weeks })).toMatchObject({ ok: false, fields: { kickoffWeeks: expect.any(String) } });
    }
    expect(kickoffPhase({ sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", chosenStart: "2026-01-09", weeks: 3 })).toMatchObject({
      ok: false,
      fields: { kickoffStart: expect.stringContaining("2026-01-12") },
    });
  });
});

describe("sprints", () => {
  it("sprint 1 starts on the first working day after kickoff; sprints last 21 days with 15 working days", () => {
    expect(firstSprintStart("2026-02-01", none)).toBe("2026-02-02");
    expect(firstSprintStart("2026-01-30", new Set(["2026-02-02"]))).toBe("2026-02-03");
    expect(sprintEnd("2026-02-02")).toBe("2026-02-22");
    expect(sprintWorkingDays({ start: "2026-02-02", end: "2026-02-22" }, none)).toHaveLength(15);
    expect(sprintWorkingDays({ start: "2026-02-02", end: "2026-02-22" }, new Set(["2026-02-16"]))).toHaveLength(14);
  });

  it("generates the next sprints end to end", () => {
    const first = nextSprints([], 2, "2026-02-01", none);
    expect(first.map((s) => [s.number, s.start, s.end])).toEqual([
      [1, "2026-02-02", "2026-02-22"],
      [2, "2026-02-23", "2026-03-15"],
    ]);
    expect(nextSprints(first, 1, "2026-02-01", none)[0]).toMatchObject({ number: 3, start: "2026-03-16", end: "2026-04-05" });
  });

  it("re-lays planned sprints after a kickoff change or a chosen later start; active and closed never move", () => {
    const sprints = [
      { number: 1, start: "2026-02-02", state: "closed" as const, chosenStart: null },
      { number: 2, start: "2026-02-23", state: "active" as const, chosenStart: null },
      { number: 3, start: "2026-03-16", state: "planned" as const, chosenStart: "2026-03-23" },
      { number: 4, start: "2026-04-06", state: "planned" as const, chosenStart: null },
    ];
    // A kickoff moved a week later cannot move sprints 1 and 2.
    const laid = laySprints(sprints, "2026-02-08", none);
    expect(laid.map((s) => s.start)).toEqual(["2026-02-02", "2026-02-23", "2026-03-23", "2026-04-13"]);
    expect(laid[3].end).toBe("2026-05-03");

    const allPlanned = sprints.map((s) => ({ ...s, state: "planned" as const, chosenStart: null }));
    expect(laySprints(allPlanned, "2026-02-08", none).map((s) => s.start)).toEqual(["2026-02-09", "2026-03-02", "2026-03-23", "2026-04-13"]);
    // A chosen start earlier than the sprint can be is not honoured: sprints never overlap.
    const early = [{ number: 1, start: "2026-02-02", state: "planned" as const, chosenStart: "2026-01-01" }];
    expect(laySprints(early, "2026-02-01", none)[0].start).toBe("2026-02-02");
  });

  it("a planned sprint can start no earlier than end to end after the sprint before it", () => {
    const sprints = [
      { number: 1, start: "2026-02-02", state: "active" as const, chosenStart: null },
      { number: 2, start: "2026-03-02", state: "planned" as const, chosenStart: "2026-03-02" },
      { number: 3, start: "2026-03-23", state: "planned" as const, chosenStart: null },
    ];
    expect(earliestStart(sprints, 2, "2026-02-01", none)).toBe("2026-02-23");
    expect(earliestStart(sprints, 3, "2026-02-01", none)).toBe("2026-03-23");
    const first = [{ number: 1, start: "2026-02-09", state: "planned" as const, chosenStart: "2026-02-09" }];
    expect(earliestStart(first, 1, "2026-02-01", new Set(["2026-02-02"]))).toBe("2026-02-03");
  });
});
