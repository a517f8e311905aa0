import { readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { migrationsFolder, packageRoot, type Db } from "../../db/client.server";

export type Health = {
  status: "ok" | "failing";
  db: "ok" | "error";
  migrations: "current" | "pending" | "unknown";
  version: string;
  /** Only when failing: what failed, in words an operator can act on. */
  problem?: string;
};

type Facts = { version: string; lastMigrationAt: number };
let facts: Facts | undefined;

/** Read once per process: the app's version and the newest migration this build carries. */
function buildFacts(): Facts {
  if (facts) return facts;
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
  const journal = JSON.parse(readFileSync(join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  facts = { version: pkg.version, lastMigrationAt: Math.max(...journal.entries.map((e) => e.when)) };
  return facts;
}

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * `GET /healthz` for load balancers: the database answers a query and holds every migration of
 * this build. One prepared statement on the process connection, so it is cheap every second.
 * `connect` may throw (the file cannot be opened or migrated): that is a failing database.
 */
export function checkHealth(connect: () => Db): Health {
  const { version, lastMigrationAt } = buildFacts();
  let sqlite: Database.Database;
  try {
    sqlite = connect().$client;
  } catch (error) {
    return { status: "failing", db: "error", migrations: "unknown", version, problem: `The database cannot be opened: ${messageOf(error)}` };
  }
  let applied: number | null;
  try {
    let statement = statements.get(sqlite);
    if (!statement) {
      statement = sqlite.prepare("SELECT max(created_at) AS at FROM __drizzle_migrations");
      statements.set(sqlite, statement);
    }
    applied = (statement.get() as { at: number | null }).at;
  } catch (error) {
    return { status: "failing", db: "error", migrations: "unknown", version, problem: `The database does not answer: ${messageOf(error)}` };
  }
  if (applied === null || applied < lastMigrationAt) {
    return { status: "failing", db: "ok", migrations: "pending", version, problem: "The database lacks migrations this version needs; restart the server to apply them." };
  }
  return { status: "ok", db: "ok", migrations: "current", version };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
