import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The server's copy of the router, as Remix's server runtime loads it (scripts/patches).
const router = createRequire(import.meta.url)("@remix-run/router") as typeof import("@remix-run/router");

describe("route matching on the server", () => {
  it("flattens and ranks a route tree once, not on every request", () => {
    const routes: { id: string; path: string }[] = [{ id: "a", path: "/a" }];
    expect(router.matchRoutes(routes, "/a")?.map((m) => m.route.id)).toEqual(["a"]);
    // A server's route tree never changes once built; the ranking of its first match is kept.
    routes.push({ id: "b", path: "/b" });
    expect(router.matchRoutes(routes, "/b")).toBeNull();
    expect(router.matchRoutes([...routes], "/b")?.map((m) => m.route.id)).toEqual(["b"]);
  });

  it("matches as before: ranking, parameters, splats, optional segments and case", () => {
    const routes = [
      { id: "root", path: "/", children: [
        { id: "ideas", path: "ideas/:key" },
        { id: "ideas-new", path: "ideas/new" },
        { id: "docs", path: "docs/*" },
        { id: "portal", path: "portals/:slug/:tab?" },
      ] },
    ];
    const ids = (path: string) => router.matchRoutes(routes, path)?.map((m) => m.route.id) ?? null;
    for (let round = 0; round < 2; round++) {
      expect(ids("/ideas/new")).toEqual(["root", "ideas-new"]);
      expect(router.matchRoutes(routes, "/ideas/CC-12")?.at(-1)?.params).toEqual({ key: "CC-12" });
      expect(router.matchRoutes(routes, "/docs/a/b")?.at(-1)?.params).toEqual({ "*": "a/b" });
      expect(ids("/portals/acme")).toEqual(["root", "portal"]);
      expect(router.matchRoutes(routes, "/portals/acme/votes")?.at(-1)?.params).toEqual({ slug: "acme", tab: "votes" });
      expect(ids("/IDEAS/NEW")).toEqual(["root", "ideas-new"]);
      expect(ids("/nowhere")).toBeNull();
      expect(router.matchPath({ path: "/ideas/:key", caseSensitive: true }, "/Ideas/x")).toBeNull();
      expect(router.matchPath({ path: "/ideas/:key", end: false }, "/ideas/x/more")?.params).toEqual({ key: "x" });
    }
  });
});
