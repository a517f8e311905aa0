import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WebLink } from "~/components/web-link";
import { GoLiveDoneSchema } from "~/ideas-delivery/go-live-done.server";
import { MoveSchema } from "~/ideas/idea-moves.server";
import { LinkAttachmentSchema } from "~/delivery/threads.server";
import { isWebLink, webLinkSchema } from "~/lib/validation";

const refused = ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", "ftp://files.example/x", "//evil.example/x", "/relative/path", "https://", "not a link"];

describe("user-supplied links", () => {
  it("accept only absolute http and https addresses, through one schema everywhere", () => {
    for (const good of ["https://docs.example.com/release-notes/4.2", "http://intranet.example/notes?id=7#top", "  https://example.com/padded  "]) {
      expect(webLinkSchema().safeParse(good).success, good).toBe(true);
    }
    for (const bad of refused) expect(isWebLink(bad.trim()) && webLinkSchema().safeParse(bad).success, bad).toBe(false);
    // The same rule in each schema that takes a link, with a field message.
    for (const bad of refused) {
      expect(GoLiveDoneSchema.safeParse({ releaseNoteUrl: bad }).success, bad).toBe(false);
      expect(LinkAttachmentSchema.safeParse({ name: "Runbook", url: bad }).success, bad).toBe(false);
      expect(MoveSchema.safeParse({ status: "delivered", releaseNoteUrl: bad }).success, bad).toBe(false);
      expect(MoveSchema.safeParse({ status: "delivered", releaseNoteUrl: "https://x.example/n", docUrls: [bad] }).success, bad).toBe(false);
    }
    const result = GoLiveDoneSchema.safeParse({ releaseNoteUrl: "javascript:alert(1)" });
    expect(result.success ? null : result.error.issues[0]).toMatchObject({ path: ["releaseNoteUrl"], message: "Give the release-note link (http or https)." });
  });

  it("renders a stored link from before the rule as text, never as a link", () => {
    expect(renderToString(createElement(WebLink, { href: "https://docs.example.com/n", children: "release note" }))).toBe('<a href="https://docs.example.com/n" rel="noopener noreferrer nofollow">release note</a>');
    for (const bad of refused) {
      const html = renderToString(createElement(WebLink, { href: bad, children: "release note" }));
      expect(html, bad).not.toContain("href");
      expect(html).toContain("release note");
    }
  });
});
