import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createProject } from "../../app/delivery/projects.server";
import { NewStorySchema, StoryChangeSchema, createStory } from "../../app/delivery/stories.server";
import { fromForm } from "../../app/lib/forms.server";
import * as ideasRoute from "../../app/routes/api+/v1+/ideas";
import * as meRoute from "../../app/routes/api+/v1+/me";
import * as membersRoute from "../../app/routes/api+/v1+/projects.$id.members";
import * as sprintsRoute from "../../app/routes/api+/v1+/projects.$id.sprints";
import * as storiesRoute from "../../app/routes/api+/v1+/projects.$id.stories";
import * as storyRoute from "../../app/routes/api+/v1+/stories.$id";
import * as goLivesRoute from "../../app/routes/api+/v1+/projects.$id.go-lives";
import type { Db } from "../../db/client.server";
import { callRoute, freshApiDb, tokenOf } from "../support/api-routes";
import { makeUser } from "../support/factories";

let db: Db;
beforeAll(() => {
  db = freshApiDb();
});

async function project() {
  const sm = await makeUser(db, "staff");
  const dev = await makeUser(db, "staff");
  const p = createProject(db, sm, { name: "Mechanism check project", customer: "Acme Health", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12" });
  addMember(db, sm, p.id, { userId: dev.id, role: "team" });
  return { sm, dev, project: p, token: tokenOf(db, sm) };
}

describe("HEAD, OPTIONS and 405 in the API mechanism", () => {
  it("OPTIONS is a 204 with Allow naming every method, HEAD and OPTIONS included, without a token", async () => {
    const ideas = await callRoute(ideasRoute, "OPTIONS", "/ideas");
    expect(ideas.status).toBe(204);
    expect(ideas.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect(await ideas.text()).toBe("");
    const stories = await callRoute(storiesRoute, "OPTIONS", "/projects/1/stories", { params: { id: "1" } });
    expect(stories.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("HEAD answers with the GET's status and headers and no body", async () => {
    const user = await makeUser(db, "customer");
    const token = tokenOf(db, user);
    const get = await callRoute(meRoute, "GET", "/me", { token });
    const head = await callRoute(meRoute, "HEAD", "/me", { token });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect(head.headers.get("cache-control")).toBe("no-store");
    expect(await head.text()).toBe("");
    const refused = await callRoute(meRoute, "HEAD", "/me");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("Bearer");
    expect(await refused.text()).toBe("");
  });

  it("a method the route does not serve is a 405 in the envelope, with Allow", async () => {
    const response = await callRoute(ideasRoute, "DELETE", "/ideas");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect((await response.json()).error.code).toBe("method_not_allowed");
    const head = await callRoute(storiesRoute, "HEAD", "/projects/1/stories", { params: { id: "1" } });
    expect(head.status).toBe(405);
    expect(head.headers.get("allow")).toBe("POST, OPTIONS");
  });
});

describe("JSON bodies are not coerced", () => {
  async function expectField(response: Response, field: string) {
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("invalid");
    expect(typeof body.error.fields?.[field], JSON.stringify(body)).toBe("string");
  }

  it("a text where a number is expected is a 422 naming the field; the number itself is taken", async () => {
    const { project: p, token } = await project();
    const params = { id: String(p.id) };
    await expectField(await callRoute(storiesRoute, "POST", `/projects/${p.id}/stories`, { token, params, body: { title: "Callback after five minutes", points: "5" } }), "points");
    await expectField(await callRoute(sprintsRoute, "POST", `/projects/${p.id}/sprints`, { token, params, body: { count: "2" } }), "count");
    const other = await makeUser(db, "staff");
    await expectField(await callRoute(membersRoute, "POST", `/projects/${p.id}/members`, { token, params, body: { userId: String(other.id), role: "team" } }), "userId");
    await expectField(await callRoute(goLivesRoute, "POST", `/projects/${p.id}/go-lives`, { token, params, body: { name: "First go-live", sprintId: "1", featureIds: [] } }), "sprintId");
    const made = await callRoute(storiesRoute, "POST", `/projects/${p.id}/stories`, { token, params, body: { title: "Callback after five minutes", points: 5 } });
    expect(made.status).toBe(201);
    expect((await made.json()).points).toBe(5);
  });

  it("a text where a list is expected is a 422 naming the field", async () => {
    const { project: p, token } = await project();
    const params = { id: String(p.id) };
    await expectField(await callRoute(storiesRoute, "POST", `/projects/${p.id}/stories`, { token, params, body: { title: "Survey by text message", acceptanceCriteria: "sent within a minute" } }), "acceptanceCriteria");
    await expectField(await callRoute(goLivesRoute, "POST", `/projects/${p.id}/go-lives`, { token, params, body: { name: "First go-live", sprintId: 1, featureIds: "3" } }), "featureIds");
  });

  it("a huge, fractional or non-finite number where an id or a bounded rank is meant is a 422", async () => {
    const { sm, project: p, token } = await project();
    const story = createStory(db, sm, p.id, { title: "Rank me somewhere sensible" });
    const params = { id: String(story.id) };
    await expectField(await callRoute(storyRoute, "PATCH", `/stories/${story.id}`, { token, params, rawBody: '{"rank": 1e308}' }), "rank");
    await expectField(await callRoute(storyRoute, "PATCH", `/stories/${story.id}`, { token, params, rawBody: '{"rank": -1e400}' }), "rank");
    await expectField(await callRoute(storyRoute, "PATCH", `/stories/${story.id}`, { token, params, body: { sprintId: 1.5 } }), "sprintId");
    await expectField(await callRoute(storyRoute, "PATCH", `/stories/${story.id}`, { token, params, body: { featureId: 1e308 } }), "featureId");
    const ranked = await callRoute(storyRoute, "PATCH", `/stories/${story.id}`, { token, params, body: { rank: 1500.5 } });
    expect(ranked.status).toBe(200);
    expect((await ranked.json()).rank).toBe(1500.5);
  });

  it("query strings stay text by nature but are validated: a page size that is not a number is a 422", async () => {
    const token = tokenOf(db, await makeUser(db, "customer"));
    await expectField(await callRoute(ideasRoute, "GET", "/ideas?pageSize=abc", { token }), "pageSize");
    expect((await callRoute(ideasRoute, "GET", "/ideas?page=1&pageSize=5", { token })).status).toBe(200);
  });

  it("forms convert their text at the form layer, so the same schemas still take a page's fields", () => {
    expect(fromForm(NewStorySchema, { title: "From a form", points: "5", featureId: "" })).toEqual({ title: "From a form", points: 5, featureId: null });
    expect(NewStorySchema.parse(fromForm(NewStorySchema, { title: "From a form", points: "", featureId: "7" }))).toMatchObject({ points: null, featureId: 7 });
    expect(StoryChangeSchema.safeParse(fromForm(StoryChangeSchema, { points: "4" })).success).toBe(false);
    expect(fromForm(StoryChangeSchema, { sprintId: "12", acceptanceCriteria: "one" })).toEqual({ sprintId: 12, acceptanceCriteria: ["one"] });
  });
});
