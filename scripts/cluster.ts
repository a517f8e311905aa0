/**
 * `WEB_CONCURRENCY=N npm start` with N > 1: N server processes (scripts/server.ts) on one port and
 * one database, through node's cluster. The first process also runs the background jobs, so
 * digests, reminders and the outbox run once; the others only answer requests. SQLite takes the
 * writes of all of them one at a time (IMMEDIATE transactions wait for each other within
 * busy_timeout, db/client.server.ts).
 *
 * A process that dies is started again in its place (with the jobs, if it had them). A stop
 * signal is passed to every process; this one exits once they all have: 0 when each stopped
 * cleanly, 1 otherwise.
 */
import cluster, { type Worker } from "node:cluster";
import { join } from "node:path";
import { webConcurrency } from "./web-concurrency";

const processes = webConcurrency(process.env.WEB_CONCURRENCY);

// The server beside this file: build/server.js once built (npm start), scripts/server.ts from source.
cluster.setupPrimary({ exec: join(import.meta.dirname, import.meta.filename.endsWith(".ts") ? "server.ts" : "server.js") });

/** Which slot each live process fills: slot 0 runs the jobs. */
const slots = new Map<Worker, number>();
let stopping: NodeJS.Signals | null = null;
let failed = false;
/** When processes died lately: more than 5 in a minute means they cannot start, so stop trying. */
let deaths: number[] = [];

function fork(slot: number) {
  const env = slot === 0 ? {} : { JOBS_INTERVAL_SECONDS: "0" };
  const worker = cluster.fork({ ...env, SPRINTLAB_WORKER: String(slot + 1) });
  slots.set(worker, slot);
}

for (let slot = 0; slot < processes; slot++) fork(slot);

cluster.on("exit", (worker, code, signal) => {
  const slot = slots.get(worker) ?? 0;
  slots.delete(worker);
  if (stopping) {
    if (code !== 0) failed = true;
    if (slots.size === 0) process.exit(failed ? 1 : 0);
    return;
  }
  const now = Date.now();
  deaths = [...deaths.filter((t) => now - t < 60_000), now];
  if (deaths.length > 5) {
    console.error(JSON.stringify({ level: 60, time: now, msg: "Server processes keep dying; stopping", code, signal }));
    stopping = "SIGTERM";
    for (const other of slots.keys()) other.process.kill("SIGTERM");
    failed = true;
    if (slots.size === 0) process.exit(1);
    return;
  }
  console.error(JSON.stringify({ level: 50, time: now, msg: "A server process died; starting another", slot: slot + 1, code, signal }));
  fork(slot);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = signal;
    for (const worker of slots.keys()) worker.process.kill(signal);
  });
}
