import { describe, expect, it } from "vitest";
import { editLines, type HistoryViewer } from "~/ideas/edit-history";

const names: Record<number, string> = { 1: "Analytics (PureCloud)", 2: "Routing (PureCloud)" };
const customer: HistoryViewer = { seesBusinessImpact: false, seesTargetDate: false, categoryName: (id) => names[id] ?? null };
const pm: HistoryViewer = { ...customer, seesBusinessImpact: true, seesTargetDate: true };

describe("an idea's edit history", () => {
  it("says what each field was and became, in a fixed order", () => {
    const lines = editLines({ description: { from: "Old text", to: "New text" }, title: { from: "Old title", to: "New title" } }, customer);
    expect(lines).toEqual([
      { field: "Title", from: "Old title", to: "New title" },
      { field: "Description", from: "Old text", to: "New text" },
    ]);
  });

  it("names the categories of a move", () => {
    expect(editLines({ category: { from: 1, to: 2 } }, customer)).toEqual([{ field: "Category", from: "Analytics (PureCloud)", to: "Routing (PureCloud)" }]);
  });

  it("shows a private-note change only to those who may read the note", () => {
    const changes = { businessImpact: { from: null, to: "400 seats at renewal" } };
    expect(editLines(changes, customer)).toEqual([]);
    expect(editLines(changes, pm)).toEqual([{ field: "Business impact (private)", from: null, to: "400 seats at renewal" }]);
  });

  it("shows target dates to PMs and quarters to everyone else, leaving out a move within the quarter", () => {
    expect(editLines({ targetDate: { from: "2026-04-10", to: "2026-08-01" } }, pm)).toEqual([{ field: "Target", from: "2026-04-10", to: "2026-08-01" }]);
    expect(editLines({ targetDate: { from: "2026-04-10", to: "2026-08-01" } }, customer)).toEqual([{ field: "Target", from: "2026-Q2", to: "2026-Q3" }]);
    expect(editLines({ targetDate: { from: "2026-04-10", to: "2026-05-01" } }, customer)).toEqual([]);
    expect(editLines({ targetDate: { from: null, to: "2026-05-01" } }, customer)).toEqual([{ field: "Target", from: null, to: "2026-Q2" }]);
  });
});
