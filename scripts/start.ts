/**
 * `npm start`: build if the sources changed, migrate, seed an empty database, print how to sign
 * in, then serve the production build on PORT (default 3000) through build/server.js (scripts/server.ts
 * as scripts/build-server.ts builds it). Exits with the server's code: 0 after a stop it was asked
 * for, non-zero when the server died, so a supervisor restarts it.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { databasePath, openDatabase } from "../db/client.server";
import { layMissingCeremonies } from "../app/delivery/ceremonies.server";
import { freezeClosedSprintDays } from "../app/delivery/sprints.server";
import { backfillKeys } from "../app/delivery/story-keys.server";
import { fillIdeaTerms } from "../app/ideas/idea-terms.server";
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, seedDemo } from "../db/seed";
import { sessionSecret } from "../app/auth/secret.server";
import { exitCodeOf } from "./exit-code";
import { webConcurrency } from "./web-concurrency";
import { buildServer, SERVER_SOURCES } from "./build-server";

const root = join(import.meta.dirname, "..");

/** The build's own output, which sits inside public/ and must not count as a changed source. */
const browserBuild = join(root, "public", "build");

function newestMtime(path: string): number {
  if (path === browserBuild) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // Files only: a folder's own time also moves when the build writes public/build into it.
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

async function buildIfNeeded() {
  const built = ["index.js", "server.js", "cluster.js"].map((f) => join(root, "build", f));
  const sources = ["app", "db/schema", "db/seed", "public", "remix.config.js", "package.json", ...SERVER_SOURCES].map((p) => join(root, p));
  const newest = Math.max(...sources.filter(existsSync).map(newestMtime));
  if (built.every((f) => existsSync(f) && statSync(f).mtimeMs >= newest)) return;
  console.log("Building the app…");
  const result = spawnSync(process.execPath, [join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  await buildServer(root);
}

async function prepareDatabase() {
  const file = databasePath();
  const db = openDatabase(file);
  if (isEmpty(db)) {
    await seedDemo(db);
    console.log(`Seeded the demo data into ${file}`);
  } else {
    // A database from before the ceremony calendar existed gets its sprints' ceremonies once.
    const laid = layMissingCeremonies(db);
    if (laid) console.log(`Laid the ceremonies of ${laid} sprint(s) that had none.`);
    const frozen = freezeClosedSprintDays(db);
    if (frozen) console.log(`Froze the working days of ${frozen} closed sprint(s).`);
    const keyed = backfillKeys(db);
    if (keyed) console.log(`Gave keys to ${keyed} story(ies) made before story keys existed.`);
    const words = fillIdeaTerms(db);
    if (words) console.log(`Counted the ${words} words of the ideas, for searches that forgive typos.`);
  }
  db.$client.close();
  sessionSecret();
}

let processes: number;
try {
  processes = webConcurrency(process.env.WEB_CONCURRENCY);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
await buildIfNeeded();
await prepareDatabase();

const port = process.env.PORT || "3000";
// One process serves by itself; more run under the cluster on the same port. Both were built
// from scripts/server.ts and scripts/cluster.ts and run on plain node.
const server = spawn(process.execPath, [join(root, "build", processes > 1 ? "cluster.js" : "server.js")], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, PORT: port, NODE_ENV: "production" },
});
let announced = false;
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Listening on http:\/\//.test(chunk.toString())) {
    announced = true;
    console.log(`\nSprintlab is running at http://localhost:${port}${processes > 1 ? ` (${processes} server processes)` : ""}`);
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(22)} ${u.note}`);
  }
});
let forwarded: NodeJS.Signals | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    forwarded = signal;
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => process.exit(exitCodeOf(code, signal, forwarded)));
