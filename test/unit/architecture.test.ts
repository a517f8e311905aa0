import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The house rules of docs/architecture.md, read from the code's own imports: the folders of
 * `app/` import each other only downwards in LAYERS (so never in a cycle), `lib/` — the toolbox
 * under all of them — imports none of them, and `notifications/` imports no domain that tells
 * users through it.
 */
const root = resolve(import.meta.dirname, "..", "..");
const app = join(root, "app");
/**
 * Folders of app/ above the domains: the routes, the web plumbing routes share (the API
 * mechanism, flash messages), the shared UI components and the root modules.
 */
const ABOVE = new Set(["routes", "web", "components", "(root)"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function folderOf(file: string): string | null {
  const rel = relative(app, file);
  if (rel.startsWith("..")) return null;
  return rel.includes("/") ? rel.split("/")[0] : "(root)";
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith("~/")) found.push(join(app, spec.slice(2)));
    else if (spec.startsWith(".")) found.push(resolve(dirname(file), spec));
  }
  return found;
}

/** Folder → the folders it imports from. */
export function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of filesUnder(app)) {
    const from = folderOf(file)!;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to && to !== from) graph.get(from)!.add(to);
    }
  }
  return graph;
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (ABOVE.has(next)) continue;
      const at = path.indexOf(next);
      if (at !== -1) {
        found.push([...path.slice(at), next]);
        continue;
      }
      visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) if (!ABOVE.has(node)) visit(node, [node]);
  const seen = new Set<string>();
  return found.filter((c) => {
    const key = [...c.slice(0, -1)].sort().join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The domain folders, top first: each may import only folders after it. */
const LAYERS = ["ideas-delivery", "ideas", "delivery", "calendar", "auth", "notifications", "operations", "lib", "styles"];

describe("the house (docs/architecture.md)", () => {
  const graph = folderGraph();

  it("has no import cycle between the folders of app/", () => {
    expect(cycles(graph).map((c) => c.join(" → "))).toEqual([]);
  });

  it("imports only downwards through the layers of docs/architecture.md", () => {
    const upward: string[] = [];
    for (const [from, to] of graph) {
      if (ABOVE.has(from)) continue;
      expect(LAYERS, `${from} is placed in LAYERS`).toContain(from);
      for (const target of to) if (!ABOVE.has(target) && LAYERS.indexOf(target) <= LAYERS.indexOf(from)) upward.push(`${from} → ${target}`);
    }
    expect(upward).toEqual([]);
  });

  it("keeps lib/ under every domain and notifications/ under the domains that use it", () => {
    const domains = [...graph.keys()].filter((f) => !ABOVE.has(f) && f !== "lib" && f !== "styles" && f !== "components");
    expect([...(graph.get("lib") ?? [])].filter((f) => domains.includes(f))).toEqual([]);
    expect([...(graph.get("notifications") ?? [])].filter((f) => ["ideas", "delivery", "auth"].includes(f))).toEqual([]);
  });

  it("lets no domain import a route, the web plumbing or a component", () => {
    const offenders = [...graph].filter(([from, to]) => !ABOVE.has(from) && [...to].some((t) => ABOVE.has(t))).map(([from, to]) => `${from} → ${[...to].filter((t) => ABOVE.has(t))}`);
    expect(offenders).toEqual([]);
  });
});

describe("forms that change data (ARCHITECTURE.md, Web)", () => {
  const pageFiles = filesUnder(app).filter((f) => f.endsWith(".tsx") && !f.endsWith(join("components", "post-form.tsx")));

  /** `<Form … method="post">`, `<fetcher.Form … method="post">` or a bare `<form method="post">`. */
  function directPostForms(text: string): string[] {
    return [...text.matchAll(/<(Form|form|[A-Za-z]+\.Form)\b([^>]*)>/g)].filter((m) => /method=["']post["']/i.test(m[2])).map((m) => m[0]);
  }

  it("finds a direct post form when there is one", () => {
    expect(directPostForms(`<Form method="post" className="form">`)).toHaveLength(1);
    expect(directPostForms(`<fetcher.Form method="post" action="/x">`)).toHaveLength(1);
    expect(directPostForms(`<Form method="get" className="filters">`)).toEqual([]);
  });

  it("sends every post through PostForm, which resets after success and disables its buttons in flight", () => {
    const offenders = pageFiles.flatMap((file) => directPostForms(readFileSync(file, "utf8")).map((tag) => `${relative(root, file)}: ${tag}`));
    expect(offenders).toEqual([]);
    expect(pageFiles.filter((file) => readFileSync(file, "utf8").includes("<PostForm")).length).toBeGreaterThan(30);
  });
});
