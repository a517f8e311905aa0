import MarkdownIt from "markdown-it";

// Raw HTML off: a <script> or an onclick in the text stays text. markdown-it's own link check
// refuses javascript:, vbscript:, file: and data: (but images) URLs.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

// Links open outside the app without handing it the opener.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * Markdown to HTML that cannot run anything (SPEC A2, A7). Its headings sit below the page's own:
 * `headingOffset` 1 makes a `#` an h2 (2 when the text is itself under an h2), never past h6.
 */
export function renderMarkdown(text: string, headingOffset = 1): string {
  const tokens = md.parse(text, {});
  for (const token of tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + headingOffset)}`;
  }
  return md.renderer.render(tokens, md.options, {});
}
