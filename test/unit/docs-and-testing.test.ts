import { describe, expect, it } from "vitest";
import { testRefusal } from "../../app/delivery/customer-test";
import { diffSummary, lineDiff, missingDocRevisions, revisionOn } from "../../app/delivery/docs";
import { renderMarkdown } from "../../app/lib/markdown.server";

describe("customer testing (SPEC A6)", () => {
  it("tests only accepted stories", () => {
    expect(testRefusal({ storyStatus: "done", to: "testing", note: "", openDefects: 0 })?.field).toBe("testStatus");
    expect(testRefusal({ storyStatus: "accepted", to: "testing", note: "", openDefects: 0 })).toBeNull();
  });

  it("a failure needs a note, which becomes the defect", () => {
    expect(testRefusal({ storyStatus: "accepted", to: "failed", note: "  ", openDefects: 0 })?.field).toBe("testNote");
    expect(testRefusal({ storyStatus: "accepted", to: "failed", note: "Transfer drops the caller", openDefects: 0 })).toBeNull();
  });

  it("passes only once every linked defect is accepted", () => {
    expect(testRefusal({ storyStatus: "accepted", to: "passed", note: "", openDefects: 1 })?.message).toBe("1 linked defect is not accepted yet: the story passes once it is.");
    expect(testRefusal({ storyStatus: "accepted", to: "passed", note: "", openDefects: 2 })?.message).toMatch(/^2 linked defects are not accepted yet/);
    expect(testRefusal({ storyStatus: "accepted", to: "passed", note: "", openDefects: 0 })).toBeNull();
  });
});

describe("As-Delivered documents (SPEC A7)", () => {
  const v1 = "# IVR design\nMain menu: 1 sales, 2 support\nHours: 8–18\n";
  const v2 = "# IVR design\nMain menu: 1 sales, 2 support, 3 billing\nHours: 8–18\nHoliday message from the calendar\n";

  it("summarises a diff in lines added and removed", () => {
    expect(diffSummary(v1, v2)).toEqual({ added: 2, removed: 1 });
    expect(diffSummary(v1, v1)).toEqual({ added: 0, removed: 0 });
    expect(diffSummary("", v1)).toEqual({ added: 3, removed: 0 });
    // A last line without its newline is not a changed line.
    expect(diffSummary("a\nb", "a\nb\nc")).toEqual({ added: 1, removed: 0 });
  });

  it("marks each line added, removed or unchanged", () => {
    expect(lineDiff(v1, v2)).toEqual([
      { kind: "same", text: "# IVR design" },
      { kind: "del", text: "Main menu: 1 sales, 2 support" },
      { kind: "add", text: "Main menu: 1 sales, 2 support, 3 billing" },
      { kind: "same", text: "Hours: 8–18" },
      { kind: "add", text: "Holiday message from the calendar" },
    ]);
  });

  it("picks the revision current on a date: the latest saved on or before it", () => {
    const revisions = [
      { number: 1, date: "2026-10-02" },
      { number: 2, date: "2026-10-23" },
      { number: 3, date: "2026-11-20" },
    ];
    expect(revisionOn(revisions, "2026-10-23")?.number).toBe(2);
    expect(revisionOn(revisions, "2026-11-19")?.number).toBe(2);
    expect(revisionOn(revisions, "2026-10-01")).toBeNull();
  });

  it("flags the kinds a story names that got no revision in the sprint", () => {
    expect(missingDocRevisions(["design", "call_flows"], new Set(["design"]))).toEqual(["call_flows"]);
    expect(missingDocRevisions([], new Set())).toEqual([]);
  });
});

describe("safe Markdown", () => {
  it("keeps raw HTML as text and refuses script links", () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror="alert(1)"> [click](javascript:alert(1)) **bold**');
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/href="javascript:/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("<strong>bold</strong>");
  });

  it("puts the text's headings below the page's own", () => {
    expect(renderMarkdown("# Design\n## Voice")).toBe("<h2>Design</h2>\n<h3>Voice</h3>\n");
    expect(renderMarkdown("# Design", 2)).toBe("<h3>Design</h3>\n");
    expect(renderMarkdown("###### Deep")).toBe("<h6>Deep</h6>\n");
  });

  it("renders links with rel=noopener and lists", () => {
    const html = renderMarkdown("- one\n- [docs](https://docs.example.com)");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://docs.example.com" rel="noopener noreferrer nofollow">docs</a>');
  });
});
