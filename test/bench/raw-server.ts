/**
 * The bench's floor for API reads: a bare node:http server that runs the ideas list's SQL —
 * the page of ideas and its count, as prepared statements — on the same database file and
 * answers JSON. Whatever the app adds on top (routing, auth, validation, drizzle) shows as the
 * distance to this. The order is the app's "top" (closed ideas by the votes they closed with), so
 * the same index serves it. Prints its port on stdout once listening.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";

const db = new Database(process.argv[2], { readonly: true });
const portal = db.prepare("SELECT id FROM portals WHERE slug = ?");
const page = db.prepare(
  `SELECT ideas.key, ideas.title, ideas.status, ideas.votes, ideas.comment_count AS commentCount, ideas.created_at AS createdAt,
          categories.name AS category, users.name AS author
   FROM ideas JOIN categories ON categories.id = ideas.category_id JOIN users ON users.id = ideas.author_id
   WHERE ideas.portal_id = ? ORDER BY coalesce(ideas.votes_at_close, ideas.votes) DESC, ideas.id DESC LIMIT ? OFFSET ?`,
);
const count = db.prepare("SELECT count(*) AS n FROM ideas WHERE portal_id = ?").pluck();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const found = portal.get(url.searchParams.get("portal") ?? "bench") as { id: number } | undefined;
  if (!found) {
    res.writeHead(404).end();
    return;
  }
  const items = page.all(found.id, 20, 0);
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ items, total: count.get(found.id), page: 1, pageSize: 20 }));
});
server.listen(0, "127.0.0.1", () => console.log(String((server.address() as AddressInfo).port)));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
