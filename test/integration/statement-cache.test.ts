import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connect, STATEMENT_CACHE_SIZE } from "../../db/client.server";
import { users } from "../../db/schema";
import { freshDb } from "../support/db";
import { makeUser } from "../support/factories";

describe("the connection's statement cache", () => {
  it("compiles a statement once and hands the same one back for the same SQL", () => {
    const db = connect(new Database(":memory:"));
    const first = db.$client.prepare("SELECT 1 AS one");
    expect(db.$client.prepare("SELECT 1 AS one")).toBe(first);
    expect(db.$client.prepare("SELECT 2 AS two")).not.toBe(first);
  });

  it("gives rows as objects to a caller after drizzle used the same SQL for arrays", async () => {
    const db = freshDb();
    const user = await makeUser(db, "customer");
    // A mapped select makes drizzle switch the statement to raw mode; the plain call of the very
    // same SQL must still get an object, and a plucked one must not leak its mode either.
    const mapped = db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, user.id));
    expect(mapped.get()).toEqual({ id: user.id, email: user.email });
    const { sql, params } = mapped.toSQL();
    expect(db.$client.prepare(sql).get(...params)).toEqual({ id: user.id, email: user.email });
    expect(db.$client.prepare(sql).pluck().get(...params)).toBe(user.id);
    expect(db.$client.prepare(sql).all(...params)).toEqual([{ id: user.id, email: user.email }]);
    expect(mapped.get()).toEqual({ id: user.id, email: user.email });
  });

  it("does not share a statement that is still stepping through rows", () => {
    const db = connect(new Database(":memory:"));
    db.$client.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)");
    const seen: number[] = [];
    for (const row of db.$client.prepare("SELECT n FROM t ORDER BY n").iterate() as IterableIterator<{ n: number }>) {
      // Inside the loop the same SQL is a separate statement; reusing the busy one would throw.
      seen.push(row.n, (db.$client.prepare("SELECT n FROM t ORDER BY n").get() as { n: number }).n);
    }
    expect(seen).toEqual([1, 1, 2, 1, 3, 1]);
  });

  it("keeps at most its size of statements, dropping the least recently used", () => {
    const db = connect(new Database(":memory:"));
    const kept = db.$client.prepare("SELECT 'kept' AS n");
    const dropped = db.$client.prepare("SELECT 'dropped' AS n");
    for (let i = 1; i <= STATEMENT_CACHE_SIZE - 2; i++) {
      db.$client.prepare(`SELECT ${i} AS n`);
      if (i % 100 === 0) expect(db.$client.prepare("SELECT 'kept' AS n")).toBe(kept);
    }
    // Full now: one more pushes out the statement used longest ago, and only that one.
    db.$client.prepare("SELECT 'one more' AS n");
    expect(db.$client.prepare("SELECT 'kept' AS n")).toBe(kept);
    const again = db.$client.prepare("SELECT 'dropped' AS n");
    expect(again).not.toBe(dropped);
    expect(again.get()).toEqual({ n: "dropped" });
  });
});
