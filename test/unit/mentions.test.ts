import { describe, expect, it } from "vitest";
import { handleOf, mentionHandles } from "../../app/lib/mentions";

describe("@mentions", () => {
  it("finds each handle once, case-insensitively, at the start or after punctuation", () => {
    expect(mentionHandles("@copo can you confirm the IVR prompts? (@Dev, @dev)")).toEqual(["copo", "dev"]);
  });

  it("ignores email addresses and a bare @", () => {
    expect(mentionHandles("mail copo@example.com or @ the team")).toEqual([]);
  });

  it("keeps dots and dashes inside a handle but not a trailing full stop", () => {
    expect(mentionHandles("Thanks @ana.ruiz-lopez.")).toEqual(["ana.ruiz-lopez"]);
  });

  it("a member's handle is their email before the @", () => {
    expect(handleOf("CoPo@example.com")).toBe("copo");
  });
});
