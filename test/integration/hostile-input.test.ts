import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { createSession } from "../../app/auth/sessions.server";
import { sessionCookie } from "../../app/auth/session.server";
import { addMember, createProject } from "../../app/delivery/projects.server";
import { createStory, getStory } from "../../app/delivery/stories.server";
import { formLists, fromForm } from "../../app/lib/forms.server";
import { ProjectSchema } from "../../app/delivery/projects.server";
import { redirectWithFlash } from "../../app/web/flash.server";
import * as groomingPage from "../../app/routes/_delivery+/projects.$id.grooming";
import * as newProjectPage from "../../app/routes/_delivery+/projects.new";
import * as ideasApi from "../../app/routes/api+/v1+/ideas";
import { callRoute, freshApiDb, tokenOf } from "../support/api-routes";
import { makePortal, makeUser } from "../support/factories";

/** Input the fuzz tests found answered with a 500, or accepted when it should not have been. */

let db: Db;
beforeAll(() => {
  process.env.SESSION_SECRET ??= "hostile-input-session-secret-long";
  db = freshApiDb();
});

async function post(action: (args: never) => unknown, path: string, params: Record<string, string>, userId: number, form: URLSearchParams): Promise<Response> {
  const cookie = (await sessionCookie().serialize(createSession(db, userId))).split(";")[0];
  const request = new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: form });
  try {
    return (await (action as (args: unknown) => Promise<Response>)({ request, params, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("page forms", () => {
  it("a field named __proto__ or constructor is an unknown field, not a crash", async () => {
    expect(fromForm(ProjectSchema, { ["__proto__"]: "x", constructor: "y", kickoffWeeks: "4" })).toMatchObject({ kickoffWeeks: 4 });
    const staff = await makeUser(db, "staff");
    const form = new URLSearchParams({ name: "Acme cloud migration", customer: "Acme", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", timeZone: "UTC" });
    form.append("__proto__", "polluted");
    const answer = await post(newProjectPage.action, "/projects/new", {}, staff.id, form);
    expect(answer.status).toBe(302);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a refused form named like an object's own properties keeps its values, not a crash", async () => {
    const form = new FormData();
    for (const [k, v] of [["constructor", "a"], ["constructor", "b"], ["__proto__", "c"], ["featureIds", "3"], ["featureIds", "5"]]) form.append(k, v);
    const lists = formLists(form);
    expect(lists.constructor).toEqual(["a", "b"]);
    expect(Object.getOwnPropertyDescriptor(lists, "__proto__")?.value).toEqual(["c"]);
    expect(lists.featureIds).toEqual(["3", "5"]);
    expect(({} as Record<string, unknown>).c).toBeUndefined();
  });

  it("grooming from an address with any project id goes back to the story's own project, whatever characters the address held", async () => {
    const sm = await makeUser(db, "staff");
    const dev = await makeUser(db, "staff");
    const project = createProject(db, sm, { name: "Grooming check", customer: "Acme", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12" });
    addMember(db, sm, project.id, { userId: dev.id, role: "team" });
    const story = createStory(db, dev, project.id, { title: "Callback after five minutes" });
    const form = new URLSearchParams({ storyId: String(story.id), title: "Callback after four minutes", points: "3", criteria: "offer plays" });
    const answer = await post(groomingPage.action, "/projects/%EA%A1%A2/grooming", { id: "ꡢइ🧔" }, dev.id, form);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`/projects/${project.id}/grooming#story-${story.id}`);
    expect(getStory(db, dev, story.id).title).toBe("Callback after four minutes");
  });

  it("a redirect to an address with characters a header cannot hold is percent-encoded", async () => {
    expect((await redirectWithFlash("/ideas/é 🙂\ud800", "Saved.")).headers.get("location")).toBe("/ideas/%C3%A9%20%F0%9F%99%82%EF%BF%BD");
  });
});

describe("the API", () => {
  it("takes a body only as JSON: form posts and plain text are a 400 in the envelope, however well they parse", async () => {
    const { prefix } = await makePortal(db);
    const token = tokenOf(db, await makeUser(db, "customer"));
    const body = JSON.stringify({ category: prefix, title: "Report callbacks per queue", description: "Per queue and per day, offered and taken." });
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const request = new Request("http://localhost/api/v1/ideas", { method: "POST", headers: { Authorization: `Bearer ${token}`, ...(contentType ? { "Content-Type": contentType } : {}) }, body });
      if (!contentType) request.headers.delete("content-type");
      const answer = (await ideasApi.action({ request, params: {}, context: {} } as never)) as Response;
      expect(answer.status, contentType).toBe(400);
      expect((await answer.json()).error).toMatchObject({ code: "bad_request", message: "Send the body as JSON, with Content-Type: application/json." });
    }
    expect((await callRoute(ideasApi, "POST", "/ideas", { token, rawBody: body })).status).toBe(201);
    const merge = new Request("http://localhost/api/v1/ideas", { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/merge-patch+json; charset=utf-8" }, body: body.replace("callbacks", "transfers") });
    expect(((await ideasApi.action({ request: merge, params: {}, context: {} } as never)) as Response).status).toBe(201);
  });
});
