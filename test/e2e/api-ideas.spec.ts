import { sql } from "drizzle-orm";
import { e2eDb, expect, test } from "../support/e2e";
import { bearer, newIdea, newUser, tokenFor } from "../support/api";

test.describe("Ideas Lab API", () => {
  test("portals, lists with filters, an idea, and comments", async ({ request }) => {
    const me = await newUser(request);
    const portals = await (await request.get("/api/v1/portals", { headers: bearer(me.token) })).json();
    expect(portals.map((p: { slug: string }) => p.slug).sort()).toEqual(["purecloud", "pureconnect", "pureengage"]);
    expect(portals.find((p: { slug: string }) => p.slug === "pureengage").categories).toContainEqual({ key: "COANA", name: "Analytics & Reporting" });

    const list = await (await request.get("/api/v1/ideas?portal=pureengage&status=community_review&sort=top&pageSize=2", { headers: bearer(me.token) })).json();
    expect(list).toMatchObject({ page: 1, pageSize: 2 });
    expect(list.items.length).toBeLessThanOrEqual(2);
    for (const item of list.items) expect(item).toMatchObject({ status: "community_review", portal: "pureengage", author: { id: expect.any(Number) } });
    expect(list.items[0].votes).toBeGreaterThanOrEqual(list.items.at(-1).votes);

    const idea = await (await request.get("/api/v1/ideas/COANA-I-1", { headers: bearer(me.token) })).json();
    expect(idea).toMatchObject({ key: "COANA-I-1", status: "accepted", targetQuarter: expect.stringMatching(/^\d{4}-Q[1-4]$/) });
    expect(idea).not.toHaveProperty("targetDate");
    const pm = await tokenFor(request, "pm@example.com");
    expect((await (await request.get("/api/v1/ideas/COANA-I-1", { headers: bearer(pm) })).json()).targetDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const refused = await request.post("/api/v1/ideas/COANA-I-1/comments", { headers: bearer(me.token), data: { body: "What an awful gap", kind: "comment" } });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.fields.body).toMatch(/keep it positive.*awful/i);
    const official = await request.post("/api/v1/ideas/COANA-I-1/comments", { headers: bearer(me.token), data: { body: "Official word", kind: "official" } });
    expect(official.status()).toBe(403);

    expect((await request.get("/api/v1/ideas/NOPE-I-1", { headers: bearer(me.token) })).status()).toBe(404);
    expect((await request.get("/api/v1/ideas?status=bogus", { headers: bearer(me.token) })).status()).toBe(422);
    expect((await request.get("/api/v1/sla", { headers: bearer(me.token) })).status()).toBe(403);
    const sla = await (await request.get("/api/v1/sla", { headers: bearer(pm) })).json();
    expect(sla[0]).toMatchObject({ key: "CORTE-I-1", state: "missed" });
  });

  test("status moves: 422 with the allowed moves; votes: 409 for a second vote and on closed ideas", async ({ request }) => {
    const me = await newUser(request);
    const pm = await tokenFor(request, "pm@example.com");
    const idea = await newIdea(request, me.token, `Skill-based callback queue ${Date.now()}`);
    const wrong = await request.post(`/api/v1/ideas/${idea.key}/status`, { headers: bearer(pm), data: { status: "delivered", note: "x", releaseNoteUrl: "https://x.example.com" } });
    expect(wrong.status()).toBe(422);
    expect((await wrong.json()).error.message).toContain("may move to Under PM Review, Not Planned, Merged");
    expect((await request.post(`/api/v1/ideas/${idea.key}/status`, { headers: bearer(me.token), data: { status: "not_planned", note: "x" } })).status()).toBe(403);

    expect((await request.post(`/api/v1/ideas/${idea.key}/vote`, { headers: bearer(me.token) })).status()).toBe(200);
    const again = await request.post(`/api/v1/ideas/${idea.key}/vote`, { headers: bearer(me.token) });
    expect(again.status()).toBe(409);
    expect((await again.json()).error.message).toBe("You already voted for this idea.");

    const closed = await request.post(`/api/v1/ideas/${idea.key}/status`, { headers: bearer(pm), data: { status: "not_planned", note: "Covered by the routing roadmap." } });
    expect(closed.status()).toBe(200);
    expect((await request.post(`/api/v1/ideas/${idea.key}/vote`, { headers: bearer(me.token) })).status()).toBe(409);
    expect((await (await request.get("/api/v1/me", { headers: bearer(me.token) })).json()).votes.available).toBe(10);
  });

  test("admin grants votes and lowers a threshold", async ({ request }) => {
    const admin = await tokenFor(request, "admin@example.com");
    const me = await newUser(request, "partner");
    const granted = await request.post(`/api/v1/users/${me.id}/vote-grants`, { headers: bearer(admin), data: { amount: 3, reason: "Pilot partner" } });
    expect(granted.status()).toBe(201);
    expect(await granted.json()).toEqual({ budget: 13 });
    expect((await request.post(`/api/v1/users/${me.id}/vote-grants`, { headers: bearer(me.token), data: { amount: 3, reason: "me" } })).status()).toBe(403);
    const bad = await request.patch("/api/v1/portals/purecloud", { headers: bearer(admin), data: { voteThreshold: 0 } });
    expect(bad.status()).toBe(422);
    expect((await request.patch("/api/v1/portals/purecloud", { headers: bearer(admin), data: { voteThreshold: 25 } })).status()).toBe(200);
  });

  test("the vote invariant holds under concurrent votes and un-votes against the running server", async ({ request }) => {
    test.setTimeout(120_000);
    const users = await Promise.all(Array.from({ length: 6 }, (_, i) => newUser(request, i % 2 ? "partner" : "customer")));
    const author = users[0];
    const ideas = [];
    for (let i = 0; i < 12; i++) ideas.push(await newIdea(request, author.token, `Concurrency idea ${i} ${Date.now()}`, ["COANA", "CIREP", "PCWFM"][i % 3]));

    // 600 requests in flight together: every user votes and un-votes on every idea, several times over.
    const calls: Promise<number>[] = [];
    for (let round = 0; round < 4; round++) {
      for (const user of users) {
        for (const idea of ideas) {
          const method = (round + idea.key.length + user.id) % 3 === 0 ? "DELETE" : "POST";
          calls.push(request.fetch(`/api/v1/ideas/${idea.key}/vote`, { method, headers: bearer(user.token) }).then((r) => r.status()));
        }
      }
    }
    const statuses = await Promise.all(calls);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200, 409]));
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(60);

    const db = e2eDb();
    for (const user of users) {
      const ledger = db.get<{ sum: number }>(sql`SELECT 10 + coalesce(sum(amount), 0) AS sum FROM vote_ledger WHERE user_id = ${user.id}`).sum;
      const grants = db.get<{ n: number }>(sql`SELECT coalesce(sum(amount), 0) AS n FROM vote_ledger WHERE user_id = ${user.id} AND kind = 'grant'`).n;
      const active = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM idea_votes WHERE user_id = ${user.id}`).n;
      expect(ledger, `user ${user.id}`).toBe(10 + grants - active);
      expect(ledger).toBeGreaterThanOrEqual(0);
      expect(active).toBeLessThanOrEqual(10);
      const me = await (await request.get("/api/v1/me", { headers: bearer(user.token) })).json();
      expect(me.votes.available).toBe(ledger);
    }
    for (const idea of ideas) {
      const row = db.get<{ stored: number; counted: number; ledger: number }>(sql`
        SELECT i.votes AS stored,
               (SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id) AS counted,
               -(SELECT coalesce(sum(amount), 0) FROM vote_ledger l WHERE l.idea_id = i.id AND l.kind IN ('spend', 'return')) AS ledger
        FROM ideas i WHERE i.key = ${idea.key}`);
      expect(row.stored, idea.key).toBe(row.counted);
      expect(row.ledger, idea.key).toBe(row.counted);
    }
  });
});
