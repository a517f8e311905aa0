import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = "./data/sprintlab.db";

/**
 * The migrations folder, found from this module's own location. Once bundled into
 * `build/index.js` that location changes, so walk up to the package root instead of
 * trusting a fixed relative path or `process.cwd()`.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "db", "migrations"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Cannot find db/migrations above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export function migrationsFolder(): string {
  return join(packageRoot(), "db", "migrations");
}

export function databasePath(): string {
  return resolve(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
}

export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  // The data folder and the database hold password hashes and every customer's votes: readable
  // by the server's user only.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // A new database file is created 0600 (SQLite gives its -wal and -shm files the same mode).
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  const db = connect(new Database(file));
  if (options.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

/**
 * The app's database over an open SQLite connection: its pragmas, the schema, and IMMEDIATE
 * transactions. A copy deserialized into memory (the permission matrix's thousand worlds) gets
 * the same behaviour as the file the server opens.
 */
export function connect(sqlite: Database.Database): Db {
  cacheStatements(sqlite);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  // Use cases read, then write, inside one transaction. Started DEFERRED, such a transaction
  // fails at once with SQLITE_BUSY when another connection (a script, the test fixtures, a
  // second server) wrote in between; IMMEDIATE takes the write lock up front and waits for it
  // within busy_timeout instead.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

/** How many distinct statements a connection keeps compiled (the app has a few hundred shapes). */
export const STATEMENT_CACHE_SIZE = 2000;

/**
 * drizzle asks better-sqlite3 to prepare every query on every call, and compiling the SQL is a
 * large share of a short request (7.5 % of the server's CPU while it takes votes). The
 * connection keeps each compiled statement by its SQL text, the least recently used out first,
 * and hands it back with its result mode reset: drizzle switches a statement to raw (arrays) for
 * the queries it maps itself, and the next caller of the same SQL may want rows as objects.
 * Values are bound per call, so a cached statement carries nothing of the caller before.
 */
function cacheStatements(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): void {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = compile(source);
    // A statement still stepping through rows (an iterate() in progress) is not shared: the
    // new one takes its place and the busy one is dropped when its caller is done with it.
    cache.delete(source);
    cache.set(source, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return statement;
  }) as Database.Database["prepare"];
}

declare global {
  // eslint-disable-next-line no-var
  var __sprintlabDb: Db | undefined;
  // eslint-disable-next-line no-var
  var __sprintlabDbClosed: boolean | undefined;
}

/** One connection per process, kept on globalThis so that dev rebuilds reuse it. */
export function getDb(): Db {
  if (globalThis.__sprintlabDbClosed) throw new Error("The database was closed for shutdown.");
  if (!globalThis.__sprintlabDb) globalThis.__sprintlabDb = openDatabase(databasePath());
  return globalThis.__sprintlabDb;
}

/**
 * At shutdown: write the WAL back into the database file and close the process connection, so
 * that the file alone is the whole database (a copy of it loses nothing).
 */
export function closeDb(): void {
  const db = globalThis.__sprintlabDb;
  // A request that outlived the drain gets an error, never a new connection nobody closes.
  globalThis.__sprintlabDbClosed = true;
  if (!db) return;
  globalThis.__sprintlabDb = undefined;
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Use-case functions accept the process connection or an open transaction. */
export type DbOrTx = Db | Tx;
