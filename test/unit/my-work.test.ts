import { describe, expect, it } from "vitest";
import { awaitsGoNoGo, byWorkOrder, sprintPoints, workingDaysLeft } from "~/delivery/my-work";

describe("awaitsGoNoGo", () => {
  const open = { decision: null, doneAt: null, cutoverOn: "2026-03-13" };

  it("is due once the go-live's sprint runs or is over", () => {
    expect(awaitsGoNoGo(open, "active", "2026-02-10")).toBe(true);
    expect(awaitsGoNoGo(open, "closed", "2026-02-10")).toBe(true);
  });

  it("is due for a sprint not started yet only within two weeks of the cutover", () => {
    expect(awaitsGoNoGo(open, "planned", "2026-02-26")).toBe(false);
    expect(awaitsGoNoGo(open, "planned", "2026-02-27")).toBe(true);
  });

  it("is not due once decided (go or no-go) or done", () => {
    expect(awaitsGoNoGo({ ...open, decision: "go" }, "active", "2026-02-10")).toBe(false);
    expect(awaitsGoNoGo({ ...open, decision: "no_go" }, "active", "2026-02-10")).toBe(false);
    expect(awaitsGoNoGo({ ...open, doneAt: "2026-03-13T22:00:00Z" }, "closed", "2026-03-14")).toBe(false);
  });
});

describe("workingDaysLeft", () => {
  const days = ["2026-02-05", "2026-02-06", "2026-02-09", "2026-02-10"];
  it("counts today when it is a working day, and none after the sprint", () => {
    expect(workingDaysLeft(days, "2026-02-06")).toBe(3);
    expect(workingDaysLeft(days, "2026-02-07")).toBe(2);
    expect(workingDaysLeft(days, "2026-02-11")).toBe(0);
  });
});

describe("sprintPoints", () => {
  it("counts done and accepted as done, and done alone as not yet accepted; unestimated as 0", () => {
    expect(
      sprintPoints([
        { status: "todo", points: 5 },
        { status: "in_progress", points: null },
        { status: "done", points: 3 },
        { status: "accepted", points: 8 },
      ]),
    ).toEqual({ total: 16, done: 11, accepted: 8, doneNotAccepted: 3 });
  });
});

describe("byWorkOrder", () => {
  it("puts in-progress work first, then to do, then done; by project and rank within", () => {
    const s = (id: number, status: "todo" | "in_progress" | "done", projectName: string, rank: number) => ({ id, status, projectName, rank });
    const order = byWorkOrder([s(1, "done", "Acme", 1), s(2, "todo", "Northwind", 1), s(3, "todo", "Acme", 2), s(4, "in_progress", "Acme", 9), s(5, "todo", "Acme", 1)]);
    expect(order.map((x) => x.id)).toEqual([4, 5, 3, 2, 1]);
  });
});
