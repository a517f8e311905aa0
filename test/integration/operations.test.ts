import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/client.server";
import { addFileAttachment } from "~/delivery/threads.server";
import { backupDatabase } from "~/operations/backup.server";
import { checkHealth } from "~/operations/health.server";
import { loader as healthz } from "~/routes/healthz";
import { freshDb } from "../support/db";
import { makeUser } from "../support/factories";

describe("health check", () => {
  it("is ok on a migrated database, and the route answers 200 with the same body", async () => {
    const db = freshDb();
    expect(checkHealth(() => db)).toEqual({ status: "ok", db: "ok", migrations: "current", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.$client.name;
    try {
      const response = healthz();
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ok", db: "ok", migrations: "current" });
    } finally {
      process.env.DATABASE_URL = before;
    }
  });

  it("fails with migrations 'pending' when the database lacks the newest migration", () => {
    const db = freshDb();
    db.$client.exec("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)");
    expect(checkHealth(() => db)).toMatchObject({ status: "failing", db: "ok", migrations: "pending" });
  });

  it("fails with db 'error' when the file is not a database or the connection is gone", () => {
    const db = freshDb();
    const garbage = join(dirname(db.$client.name), "garbage.db");
    writeFileSync(garbage, "this is not an SQLite file, it only has its name".repeat(200));
    const health = checkHealth(() => openDatabase(garbage));
    expect(health).toMatchObject({ status: "failing", db: "error", migrations: "unknown" });
    expect(health.problem).toMatch(/cannot be opened/);

    db.$client.close();
    expect(checkHealth(() => db)).toMatchObject({ status: "failing", db: "error" });
  });
});

describe("backup", () => {
  async function withAttachment(db: Db, dir: string) {
    const { createProject } = await import("~/delivery/projects.server");
    const { createStory } = await import("~/delivery/stories.server");
    const sm = await makeUser(db, "staff");
    const project = createProject(db, sm, { name: "Backup project", customer: "Acme Health", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12" });
    const story = createStory(db, sm, project.id, { title: "Keep the call recordings" });
    addFileAttachment(db, sm, story.id, { name: "flow.csv", size: 9, bytes: new TextEncoder().encode("a,b\n1,2\n") }, dir);
  }

  it("copies a live database and its attachments, checks the copy, and refuses to overwrite", async () => {
    const db = freshDb();
    const dir = join(dirname(db.$client.name), "attachments");
    await withAttachment(db, dir);
    // Uncheckpointed writes in the WAL are part of the copy.
    db.$client.exec("CREATE TABLE probe (n INTEGER); INSERT INTO probe VALUES (42);");
    const destination = join(dirname(db.$client.name), "backups", "copy.db");

    const result = await backupDatabase({ source: db.$client.name, destination, attachmentsDir: dir });
    expect(result.integrity).toBe("ok");
    expect(result.attachments?.files).toBe(1);

    const copy = new Database(destination, { readonly: true });
    expect(copy.prepare("SELECT n FROM probe").get()).toEqual({ n: 42 });
    const stored = copy.prepare("SELECT stored_as AS storedAs FROM story_attachments WHERE stored_as IS NOT NULL").get() as { storedAs: string };
    copy.close();
    expect(readFileSync(join(result.attachments!.folder, stored.storedAs), "utf8")).toBe("a,b\n1,2\n");
    expect(existsSync(destination + "-wal")).toBe(false);

    await expect(backupDatabase({ source: db.$client.name, destination, attachmentsDir: dir })).rejects.toThrow(/exists already/);
  });
});
