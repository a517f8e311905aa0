import { describe, expect, it } from "vitest";
import { doneGoLiveRefusal, featureDeleteRefusal, goLiveDeleteConsequence, goLiveDeleteRefusal, hypercareAfterMove, hypercareRefusal, lastScrumMasterRefusal, memberRemovalConsequence, memberRemovedMessage } from "~/delivery/edit-rules";

describe("go-live edits", () => {
  it("a moved cutover keeps the hypercare's length; hypercare ends on the cutover or later", () => {
    expect(hypercareAfterMove({ cutoverOn: "2026-02-20", hypercareEnd: "2026-03-06" }, "2026-02-21")).toBe("2026-03-07");
    expect(hypercareAfterMove({ cutoverOn: "2026-02-20", hypercareEnd: "2026-04-01" }, "2026-03-02")).toBe("2026-04-11");
    expect(hypercareRefusal("2026-02-20", "2026-02-20")).toBeNull();
    expect(hypercareRefusal("2026-02-20", "2026-02-19")).toBe("Hypercare ends on the cutover (2026-02-20) or later.");
  });

  it("a done go-live keeps its scope, sprint, cutover and release note", () => {
    expect(doneGoLiveRefusal("Go-live 1", {})).toBeNull();
    expect(doneGoLiveRefusal("Go-live 1", { scope: false, releaseNote: false })).toBeNull();
    expect(doneGoLiveRefusal("Go-live 1", { cutover: true })).toBe("Go-live 1 is done: its cutover is what shipped and no longer changes.");
    expect(doneGoLiveRefusal("Go-live 1", { scope: true, releaseNote: true })).toBe("Go-live 1 is done: its scope and release note are what shipped and no longer change.");
  });

  it("deletes only a go-live not done and undecided", () => {
    expect(goLiveDeleteRefusal({ name: "Go-live 2", doneAt: null, decision: null })).toBeNull();
    expect(goLiveDeleteRefusal({ name: "Go-live 2", doneAt: "2026-03-01T10:00:00.000Z", decision: "go" })).toMatch(/is done/);
    expect(goLiveDeleteRefusal({ name: "Go-live 2", doneAt: null, decision: "no_go" })).toBe("A no-go was recorded for Go-live 2, and its acceptance record names it, so it cannot be deleted.");
    expect(goLiveDeleteConsequence("Go-live 2", 2)).toBe("Go-live 2 is deleted with its change log; its 2 features go back to the unplanned features.");
    expect(goLiveDeleteConsequence("Go-live 2", 1)).toBe("Go-live 2 is deleted with its change log; its 1 feature goes back to the unplanned features.");
  });
});

describe("feature and member edits", () => {
  it("a feature with stories is not deleted: the sentence counts them", () => {
    expect(featureDeleteRefusal("Web callback", 0)).toBeNull();
    expect(featureDeleteRefusal("Web callback", 1)).toBe("1 story belongs to Web callback: move it to another feature (or to none) first.");
    expect(featureDeleteRefusal("Web callback", 3)).toBe("3 stories belong to Web callback: move them to another feature (or to none) first.");
  });

  it("the last scrum master is neither removed nor demoted", () => {
    const sm = { name: "Dana Reyes", role: "scrum_master" };
    expect(lastScrumMasterRefusal(sm, 1, "remove")).toMatch(/only scrum master/);
    expect(lastScrumMasterRefusal(sm, 1, { role: "team" })).toMatch(/only scrum master/);
    expect(lastScrumMasterRefusal(sm, 1, { role: "scrum_master" })).toBeNull();
    expect(lastScrumMasterRefusal(sm, 2, "remove")).toBeNull();
    expect(lastScrumMasterRefusal({ name: "Lee", role: "team" }, 1, "remove")).toBeNull();
  });

  it("a member's removal names what they hand back, with the real numbers and only what changes", () => {
    expect(memberRemovalConsequence("Dana Dev", "Acme", { stories: 3, blockers: 1, retroActions: 2, daysOff: 1 })).toBe(
      "Dana Dev leaves Acme: 3 stories become unassigned, 1 open blocker loses its owner, 2 retrospective actions lose their owner, 1 future day off is removed.",
    );
    expect(memberRemovalConsequence("Dana Dev", "Acme", { stories: 1, blockers: 2, retroActions: 1, daysOff: 4 })).toBe(
      "Dana Dev leaves Acme: 1 story becomes unassigned, 2 open blockers lose their owner, 1 retrospective action loses its owner, 4 future days off are removed.",
    );
    expect(memberRemovalConsequence("Dana Dev", "Acme", { stories: 0, blockers: 0, retroActions: 0, daysOff: 2 })).toBe("Dana Dev leaves Acme: 2 future days off are removed.");
    expect(memberRemovalConsequence("Dana Dev", "Acme", { stories: 0, blockers: 0, retroActions: 0, daysOff: 0 })).toBe("Dana Dev leaves Acme: nothing is assigned to them; what they did stays in the history.");
  });

  it("the flash after a removal says what was handed back", () => {
    expect(memberRemovedMessage({ name: "Dana Dev", unassigned: 0, blockers: 0, retroActions: 0, daysOff: 0 })).toBe("Dana Dev left the project.");
    expect(memberRemovedMessage({ name: "Dana Dev", unassigned: 2, blockers: 1, retroActions: 0, daysOff: 3 })).toBe("Dana Dev left the project: 2 stories unassigned, 1 open blocker without an owner, 3 future days off removed.");
  });
});
