import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";

export type BackupResult = {
  database: string;
  bytes: number;
  integrity: string;
  attachments: { folder: string; files: number } | null;
};

/** Where a backup's attachment files go: a folder next to the database copy, named after it. */
export function attachmentsBackupFolder(databaseCopy: string): string {
  return join(dirname(databaseCopy), basename(databaseCopy).replace(/\.db$/, "") + "-attachments");
}

/** `sprintlab-20261201-213000.db` in `backups/` beside the database. */
export function defaultBackupPath(databaseFile: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return join(dirname(databaseFile), "backups", `sprintlab-${stamp}.db`);
}

/**
 * A consistent copy of a running installation: SQLite's online backup API reads the database
 * through its own connection while the server goes on writing (in WAL mode readers and the writer
 * do not wait for each other), copying every page in one step so the copy is one snapshot; the
 * copy is then checked with `PRAGMA integrity_check`. Attachment files are immutable once written
 * and named at random, so copying the folder after the snapshot holds every file the copy names.
 */
export async function backupDatabase(options: { source: string; destination: string; attachmentsDir?: string }): Promise<BackupResult> {
  const { source, destination } = options;
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
  if (existsSync(destination)) throw new Error(`${destination} exists already; choose a new name.`);
  mkdirSync(dirname(destination), { recursive: true, mode: 0o700 });

  // Written under a temporary name and renamed only once checked, so a file with the backup's
  // name is always a whole, checked copy (retention and restore can trust the name).
  const partial = `${destination}.partial`;
  const live = new Database(source, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    await live.backup(partial, { progress: () => 1_000_000_000 });
  } finally {
    live.close();
  }
  chmodSync(partial, 0o600);

  const copy = new Database(partial, { fileMustExist: true });
  let integrity: string;
  try {
    const rows = copy.pragma("integrity_check") as { integrity_check: string }[];
    integrity = rows.map((r) => r.integrity_check).join("; ");
    // The copy stands alone: no WAL beside it.
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  if (integrity !== "ok") return { database: partial, bytes: statSync(partial).size, integrity, attachments: null };
  renameSync(partial, destination);

  let attachments: BackupResult["attachments"] = null;
  const dir = options.attachmentsDir;
  if (dir && existsSync(dir)) {
    const folder = attachmentsBackupFolder(destination);
    cpSync(dir, folder, { recursive: true, errorOnExist: true, force: false });
    chmodSync(folder, 0o700);
    attachments = { folder, files: readdirSync(folder).length };
  }
  return { database: destination, bytes: statSync(destination).size, integrity, attachments };
}
