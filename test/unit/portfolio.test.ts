import { describe, expect, it } from "vitest";
import { parsePortfolioSort, sortPortfolio, sprintEndOn, type SortableRow } from "~/delivery/portfolio";

const row = (name: string, over: Partial<SortableRow> = {}): SortableRow => ({
  name,
  phase: "Sprint 1",
  velocity: null,
  nextGoLive: null,
  doneNotAccepted: 0,
  acceptedNotPassed: 0,
  scopeGrowth: null,
  blockers: { open: 0, oldestDays: null },
  status: null,
  ...over,
});

const rows = [
  row("Northwind contact centre", { status: { rag: "green" }, velocity: 21, nextGoLive: { cutoverOn: "2027-03-01", forecastOn: "2027-03-12" }, blockers: { open: 1, oldestDays: 2 } }),
  row("Acme IVR refresh", { status: { rag: "red" }, velocity: 14, blockers: { open: 3, oldestDays: 9 } }),
  row("Contoso outbound", { velocity: 30, nextGoLive: { cutoverOn: "2027-01-15", forecastOn: null }, scopeGrowth: { points: -4 } }),
  row("Blue Yonder callbacks", { status: { rag: "amber" }, scopeGrowth: { points: 12 }, blockers: { open: 1, oldestDays: 7 } }),
];
const names = (list: SortableRow[]) => list.map((r) => r.name.split(" ")[0]);

describe("portfolio sorting", () => {
  it("sorts by name either way", () => {
    expect(names(sortPortfolio(rows, "name", "asc"))).toEqual(["Acme", "Blue", "Contoso", "Northwind"]);
    expect(names(sortPortfolio(rows, "name", "desc"))).toEqual(["Northwind", "Contoso", "Blue", "Acme"]);
  });

  it("puts red first when status ascends, and projects with no report last whichever the direction", () => {
    expect(names(sortPortfolio(rows, "status", "asc"))).toEqual(["Acme", "Blue", "Northwind", "Contoso"]);
    expect(names(sortPortfolio(rows, "status", "desc"))).toEqual(["Northwind", "Blue", "Acme", "Contoso"]);
  });

  it("sorts by the next go-live's planned date, by velocity, scope growth and blockers", () => {
    expect(names(sortPortfolio(rows, "next-go-live", "asc"))).toEqual(["Contoso", "Northwind", "Acme", "Blue"]);
    expect(names(sortPortfolio(rows, "velocity", "desc"))).toEqual(["Contoso", "Northwind", "Acme", "Blue"]);
    expect(names(sortPortfolio(rows, "scope", "desc"))).toEqual(["Blue", "Contoso", "Acme", "Northwind"]);
    // Most open blockers first; among equal counts, the older blocker first.
    expect(names(sortPortfolio(rows, "blockers", "desc"))).toEqual(["Acme", "Blue", "Northwind", "Contoso"]);
  });

  it("keeps name order among ties and leaves the input alone", () => {
    const copy = [...rows];
    expect(names(sortPortfolio(rows, "done-not-accepted", "desc"))).toEqual(["Acme", "Blue", "Contoso", "Northwind"]);
    expect(rows).toEqual(copy);
  });

  it("reads ?sort=&dir=, falling back to name order for an unknown column", () => {
    expect(parsePortfolioSort("velocity", "desc")).toEqual({ sort: "velocity", dir: "desc", unknown: null });
    expect(parsePortfolioSort("velocity", "sideways")).toEqual({ sort: "velocity", dir: "asc", unknown: null });
    expect(parsePortfolioSort("budget", "desc")).toEqual({ sort: "name", dir: "asc", unknown: "budget" });
    expect(parsePortfolioSort(null, null)).toEqual({ sort: "name", dir: "asc", unknown: null });
  });
});

describe("the date a sprint ends", () => {
  const sprints = [
    { number: 1, start: "2027-01-04", end: "2027-01-15" },
    { number: 2, start: "2027-01-18", end: "2027-01-29" },
  ];
  it("is a planned sprint's own end", () => {
    expect(sprintEndOn(sprints, 2)).toBe("2027-01-29");
  });
  it("runs on a sprint's length at a time past the planned sprints", () => {
    expect(sprintEndOn(sprints, 4)).toBe("2027-02-26");
    expect(sprintEndOn([], 3)).toBeNull();
  });
});
