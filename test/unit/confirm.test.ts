import { describe, expect, it } from "vitest";
import { closeConsequence } from "~/delivery/sprints";
import { goLiveDoneConsequence } from "~/ideas-delivery/links";
import { finalMoveConsequence, isFinal } from "~/ideas/lifecycle";
import { requireConfirmation } from "~/lib/confirm";
import { refusal } from "../support/refusal";

describe("the confirm step of a change that cannot be undone", () => {
  it("asks only a page (a confirmation object), and lets through exactly the consequence it showed", () => {
    expect(() => requireConfirmation(undefined, "Closing Sprint 1", "x.")).not.toThrow();
    expect(() => requireConfirmation({ given: "x." }, "Closing Sprint 1", "x.")).not.toThrow();
    expect(refusal(() => requireConfirmation({ given: null }, "Closing Sprint 1", "x."))).toMatchObject({ code: "invalid", consequence: "x.", fields: { confirm: "Tick the box to confirm, then send again." } });
    expect(refusal(() => requireConfirmation({ given: "y." }, "Closing Sprint 1", "x.")).fields?.confirm).toMatch(/changed/);
  });

  it("knows which idea moves are final", () => {
    expect(["delivered", "not_planned", "merged"].every((s) => isFinal(s as never))).toBe(true);
    expect(isFinal("accepted")).toBe(false);
  });

  it("words the numbers, one and many and none", () => {
    expect(finalMoveConsequence("not_planned", { total: 1 })).toBe("1 vote goes back to its voter.");
    expect(finalMoveConsequence("delivered", { total: 0 })).toBe("it has no votes to give back.");
    expect(finalMoveConsequence("merged", { total: 4, onTargetToo: 0, target: "A-I-2" })).toBe("4 votes move to A-I-2; its followers follow A-I-2.");
    expect(finalMoveConsequence("merged", { total: 3, onTargetToo: 2, target: "A-I-2" })).toBe("1 vote moves to A-I-2 and 2 votes go back to people who voted for both; its followers follow A-I-2.");
    expect(closeConsequence(1, null)).toBe("1 unfinished story goes to the top of the backlog; the sprint report is frozen.");
    expect(closeConsequence(0, 5)).toBe("every story is accepted, so no story moves; the sprint report is frozen.");
    expect(goLiveDoneConsequence([])).toBe("no linked idea becomes Delivered.");
    expect(goLiveDoneConsequence(["A-I-1"])).toBe("1 idea becomes Delivered (A-I-1) and its votes go back to their voters.");
  });
});
