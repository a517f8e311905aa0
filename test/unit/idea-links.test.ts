import { describe, expect, it } from "vitest";
import type { IdeaStatus } from "../../db/schema/enums";
import { ideasToDeliver, isLinkable, offersInDevelopment } from "../../app/ideas-delivery/links";

describe("ideas meet delivery (SPEC B10)", () => {
  const status = new Map<number, IdeaStatus>([
    [1, "accepted"],
    [2, "in_development"],
    [3, "in_development"],
    [4, "under_pm_review"],
    [5, "delivered"],
  ]);
  const links = [
    { ideaId: 1, featureId: 10 },
    { ideaId: 2, featureId: 10 },
    { ideaId: 2, featureId: 20 },
    { ideaId: 3, featureId: 30 },
    { ideaId: 4, featureId: 10 },
    { ideaId: 5, featureId: 10 },
  ];

  it("delivers the ideas whose every linked feature has shipped with this go-live or before", () => {
    // Go-live A carries feature 10; feature 20 has not shipped: idea 2 waits for it.
    expect(ideasToDeliver(links, status, new Set([10]), new Set())).toEqual([1]);
    // Later go-live B carries feature 20, after A shipped 10: now idea 2 is delivered.
    expect(ideasToDeliver(links, status, new Set([20]), new Set([10]))).toEqual([2]);
  });

  it("never touches ideas outside Accepted and In Development, nor ideas not linked to this go-live", () => {
    expect(ideasToDeliver(links, status, new Set([10, 20]), new Set([30]))).toEqual([1, 2]);
    expect(ideasToDeliver(links, status, new Set([99]), new Set([10, 20, 30]))).toEqual([]);
  });

  it("links only Accepted and In Development ideas", () => {
    expect((["community_review", "under_pm_review", "accepted", "in_development", "delivered", "not_planned", "merged"] as IdeaStatus[]).filter(isLinkable)).toEqual(["accepted", "in_development"]);
  });

  it("offers the move to In Development only to an Accepted idea with a linked story in an active sprint", () => {
    expect(offersInDevelopment("accepted", true)).toBe(true);
    expect(offersInDevelopment("accepted", false)).toBe(false);
    expect(offersInDevelopment("in_development", true)).toBe(false);
  });
});
