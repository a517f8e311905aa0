import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openDatabase, type Db } from "../../db/client.server";

/** A fresh, migrated SQLite file of this test's own (a copy of the run's base database). */
export function freshDb(): Db {
  const file = join(mkdtempSync(join(tmpdir(), "sprintlab-")), "test.db");
  copyFileSync(inject("baseDb"), file);
  return openDatabase(file);
}
