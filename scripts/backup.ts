/**
 * `npm run backup [-- path]`: a consistent copy of the database (and its attachment files) while
 * the server runs, checked with `PRAGMA integrity_check`. Restore: README, "Running in production".
 */
import { resolve } from "node:path";
import { databasePath } from "../db/client.server";
import { attachmentsDir } from "../app/delivery/threads.server";
import { backupDatabase, defaultBackupPath } from "../app/operations/backup.server";

// Everything the backup writes is for the server's user only, from the moment it is created.
process.umask(0o077);
const source = databasePath();
const destination = resolve(process.argv[2] || defaultBackupPath(source));

try {
  const result = await backupDatabase({ source, destination, attachmentsDir: attachmentsDir() });
  if (result.integrity !== "ok") {
    console.error(`The copy failed its integrity check and was left as ${result.database}: ${result.integrity}`);
    process.exit(2);
  }
  console.log(`Backed up ${source}`);
  console.log(`  database:    ${result.database} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity ok)`);
  console.log(`  attachments: ${result.attachments ? `${result.attachments.folder} (${result.attachments.files} files)` : "none"}`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
