import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client.server";

declare module "vitest" {
  export interface ProvidedContext {
    baseDb: string;
  }
}

/** Migrate one base database for the run; each test file copies it (see support/db.ts). */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "sprintlab-test-"));
  const base = join(dir, "base.db");
  const db = openDatabase(base);
  db.$client.pragma("journal_mode = DELETE");
  db.$client.close();
  project.provide("baseDb", base);
  return () => rmSync(dir, { recursive: true, force: true });
}
