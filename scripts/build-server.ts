/**
 * The HTTP server's own build, after the app's (`npm run build` runs both): scripts/server.ts and
 * scripts/cluster.ts bundled into build/server.js and build/cluster.js, with the app modules they
 * use inside and every package left to node_modules. `npm start` then serves with plain node:
 * loading TypeScript through tsx at run time keeps a loader thread in every server process, about
 * 60 MB of memory each (docs/decisions/0012-server-built-ahead.md).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export const SERVER_SOURCES = ["scripts/server.ts", "scripts/cluster.ts", "scripts/web-concurrency.ts"];

export async function buildServer(root: string): Promise<void> {
  await build({
    entryPoints: [join(root, "scripts", "server.ts"), join(root, "scripts", "cluster.ts")],
    outdir: join(root, "build"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer(join(import.meta.dirname, ".."));
}
