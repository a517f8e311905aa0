import type { APIRequestContext, APIResponse } from "@playwright/test";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect, test } from "../support/e2e";
import { bearer, newIdea, newUser, tokenFor } from "../support/api";

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: object };

/** Checks real answers against the server's own OpenAPI document: the status must be listed and the body must match. */
class Checker {
  private ajv = new Ajv2020({ strict: false, allErrors: true });
  private compiled = new Map<string, ValidateFunction>();
  readonly checked: string[] = [];

  constructor(private doc: Doc) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: "openapi.json", components: doc.components });
  }

  private template(path: string): string {
    const bare = path.split("?")[0].replace(/^\/api\/v1/, "");
    const found = Object.keys(this.doc.paths).find((t) => new RegExp(`^${t.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`).test(bare));
    expect(found, `${bare} is in the document`).toBeDefined();
    return found!;
  }

  async check(method: string, path: string, response: APIResponse): Promise<unknown> {
    const template = this.template(path);
    const op = this.doc.paths[template][method.toLowerCase()];
    expect(op, `${method} ${template} is in the document`).toBeDefined();
    const status = String(response.status());
    const answer = op.responses[status];
    expect(answer, `${method} ${template} lists ${status}: ${await response.text()}`).toBeDefined();
    const key = `${method} ${template} ${status}`;
    this.checked.push(key);
    const schema = answer.content?.["application/json"]?.schema;
    if (!schema) {
      expect(await response.text(), `${key} has no body`).toBe("");
      return null;
    }
    if (!this.compiled.has(key)) {
      this.compiled.set(key, this.ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'))));
    }
    const body = await response.json();
    const validate = this.compiled.get(key)!;
    expect(validate(body), `${key}: ${this.ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 400)}`).toBe(true);
    return body;
  }
}

async function documentOf(request: APIRequestContext): Promise<Doc> {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const doc = (await response.json()) as Doc;
  expect(doc.openapi).toMatch(/^3\.1\./);
  return doc;
}

test.describe("the OpenAPI document describes real answers", () => {
  test("Ideas Lab and administration: reads as demo users and writes on data of the test's own", async ({ request }) => {
    const api = new Checker(await documentOf(request));
    const call = async (method: string, path: string, token: string | null, data?: unknown) =>
      api.check(method, path, await request.fetch(path, { method, headers: token ? bearer(token) : {}, ...(data === undefined ? {} : { data }) }));

    const admin = await tokenFor(request, "admin@example.com");
    const pm = await tokenFor(request, "pm@example.com");
    const customer = await tokenFor(request, "customer@example.com");
    await call("GET", "/api/v1/me", customer);
    await call("GET", "/api/v1/me", null);
    await call("GET", "/api/v1/me", "spl_nonsense");
    const portals = (await call("GET", "/api/v1/portals", customer)) as { slug: string; categories: { key: string }[] }[];
    await call("GET", `/api/v1/portals/${portals[0].slug}`, customer);
    await call("GET", "/api/v1/portals/no-such-portal", customer);
    await call("PATCH", `/api/v1/portals/${portals[0].slug}`, customer, { name: "Nope" });
    await call("PATCH", `/api/v1/portals/${portals[0].slug}`, admin, { voteThreshold: "20" });
    const page = (await call("GET", "/api/v1/ideas?sort=new&pageSize=5", customer)) as { items: { key: string }[] };
    await call("GET", "/api/v1/ideas?pageSize=abc", customer);
    await call("GET", `/api/v1/ideas/${page.items[0].key}`, customer);
    await call("GET", `/api/v1/ideas/${page.items[0].key}`, pm);
    await call("GET", `/api/v1/ideas/${page.items[0].key}/comments`, customer);
    // A Delivered idea (votesAtClose) and a merge target (mergedFrom) of the demo answer as described too.
    const delivered = (await call("GET", "/api/v1/ideas?status=delivered&pageSize=1", customer)) as { items: { key: string }[] };
    expect(((await call("GET", `/api/v1/ideas/${delivered.items[0].key}`, customer)) as { votesAtClose: number }).votesAtClose).toBeGreaterThan(0);
    const merged = (await call("GET", "/api/v1/ideas?status=merged&pageSize=1", customer)) as { items: { key: string }[] };
    const mergedInto = ((await call("GET", `/api/v1/ideas/${merged.items[0].key}`, customer)) as { mergedInto: string }).mergedInto;
    expect(((await call("GET", `/api/v1/ideas/${mergedInto}`, customer)) as { mergedFrom: string[] }).mergedFrom).toContain(merged.items[0].key);
    await call("GET", "/api/v1/ideas/NOPE-I-1", customer);
    await call("GET", "/api/v1/search?q=callback", customer);
    await call("GET", `/api/v1/search?q=${page.items[0].key}`, customer);
    await call("GET", `/api/v1/search?q=${"x".repeat(201)}`, customer);
    await call("GET", "/api/v1/sla", pm);
    await call("GET", "/api/v1/sla", customer);
    await call("GET", "/api/v1/users", admin);
    await call("GET", "/api/v1/holidays", admin);
    await call("POST", "/api/v1/holidays", admin, { date: "2027-02-30", name: "" });
    await call("DELETE", "/api/v1/holidays/2099-01-01", customer);

    const author = await newUser(request, "customer");
    await call("GET", `/api/v1/users/${author.id}`, admin);
    await call("PATCH", `/api/v1/users/${author.id}`, admin, { company: "Fabrikam Insurance" });
    await call("PATCH", `/api/v1/users/${author.id}`, admin, { active: "yes" });
    await call("POST", `/api/v1/users/${author.id}/vote-grants`, admin, { amount: 2, reason: "For the schema check" });
    await call("POST", `/api/v1/users/${author.id}/vote-grants`, admin, { amount: "2", reason: "Text is not a number" });
    await call("POST", "/api/v1/users", admin, { email: "not-an-email", name: "", role: "nobody", password: "short" });
    const idea = await newIdea(request, author.token, `Schema check idea ${Date.now()}`, portals[0].categories[0].key);
    await call("PATCH", `/api/v1/ideas/${idea.key}`, author.token, { title: "Schema check idea, a clearer title" });
    await call("POST", `/api/v1/ideas/${idea.key}/vote`, author.token);
    await call("POST", `/api/v1/ideas/${idea.key}/vote`, author.token);
    await call("DELETE", `/api/v1/ideas/${idea.key}/vote`, author.token);
    await call("POST", `/api/v1/ideas/${idea.key}/comments`, author.token, { body: "A comment to check the answer's shape.", kind: "comment" });
    await call("POST", `/api/v1/ideas/${idea.key}/comments`, author.token, { body: ["not", "text"] });
    await call("POST", `/api/v1/ideas/${idea.key}/status`, pm, { status: "under_pm_review", note: "Looking at it." });
    await call("POST", `/api/v1/ideas/${idea.key}/status`, author.token, { status: "accepted" });
    await call("POST", `/api/v1/ideas/${idea.key}/links`, pm, { featureId: "1" });
    await call("POST", "/api/v1/ideas", author.token, { category: portals[0].categories[0].key, title: "short", description: "short" });
    await call("POST", "/api/v1/tokens", null, { email: author.email, password: author.password, name: "schema" });
    await call("POST", "/api/v1/tokens", null, { email: author.email, password: "wrong password" });
    await call("POST", "/api/v1/tokens", null, { email: 5 });
    await call("GET", "/api/v1/openapi.json", null);
    expect(api.checked.length).toBe(48);
  });

  test("Delivery: a project of the test's own, its backlog, sprints, go-lives and the demo project's reads", async ({ request }) => {
    const api = new Checker(await documentOf(request));
    const call = async (method: string, path: string, token: string | null, data?: unknown) =>
      api.check(method, path, await request.fetch(path, { method, headers: token ? bearer(token) : {}, ...(data === undefined ? {} : { data }) }));

    const sm = await tokenFor(request, "sm@example.com");
    const customer = await tokenFor(request, "customer@example.com");
    const projects = (await call("GET", "/api/v1/projects", sm)) as { id: number }[];
    const demo = projects[0].id;
    await call("GET", `/api/v1/projects/${demo}`, sm);
    await call("GET", `/api/v1/projects/${demo}`, customer);
    await call("GET", "/api/v1/projects/999999", sm);
    const backlog = (await call("GET", `/api/v1/projects/${demo}/backlog`, sm)) as { id: number; sprintId: number | null }[];
    await call("GET", `/api/v1/projects/${demo}/backlog?sprint=none`, sm);
    await call("GET", `/api/v1/projects/${demo}/backlog?sprint=some`, sm);
    await call("GET", `/api/v1/stories/${backlog[0].id}`, sm);
    await call("GET", `/api/v1/projects/${demo}/release-plan`, sm);
    await call("GET", `/api/v1/projects/${demo}/velocity`, sm);
    const sprintId = backlog.find((s) => s.sprintId)!.sprintId!;
    await call("GET", `/api/v1/sprints/${sprintId}/burndown`, sm);

    const staff = await newUser(request, "staff");
    const member = await newUser(request, "staff");
    const made = (await call("POST", "/api/v1/projects", staff.token, { name: `Schema check ${Date.now()}`, customer: "Acme Health", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12" })) as { id: number };
    await call("POST", "/api/v1/projects", staff.token, { name: "Bad kickoff", customer: "Acme Health", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", kickoffWeeks: "3" });
    const p = made.id;
    await call("POST", `/api/v1/projects/${p}/members`, staff.token, { userId: member.id, role: "team" });
    await call("POST", `/api/v1/projects/${p}/members`, staff.token, { userId: String(member.id), role: "team" });
    await call("POST", `/api/v1/projects/${p}/members`, customer, { userId: member.id, role: "team" });
    const feature = (await call("POST", `/api/v1/projects/${p}/features`, staff.token, { name: "Inbound voice" })) as { id: number };
    const story = (await call("POST", `/api/v1/projects/${p}/stories`, staff.token, { title: "Route callers to the right queue", points: 3, acceptanceCriteria: ["menu matches the queues"], featureId: feature.id })) as { id: number };
    await call("POST", `/api/v1/projects/${p}/stories`, staff.token, { title: "Points as text", points: "5" });
    await call("POST", `/api/v1/projects/${p}/stories`, staff.token, { title: "Criteria as text", acceptanceCriteria: "one line" });
    await call("PATCH", `/api/v1/stories/${story.id}`, staff.token, { description: "As a caller…", rank: 10 });
    await request.fetch(`/api/v1/stories/${story.id}`, { method: "PATCH", headers: { ...bearer(staff.token), "Content-Type": "application/json" }, data: '{"rank": 1e308}' }).then((r) => api.check("PATCH", `/api/v1/stories/${story.id}`, r));
    const sprints = (await call("POST", `/api/v1/projects/${p}/sprints`, staff.token, { count: 2 })) as { id: number }[];
    await call("POST", `/api/v1/projects/${p}/sprints`, staff.token, { count: "2" });
    await call("PATCH", `/api/v1/stories/${story.id}`, staff.token, { sprintId: sprints[0].id });
    const goLive = (await call("POST", `/api/v1/projects/${p}/go-lives`, staff.token, { name: "First go-live", sprintId: sprints[1].id, featureIds: [feature.id] })) as { id: number };
    await call("POST", `/api/v1/projects/${p}/go-lives`, staff.token, { name: "Bad go-live", sprintId: sprints[1].id, featureIds: String(feature.id) });
    await call("POST", `/api/v1/go-lives/${goLive.id}/done`, staff.token, { releaseNoteUrl: "javascript:alert(1)" });
    await call("POST", `/api/v1/go-lives/${goLive.id}/done`, staff.token, { releaseNoteUrl: "https://example.com/notes" });
    await call("POST", `/api/v1/sprints/${sprints[0].id}/start`, staff.token);
    await call("GET", `/api/v1/sprints/${sprints[0].id}/burndown`, staff.token);
    await call("POST", `/api/v1/sprints/${sprints[0].id}/demo`, staff.token, { storyId: String(story.id), decision: "accept" });
    await call("POST", `/api/v1/sprints/${sprints[0].id}/close`, staff.token, { unfinished: "later" });
    await call("POST", `/api/v1/sprints/${sprints[0].id}/close`, staff.token, { unfinished: "backlog" });
    await call("GET", `/api/v1/projects/${p}/release-plan`, staff.token);
    await call("GET", `/api/v1/projects/${p}/velocity`, staff.token);
    expect(api.checked.length).toBeGreaterThan(35);
  });

  test("HEAD and OPTIONS over HTTP: HEAD is the GET without its body, OPTIONS lists the methods", async ({ request }) => {
    const token = await tokenFor(request, "customer@example.com");
    const head = await request.head("/api/v1/portals", { headers: bearer(token) });
    expect(head.status()).toBe(200);
    expect(head.headers()["content-type"]).toContain("application/json");
    expect(await head.text()).toBe("");
    const options = await request.fetch("/api/v1/ideas", { method: "OPTIONS" });
    expect(options.status()).toBe(204);
    expect(options.headers()["allow"]).toBe("GET, HEAD, POST, OPTIONS");
    const refused = await request.fetch("/api/v1/portals", { method: "DELETE", headers: bearer(token) });
    expect(refused.status()).toBe(405);
    expect(refused.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect((await refused.json()).error.code).toBe("method_not_allowed");
  });
});
