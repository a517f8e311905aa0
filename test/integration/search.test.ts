import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { ideas, portals } from "../../db/schema";
import { createStory, updateStory } from "~/delivery/stories.server";
import { deleteStory } from "~/delivery/story-removal.server";
import { createPortal } from "~/ideas/portals.server";
import { search } from "~/ideas-delivery/search.server";
import * as searchRoute from "~/routes/api+/v1+/search";
import { callRoute, freshApiDb, tokenOf } from "../support/api-routes";
import { freshDb } from "../support/db";
import { refusal } from "../support/refusal";
import { makeDeliveryTeam, makeIdea, makePortal, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

async function twoProjects() {
  const a = await makeDeliveryTeam(db);
  const b = await makeDeliveryTeam(db);
  const storyA = createStory(db, a.po, a.project.id, { title: "Offer a callback after four minutes in the queue", description: "Callers keep their place." });
  const storyB = createStory(db, b.po, b.project.id, { title: "Offer a callback to premium callers", description: "Only for the gold tier." });
  return { a, b, storyA, storyB };
}

describe("search: stories", () => {
  it("finds a story by its exact key, any case, and says where to go", async () => {
    const { a, storyA } = await twoProjects();
    const found = search(db, a.viewer, { q: ` ${storyA.key!.toLowerCase()} ` });
    expect(found.exact).toEqual({ story: storyA.id });
    expect(found.stories[0]).toMatchObject({ id: storyA.id, key: storyA.key, projectId: a.project.id, projectName: a.project.name, wontDo: false });
  });

  it("finds stories by words in the title or description, the last word as a prefix", async () => {
    const { a, storyA } = await twoProjects();
    expect(search(db, a.sm, { q: "callback four" }).stories.map((s) => s.id)).toContain(storyA.id);
    expect(search(db, a.copo, { q: "keep their pla" }).stories.map((s) => s.id)).toEqual([storyA.id]);
    expect(search(db, a.copo, { q: "callbacks minute" }).stories.map((s) => s.id)).toEqual([storyA.id]);
    expect(search(db, a.copo, { q: "callback" }).exact).toBeNull();
  });

  it("follows edits and deletions of stories", async () => {
    const { a, storyA } = await twoProjects();
    updateStory(db, a.po, storyA.id, { title: "Play the expected wait time" });
    expect(search(db, a.po, { q: "wait time" }).stories.map((s) => s.id)).toEqual([storyA.id]);
    expect(search(db, a.po, { q: "four minutes" }).stories).toEqual([]);
    deleteStory(db, a.po, storyA.id);
    expect(search(db, a.po, { q: "wait time" }).stories).toEqual([]);
    expect(search(db, a.po, { q: storyA.key! }).exact).toBeNull();
  });

  it("never shows a customer another project's story, by words or by key", async () => {
    const { a, b, storyA, storyB } = await twoProjects();
    for (const customer of [a.copo, a.viewer]) {
      expect(search(db, customer, { q: "callback" }).stories.map((s) => s.id)).toEqual([storyA.id]);
      const byKey = search(db, customer, { q: storyB.key! });
      expect(byKey.exact).toBeNull();
      expect(byKey.stories).toEqual([]);
    }
    const outsider = await makeUser(db, "customer");
    expect(search(db, outsider, { q: "callback" }).stories).toEqual([]);
    expect(search(db, outsider, { q: storyA.key! }).exact).toBeNull();
    expect(search(db, b.copo, { q: "callback" }).stories.map((s) => s.id)).toEqual([storyB.id]);
    // Staff read every project (the portfolio), so they find both.
    const staff = await makeUser(db, "staff");
    expect(search(db, staff, { q: "callback" }).stories.map((s) => s.id).sort()).toEqual([storyA.id, storyB.id].sort());
  });

  it("keeps to ten stories", async () => {
    const a = await makeDeliveryTeam(db);
    for (let i = 0; i < 14; i++) createStory(db, a.po, a.project.id, { title: `Wallboard tile number ${i + 1}` });
    expect(search(db, a.po, { q: "wallboard" }).stories).toHaveLength(10);
  });
});

describe("search: ideas", () => {
  it("finds an idea by key and by words, merged ideas only by key", async () => {
    const { prefix } = await makePortal(db);
    const customer = await makeUser(db, "customer");
    const idea = makeIdea(db, customer, prefix, "Redact card numbers in chat", "Automatic redaction of card numbers from chat transcripts.");
    const byKey = search(db, customer, { q: idea.key.toLowerCase() });
    expect(byKey.exact).toEqual({ idea: idea.key });
    expect(byKey.ideas[0]).toMatchObject({ key: idea.key, title: idea.title });
    expect(search(db, customer, { q: "redact transcr" }).ideas.map((i) => i.key)).toEqual([idea.key]);
    db.update(ideas).set({ status: "merged" }).where(eq(ideas.key, idea.key)).run();
    expect(search(db, customer, { q: "redact transcr" }).ideas).toEqual([]);
    expect(search(db, customer, { q: idea.key }).exact).toEqual({ idea: idea.key });
  });

  it("never shows a customer the ideas of a portal they cannot see", async () => {
    const { admin, prefix } = await makePortal(db);
    const customer = await makeUser(db, "customer");
    const idea = makeIdea(db, customer, prefix, "Wallboard tiles per queue", "Each queue gets its own wallboard tile.");
    // A portal without categories is shown to admins only; put the idea there.
    createPortal(db, admin, { name: "Hidden portal", slug: "hidden-portal", voteThreshold: 20 });
    const hidden = db.select().from(portals).where(eq(portals.slug, "hidden-portal")).get()!;
    db.update(ideas).set({ portalId: hidden.id }).where(eq(ideas.key, idea.key)).run();
    expect(search(db, customer, { q: "wallboard" }).ideas).toEqual([]);
    expect(search(db, customer, { q: idea.key }).exact).toBeNull();
    expect(search(db, admin, { q: "wallboard" }).ideas.map((i) => i.key)).toEqual([idea.key]);
  });
});

describe("search: any text", () => {
  it("answers hostile or odd text with results or nothing, never an error", async () => {
    const { a } = await twoProjects();
    const { prefix } = await makePortal(db);
    makeIdea(db, a.copo, prefix, "Callback scheduling in the caller's time zone", "Let callers pick a callback slot.");
    const texts = ['"', '""', "*", "callback*", "OR", "AND NOT", "(", ")", "callback OR", "NEAR(callback queue)", "title:callback", "^callback", "-callback", "callback'", "\\", "%_", "'; DROP TABLE stories; --", "Zürich über", "日本語 テスト", "🙂 callback", "\u0000", "ACME-0", "ACME-99999999999", "X-I-1"];
    for (const q of texts) {
      expect(() => search(db, a.copo, { q }), q).not.toThrow();
    }
    expect(search(db, a.copo, { q: '"callback" OR (' }).stories.length).toBe(1);
    expect(search(db, a.copo, { q: '"callback" OR (' }).ideas.length).toBe(1);
    expect(search(db, a.copo, { q: "   " })).toMatchObject({ stories: [], ideas: [], exact: null });
  });

  it("refuses a query over 200 characters as a field message, and anything but text", async () => {
    const { a } = await twoProjects();
    expect(refusal(() => search(db, a.copo, { q: "x".repeat(201) }))).toMatchObject({ code: "invalid", fields: { q: "Keep the search under 200 characters." } });
    expect(refusal(() => search(db, a.copo, { q: 5 })).code).toBe("invalid");
    expect(search(db, a.copo, {})).toMatchObject({ q: "", stories: [], ideas: [] });
  });
});

describe("GET /api/v1/search", () => {
  it("answers the viewer's stories and ideas, 422 for an over-long query, 401 without a token", async () => {
    db = freshApiDb();
    const { a, storyA } = await twoProjects();
    const token = tokenOf(db, a.copo);
    const found = await callRoute(searchRoute, "GET", `/search?q=${encodeURIComponent("callback OR (")}`, { token });
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({
      stories: [{ id: storyA.id, key: storyA.key, title: storyA.title, status: "todo", projectId: a.project.id, projectName: a.project.name, wontDo: false }],
      ideas: [],
      exact: null,
    });
    const byKey = (await (await callRoute(searchRoute, "GET", `/search?q=${storyA.key}`, { token })).json()) as { exact: unknown };
    expect(byKey.exact).toEqual({ story: storyA.id });
    const long = await callRoute(searchRoute, "GET", `/search?q=${"x".repeat(201)}`, { token });
    expect(long.status).toBe(422);
    expect(await long.json()).toMatchObject({ error: { code: "invalid", fields: { q: "Keep the search under 200 characters." } } });
    expect((await callRoute(searchRoute, "GET", "/search?q=callback")).status).toBe(401);
  });
});
