import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { sessionCookie } from "~/auth/session.server";
import { createSession } from "~/auth/sessions.server";
import { CLOSED_PAGE, SECTION_PAGE } from "~/delivery/backlog";
import { generateSprints } from "~/delivery/sprints.server";
import { createStory, listBacklog } from "~/delivery/stories.server";
import { freshDb } from "../support/db";
import { makeDeliveryTeam } from "../support/factories";
import { callPage, pageModule, type PageModule } from "../support/route-calls";

let db: Db;
beforeAll(() => {
  process.env.SESSION_SECRET ??= "backlog-paging-secret-long-enough";
});
beforeEach(() => {
  db = freshDb();
  // The route's own getDb() answers with this test's database.
  process.env.DATABASE_URL = db.$client.name;
  globalThis.__sprintlabDb = db;
});

type Loaded = { sections: { kind: string; sprintId: number | null; points: number; stories: { id: number; title: string }[]; more: number; hidden: number }[]; groom: { id: number } | null };
type Route = PageModule & { loader: (a: unknown) => Promise<Response> };
const ROUTE = "_delivery+/projects.$id.backlog";

async function page(route: Route, cookie: string, projectId: number, search = ""): Promise<Loaded> {
  const answer = await route.loader({ request: new Request(`http://localhost/projects/${projectId}/backlog${search}`, { headers: { Cookie: cookie } }), params: { id: String(projectId) }, context: {} });
  return (await answer.json()) as Loaded;
}

describe("the backlog's pages (issue 16)", () => {
  it("shows the first rows of a long section in rank order, counts the rest, and 'show the next' adds a page in the same order, with a filter too", async () => {
    const { po, project } = await makeDeliveryTeam(db);
    const total = SECTION_PAGE + 5;
    const made = Array.from({ length: total }, (_, i) => createStory(db, po, project.id, { title: `${i % 2 ? "Callback" : "Greeting"} story ${i + 1}`, points: 1 }));
    const cookie = (await sessionCookie().serialize(createSession(db, po.id))).split(";")[0];
    const route = (await pageModule(ROUTE)) as Route;

    const first = (await page(route, cookie, project.id)).sections.find((s) => s.kind === "backlog")!;
    expect(first.stories.map((s) => s.id)).toEqual(made.slice(0, SECTION_PAGE).map((s) => s.id));
    expect(first).toMatchObject({ more: 5, points: total, hidden: 0 });

    const next = (await page(route, cookie, project.id, `?show.backlog=${SECTION_PAGE * 2}`)).sections.find((s) => s.kind === "backlog")!;
    expect(next.stories.map((s) => s.id)).toEqual(made.map((s) => s.id));
    expect(next.more).toBe(0);
    // A count that is not a whole page rounds up; nonsense shows the first page.
    expect((await page(route, cookie, project.id, `?show.backlog=${SECTION_PAGE + 1}`)).sections.find((s) => s.kind === "backlog")!.stories).toHaveLength(total);
    expect((await page(route, cookie, project.id, "?show.backlog=lots")).sections.find((s) => s.kind === "backlog")!.stories).toHaveLength(SECTION_PAGE);

    // Filtered and paged: the filter narrows the rows, the page cuts what is left, in the same rank order.
    const callbacks = listBacklog(db, po, project.id, { q: "Callback" });
    const filtered = (await page(route, cookie, project.id, "?q=Callback")).sections.find((s) => s.kind === "backlog")!;
    expect(callbacks.length).toBeLessThan(SECTION_PAGE);
    expect(filtered.stories.map((s) => s.id)).toEqual(callbacks.map((s) => s.id));
    expect(filtered).toMatchObject({ more: 0, hidden: total - callbacks.length, points: total });
  });

  it("rows carry no grooming form data but the one opened with ?groom=, and the shared forms move and plan the row whose button was pressed", async () => {
    const { sm, po, project } = await makeDeliveryTeam(db);
    const [sprint] = generateSprints(db, sm, project.id, { count: 1 });
    const [a, b, c] = ["Route VIP callers", "Play the wait time", "Agent greeting per queue"].map((title) => createStory(db, po, project.id, { title, points: 3, description: `About ${title}` }));
    const cookie = (await sessionCookie().serialize(createSession(db, po.id))).split(";")[0];
    const route = (await pageModule(ROUTE)) as Route;
    const plain = await page(route, cookie, project.id);
    expect(plain.groom).toBeNull();
    expect(Object.keys(plain.sections.find((s) => s.kind === "backlog")!.stories[0])).not.toContain("description");
    expect((await page(route, cookie, project.id, `?groom=${b.id}`)).groom).toMatchObject({ id: b.id, description: "About Play the wait time" });

    const path = { path: `/projects/${project.id}/backlog`, params: { id: String(project.id) } };
    const moved = await callPage(route, path, cookie, { form: { intent: "move", move: `up:${c.id}` } });
    expect(moved.status).toBe(302);
    expect(listBacklog(db, po, project.id).map((s) => s.id)).toEqual([a.id, c.id, b.id]);
    // Every row's select goes with the shared plan form; the pressed button's story takes its own.
    const planned = await callPage(route, path, cookie, { form: { intent: "plan", storyId: String(b.id), [`sprintId-${a.id}`]: "", [`sprintId-${b.id}`]: String(sprint.id), [`sprintId-${c.id}`]: "" } });
    expect(planned.status).toBe(302);
    expect(listBacklog(db, po, project.id).map((s) => [s.id, s.sprintId])).toEqual([
      [a.id, null],
      [c.id, null],
      [b.id, sprint.id],
    ]);
    // A saved grooming closes its form: the redirect drops ?groom= and keeps the other parameters.
    const groomed = await callPage(route, { ...path, path: `${path.path}?groom=${a.id}&type=story` }, cookie, { form: { intent: "groom", storyId: String(a.id), points: "5", acceptanceCriteria: "rings the VIP queue", description: "" } });
    expect(groomed.location).toBe(`/projects/${project.id}/backlog?type=story#story-${a.id}`);
  });

  it("shows the closed sprints' accepted stories a smaller page at a time", () => {
    expect(CLOSED_PAGE).toBeLessThan(SECTION_PAGE);
  });
});
