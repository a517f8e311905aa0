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

/** Markdown to HTML that cannot run anything (SPEC A2, A7). */
export function renderMarkdown(text: string): string {
  return md.render(text);
}
