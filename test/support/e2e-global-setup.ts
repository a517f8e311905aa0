import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../db/client.server";
import { seedDemo } from "../../db/seed";
import { demoTemplateFolder } from "./demo-template";

/** Seed the pristine demo once per run; `demoTest` copies it for each journey that changes it. */
export default async function globalSetup() {
  const folder = demoTemplateFolder();
  const file = join(folder, "sprintlab.db");
  if (existsSync(file)) return;
  mkdirSync(folder, { recursive: true });
  // The seed's story file goes to attachments/ beside the database named by DATABASE_URL.
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = file;
  try {
    const db = openDatabase(file);
    await seedDemo(db);
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}
