import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { unsubscribeToken } from "../../app/notifications/settings.server";
import { e2eDb, expect, test } from "../support/e2e";

/** The unsubscribe page a digest links to: its signed token is the demo customer's, made when the page is opened. */
const UNSUBSCRIBE_PAGE = "/unsubscribe/(the customer's digest link)";
function pathOf(path: string): string {
  if (path !== UNSUBSCRIBE_PAGE) return path;
  const customer = e2eDb().select({ id: users.id }).from(users).where(eq(users.email, "customer@example.com")).get()!;
  return `/unsubscribe/${unsubscribeToken(customer.id, "digest", process.env.E2E_SESSION_SECRET!)}`;
}

/**
 * The pages' standards, read from the pages themselves: every main page, as each kind of visitor
 * sees it, passes an axe scan against WCAG 2.x A and AA with no serious or critical violation, and
 * its HTML — the bytes the server sends — has no NUL byte, decodes as UTF-8 and passes the Nu Html
 * Checker with no error. The scans only read, so they share the suite's server.
 */
type Visitor = { name: string; email: string | null; pages: string[] };

const VISITORS: Visitor[] = [
  { name: "signed out", email: null, pages: ["/sign-in", "/forgot-password", "/request-access", UNSUBSCRIBE_PAGE] },
  {
    name: "customer",
    email: "customer@example.com",
    pages: ["/", "/ideas", "/portals/pureengage", "/portals/pureengage/new", "/ideas/COANA-I-1", "/my-votes", "/notifications", "/portals/pureengage/roadmap", "/portals/pureengage/changelog", "/settings", "/search?q=callback"],
  },
  {
    name: "PM",
    email: "pm@example.com",
    pages: ["/", "/ideas", "/portals/pureengage", "/ideas/COANA-I-1", "/pm", "/portals/purecloud/insights", "/portals/pureengage/roadmap", "/notifications"],
  },
  {
    name: "scrum master",
    email: "sm@example.com",
    pages: ["/my-work", "/projects", "/projects/1", "/projects/1/backlog", "/projects/1/release", "/sprints/4", "/sprints/4/demo", "/sprints/3/retro", "/sprints/4/standup", "/projects/1/ceremonies", "/ceremonies/1", "/projects/1/timeline", "/projects/1/blockers", "/projects/1/grooming", "/projects/1/docs", "/docs/1", "/stories/3", "/features/4", "/search"],
  },
  {
    name: "co-product owner",
    email: "copo@example.com",
    pages: ["/my-work", "/projects/1", "/sprints/4/demo", "/sprints/1/acceptance", "/go-lives/1/acceptance", "/go-lives/1/bundle"],
  },
];

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** Pages per axe test: a scan takes a few seconds on a loaded machine, a test has 30. */
const AXE_PART = 4;

async function pageFor(visitor: Visitor, page: Page, pageAs: (email: string) => Promise<Page>): Promise<Page> {
  return visitor.email ? pageAs(visitor.email) : page;
}

for (const visitor of VISITORS) {
  for (let from = 0; from < visitor.pages.length; from += AXE_PART) {
    const paths = visitor.pages.slice(from, from + AXE_PART);
    test(`axe finds no serious or critical WCAG violation (${visitor.name}): ${paths.join(", ")}`, async ({ page, pageAs }) => {
      const tab = await pageFor(visitor, page, pageAs);
      const problems: string[] = [];
      for (const path of paths) {
        const response = await tab.goto(pathOf(path));
        expect(response?.status(), `${path} opens for ${visitor.name}`).toBe(200);
        // Names that contain the words shown (2.5.3) is a rule axe keeps off by default.
        const { violations } = await new AxeBuilder({ page: tab })
          .withTags(WCAG_TAGS)
          .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
          .analyze();
        for (const violation of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
          const where = violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(" | ");
          problems.push(`${path}: ${violation.id} (${violation.impact}, ${violation.nodes.length}×) ${violation.help} — ${where}`);
        }
      }
      expect(problems, `axe violations for ${visitor.name}`).toEqual([]);
    });
  }
}

const VNU = join(process.cwd(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
const run = promisify(execFile);

type VnuMessage = { type: string; subType?: string; url?: string; message: string; lastLine?: number; extract?: string };

/** The page's bytes as the server sends them, checked for NUL bytes and invalid UTF-8 on the way. */
async function htmlOf(request: APIRequestContext, path: string, problems: string[]): Promise<string> {
  const response = await request.get(pathOf(path));
  expect(response.status(), `${path} opens`).toBe(200);
  const bytes = await response.body();
  const nul = bytes.indexOf(0);
  if (nul !== -1) problems.push(`${path}: NUL byte at offset ${nul} (${bytes.filter((b) => b === 0).length} in all)`);
  let html: string;
  try {
    html = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    problems.push(`${path}: the bytes are not valid UTF-8`);
    html = bytes.toString("utf8");
  }
  const descriptions = [...html.matchAll(/<meta name="description" content="([^"]*)"/g)].map((m) => m[1]);
  if (descriptions.length !== 1 || !descriptions[0].trim()) problems.push(`${path}: ${descriptions.length} meta descriptions (one, not empty, expected)`);
  return html;
}

for (const visitor of VISITORS) {
  test(`the Nu Html Checker finds no error, and the bytes have no NUL (${visitor.name})`, async ({ page, pageAs }) => {
    // One JVM for all of a visitor's pages: its start is the slow part.
    test.setTimeout(120_000);
    const tab = await pageFor(visitor, page, pageAs);
    const folder = mkdtempSync(join(tmpdir(), "sprintlab-vnu-"));
    const problems: string[] = [];
    try {
      const files = new Map<string, string>();
      for (const [index, path] of visitor.pages.entries()) {
        const file = join(folder, `page-${index}.html`);
        writeFileSync(file, await htmlOf(tab.context().request, path, problems));
        files.set(`file:${file}`, path);
      }
      // vnu exits 1 when it reports an error; its JSON report is on stdout either way.
      const { stdout } = await run("java", ["-jar", VNU, "--format", "json", "--stdout", ...[...files.keys()].map((u) => u.slice(5))], {
        maxBuffer: 32 * 1024 * 1024,
      }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        if (!error.stdout) throw new Error(`vnu did not run: ${error.stderr || error.message}`);
        return { stdout: error.stdout };
      });
      const { messages } = JSON.parse(stdout) as { messages: VnuMessage[] };
      for (const message of messages.filter((m) => m.type === "error" || m.type === "non-document-error")) {
        const path = files.get(message.url ?? "") ?? message.url;
        problems.push(`${path}:${message.lastLine ?? "?"}: ${message.message}${message.extract ? ` — ${JSON.stringify(message.extract.trim().slice(0, 120))}` : ""}`);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect(problems, `HTML errors for ${visitor.name}`).toEqual([]);
  });
}
