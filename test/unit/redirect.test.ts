import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/auth/redirect";

describe("the return path after signing in", () => {
  it("keeps paths of our own origin, with their query and fragment", () => {
    expect(safeRedirect("/ideas/COANA-I-1")).toBe("/ideas/COANA-I-1");
    expect(safeRedirect("/portals/pureengage?status=accepted#list")).toBe("/portals/pureengage?status=accepted#list");
    expect(safeRedirect("/projects/1/../2/backlog")).toBe("/projects/2/backlog");
  });

  it("sends anything a browser would read as another origin to the fallback", () => {
    const attacks = [
      "//evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\\tevil.example/",
      " //evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "/%09/evil.example".replace("%09", "\t"),
      "",
      "ideas",
    ];
    for (const to of attacks) expect(safeRedirect(to, "/home"), JSON.stringify(to)).toBe("/home");
    expect(safeRedirect(null)).toBe("/");
  });

  it("keeps an encoded double slash as a path of ours, never as a host", () => {
    // The browser resolves a Location of /%2F%2Fevil.example against our origin: it stays here.
    expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(new URL(safeRedirect("/%2F%2Fevil.example"), "https://sprintlab.example").origin).toBe("https://sprintlab.example");
  });
});
