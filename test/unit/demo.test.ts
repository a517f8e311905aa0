import { describe, expect, it } from "vitest";
import { allowedDecisions, demoEffect, demoRefusal } from "~/delivery/demo";

const ok = { sprintState: "active" as const, storyInSprint: true, storyStatus: "done" as const, decision: "accept" as const, unmetCriteria: [], criteriaCount: 2, followUpTitle: null };

describe("demo decisions", () => {
  it("accepts a done story of the active sprint", () => {
    expect(demoRefusal(ok)).toBeNull();
  });

  it("refuses outside an active sprint, for stories not in it, and for stories not done", () => {
    expect(demoRefusal({ ...ok, sprintState: "closed" })?.message).toMatch(/while the sprint is active/);
    expect(demoRefusal({ ...ok, sprintState: "planned" })).not.toBeNull();
    expect(demoRefusal({ ...ok, storyInSprint: false })?.message).toMatch(/not in the sprint/);
    expect(demoRefusal({ ...ok, storyStatus: "in_progress" })?.message).toMatch(/Only a done story/);
  });

  it("lets an accepted story be decided again (superseding) while the sprint is active", () => {
    expect(demoRefusal({ ...ok, storyStatus: "accepted", decision: "reject", unmetCriteria: [1] })).toBeNull();
    expect(demoRefusal({ ...ok, storyStatus: "accepted", decision: "accept_with_follow_up", followUpTitle: "Spanish prompts too" })).toBeNull();
    expect(demoRefusal({ ...ok, storyStatus: "accepted", decision: "accept" })?.message).toMatch(/already accepted/);
  });

  it("never accepts a story that is not done now: a rejected one goes back through the workflow first", () => {
    for (const status of ["todo", "in_progress"] as const) {
      expect(allowedDecisions(status)).toEqual([]);
      expect(demoRefusal({ ...ok, storyStatus: status, decision: "accept" })?.message).toMatch(/goes back through the workflow/);
      expect(demoRefusal({ ...ok, storyStatus: status, decision: "accept_with_follow_up", followUpTitle: "More" })).not.toBeNull();
    }
    expect(allowedDecisions("done")).toEqual(["accept", "accept_with_follow_up", "reject"]);
    expect(allowedDecisions("accepted")).toEqual(["accept_with_follow_up", "reject"]);
  });

  it("needs unmet criteria of the story for a rejection, and a title for a follow-up", () => {
    expect(demoRefusal({ ...ok, decision: "reject" })?.fields).toEqual({ unmetCriteria: "Tick the criteria not met." });
    expect(demoRefusal({ ...ok, decision: "reject", unmetCriteria: [2] })?.fields).toEqual({ unmetCriteria: "Tick criteria of this story." });
    expect(demoRefusal({ ...ok, decision: "accept_with_follow_up", followUpTitle: " " })?.fields).toEqual({ "followUp.title": "Give the follow-up story a title." });
    expect(demoRefusal({ ...ok, decision: "accept_with_follow_up", followUpTitle: "SMS confirmation too" })).toBeNull();
  });

  it("accepts, or sends a rejected story back to in progress or to the backlog", () => {
    expect(demoEffect("accept", null)).toEqual({ status: "accepted", leavesSprint: false });
    expect(demoEffect("accept_with_follow_up", null)).toEqual({ status: "accepted", leavesSprint: false });
    expect(demoEffect("reject", "in_progress")).toEqual({ status: "in_progress", leavesSprint: false });
    expect(demoEffect("reject", null)).toEqual({ status: "in_progress", leavesSprint: false });
    expect(demoEffect("reject", "backlog")).toEqual({ status: "todo", leavesSprint: true });
  });
});
