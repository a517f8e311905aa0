import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/e2e";
import { bearer, newUser, tokenFor } from "../support/api";

type Sprint = { id: number; number: number; start: string; end: string };

/** A project of this journey's own (the demo projects stay as they are), with sprints and two go-lives. */
async function ownPlan(request: APIRequestContext) {
  const sm = await tokenFor(request, "sm@example.com");
  const post = async (path: string, data: unknown) => {
    const response = await request.post(`/api/v1${path}`, { headers: bearer(sm), data });
    expect(response.status(), path).toBe(201);
    return response.json();
  };
  const project = (await post("/projects", { name: `Northwind Claims IVR ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Northwind Insurance", sowSignedOn: "2027-01-04", staffedOn: "2027-01-04" })) as { id: number };
  const sprints = (await post(`/projects/${project.id}/sprints`, { count: 2 })) as Sprint[];
  const lookup = (await post(`/projects/${project.id}/features`, { name: "Policy lookup" })) as { id: number };
  const callback = (await post(`/projects/${project.id}/features`, { name: "Claims callback" })) as { id: number };
  const first = (await post(`/projects/${project.id}/go-lives`, { name: "Go-live 1", sprintId: sprints[0].id, featureIds: [lookup.id] })) as { id: number; cutoverOn: string };
  const second = (await post(`/projects/${project.id}/go-lives`, { name: "Go-live 2", sprintId: sprints[1].id, featureIds: [callback.id] })) as { id: number };
  return { sm, project, sprints, lookup, callback, first, second };
}

test("the scrum master renames a go-live and deletes an undecided one after the confirmation step", async ({ pageAs, request }) => {
  const { sm, project, first, second } = await ownPlan(request);
  const page = await pageAs("sm@example.com");
  await page.goto(`/projects/${project.id}/release`);

  const card = page.getByTestId(`go-live-${first.id}`);
  await card.getByText("Edit go-live").click();
  await card.getByLabel("Name").fill("Go-live 1: claims line");
  await card.getByLabel("Hypercare ends on").fill("2027-01-01");
  await card.getByRole("button", { name: "Save go-live" }).click();
  // Refused next to the field, with what was typed kept.
  const refused = page.getByTestId(`go-live-${first.id}`);
  await expect(refused.locator(`#edit-hypercare-${first.id}-error`)).toHaveText(`Hypercare ends on the cutover (${first.cutoverOn}) or later.`);
  await expect(refused.getByLabel("Name")).toHaveValue("Go-live 1: claims line");
  await expect(refused.getByLabel("Hypercare ends on")).toHaveValue("2027-01-01");

  await refused.getByLabel("Hypercare ends on").fill("2027-03-05");
  await refused.getByLabel("Why (optional, kept in the change log)").fill("The customer names it after the line");
  await refused.getByRole("button", { name: "Save go-live" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Go-live 1: claims line saved" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Go-live 1: claims line" })).toBeVisible();
  const saved = page.getByTestId(`go-live-${first.id}`);
  await expect(saved).toContainText("hypercare until 2027-03-05");
  await saved.getByText(/Change log/).click();
  await expect(saved).toContainText("renamed “Go-live 1” → “Go-live 1: claims line” — The customer names it after the line");

  // Deleting asks first, through the server, with what will happen.
  const doomed = page.getByTestId(`go-live-${second.id}`);
  await doomed.getByText("Delete a go-live made by mistake").click();
  await doomed.getByRole("button", { name: "Delete Go-live 2" }).click();
  const asking = page.getByTestId(`go-live-${second.id}`);
  const confirm = asking.getByLabel("I understand: Go-live 2 is deleted with its change log; its 1 feature goes back to the unplanned features.");
  await expect(confirm).not.toBeChecked();
  await confirm.check();
  await asking.getByRole("button", { name: "Delete Go-live 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Go-live 2 deleted; its features are unplanned again." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Go-live 2" })).toHaveCount(0);

  const plan = await (await request.get(`/api/v1/projects/${project.id}/release-plan`, { headers: bearer(sm) })).json();
  expect(plan.goLives.map((g: { name: string }) => g.name)).toEqual(["Go-live 1: claims line"]);
});

test("through the API a go-live is renamed and given a release note; a hypercare before the cutover is a 422 naming the field", async ({ request }) => {
  const { sm, first } = await ownPlan(request);
  const renamed = await request.patch(`/api/v1/go-lives/${first.id}`, { headers: bearer(sm), data: { name: "Go-live 1: policy lookup", releaseNoteUrl: "https://example.test/notes/lookup" } });
  expect(renamed.status()).toBe(200);
  expect(await renamed.json()).toMatchObject({ name: "Go-live 1: policy lookup", releaseNoteUrl: "https://example.test/notes/lookup" });
  const bad = await request.patch(`/api/v1/go-lives/${first.id}`, { headers: bearer(sm), data: { hypercareEndsOn: "2027-01-01" } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fields.hypercareEndsOn).toMatch(/on the cutover/);
});

test("a feature is renamed, and one with a story is deleted only once its story moves to another feature", async ({ pageAs, request }) => {
  const { sm, project, lookup, callback } = await ownPlan(request);
  const story = await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title: "Caller hears the policy number back", featureId: callback.id } });
  expect(story.status()).toBe(201);
  const page = await pageAs("sm@example.com");
  await page.goto(`/features/${callback.id}`);

  await page.getByText("Edit feature").click();
  await page.getByLabel("Feature name").fill("");
  await page.getByRole("button", { name: "Save feature" }).click();
  await expect(page.locator("#feature-name-error")).toHaveText("Name the feature.");
  await page.getByLabel("Feature name").fill("Claims callback by SMS");
  await page.getByRole("button", { name: "Save feature" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Feature “Claims callback by SMS” saved." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Claims callback by SMS");

  // Through the API the story blocks the delete, counted.
  const blocked = await request.delete(`/api/v1/features/${callback.id}`, { headers: bearer(sm) });
  expect(blocked.status()).toBe(409);
  expect((await blocked.json()).error.message).toBe("1 story belongs to Claims callback by SMS: move it to another feature (or to none) first.");

  await page.getByText("Delete a feature made by mistake").click();
  await page.getByLabel("Move its story to").selectOption({ label: "Policy lookup" });
  await page.getByRole("button", { name: "Delete Claims callback by SMS" }).click();
  const confirm = page.getByLabel("I understand: Claims callback by SMS is deleted; its 1 story moves to Policy lookup; it leaves Go-live 2's scope.");
  await confirm.check();
  await expect(page.getByLabel("Move its story to")).toHaveValue(String(lookup.id));
  await page.getByRole("button", { name: "Delete Claims callback by SMS" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Feature “Claims callback by SMS” deleted." })).toBeVisible();
  const moved = await (await request.get(`/api/v1/stories/${(await story.json()).id}`, { headers: bearer(sm) })).json();
  expect(moved.featureId).toBe(lookup.id);
});

test("the scrum master changes a member's role and removes them; the only scrum master keeps the role", async ({ pageAs, request }) => {
  const { sm, project } = await ownPlan(request);
  const dev = await newUser(request, "staff");
  expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId: dev.id, role: "team" } })).status()).toBe(201);
  const me = (await (await request.get("/api/v1/me", { headers: bearer(sm) })).json()) as { id: number; name: string };
  const page = await pageAs("sm@example.com");
  await page.goto(`/projects/${project.id}`);

  const mine = page.getByTestId(`member-${me.id}`);
  await mine.getByText(`Change or remove ${me.name}`).click();
  await mine.getByLabel(`Project role of ${me.name}`).selectOption("team");
  await mine.getByRole("button", { name: "Save role" }).click();
  const refused = page.getByTestId(`member-${me.id}`);
  await expect(refused.locator(`#member-role-${me.id}-error`)).toHaveText(`${me.name} is the project's only scrum master: make another member scrum master first.`);
  await expect(refused.getByLabel(`Project role of ${me.name}`)).toHaveValue("team");

  const theirs = page.getByTestId(`member-${dev.id}`);
  await theirs.getByText(`Change or remove ${dev.name}`).click();
  await theirs.getByLabel(`Project role of ${dev.name}`).selectOption("product_owner");
  await theirs.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${dev.name} is now Product owner.` })).toBeVisible();
  await expect(page.getByTestId(`member-${dev.id}`)).toContainText(`${dev.name} · Product owner`);

  await page.getByTestId(`member-${dev.id}`).getByText(`Change or remove ${dev.name}`).click();
  await page.getByRole("button", { name: `Remove ${dev.name} from the project` }).click();
  // The server asks first, with what they hand back; nothing changed yet.
  const ask = page.getByTestId(`member-${dev.id}`);
  await expect(ask.getByRole("alert")).toHaveText(/Removing .* cannot be undone\./);
  await ask.getByLabel(`I understand: ${dev.name} leaves`).check();
  await ask.getByRole("button", { name: `Remove ${dev.name} from the project` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${dev.name} left the project` })).toBeVisible();
  await expect(page.getByTestId(`member-${dev.id}`)).toHaveCount(0);
});

test("the scrum master removes a team member's day off recorded by mistake", async ({ pageAs, request }) => {
  const { sm, project, sprints } = await ownPlan(request);
  const dev = await newUser(request, "staff");
  expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId: dev.id, role: "team" } })).status()).toBe(201);
  // Kickoff 2027-01-04 → 2027-01-24: sprint 1 runs 2027-01-25 → 2027-02-14.
  const member = await pageAs(dev.email);
  await member.goto(`/sprints/${sprints[0].id}`);
  await member.getByLabel("My day off").fill("2027-01-27");
  await member.getByRole("button", { name: "Add day off" }).click();
  await expect(member.getByTestId("my-days-off")).toContainText("27 Jan 2027");

  const page = await pageAs("sm@example.com");
  await page.goto(`/sprints/${sprints[0].id}`);
  await expect(page.getByTestId(`days-off-${dev.id}`)).toContainText("1 day off");
  await page.getByRole("button", { name: `Remove ${dev.name}'s day off on Wed 27 Jan 2027` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Day off on 2027-01-27 removed" })).toBeVisible();
  await expect(page.getByTestId(`days-off-${dev.id}`)).toContainText("no days off");
});

test("without JavaScript the scrum master removes a member through the confirm step, which names them and what they hand back", async ({ pageAs, request }) => {
  const { sm, project } = await ownPlan(request);
  const name = ((await (await request.get(`/api/v1/projects/${project.id}`, { headers: bearer(sm) })).json()) as { name: string }).name;
  const dev = await newUser(request, "staff");
  expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId: dev.id, role: "team" } })).status()).toBe(201);
  const story = (await (await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title: "Caller hears the claim status" } })).json()) as { id: number };
  expect((await request.patch(`/api/v1/stories/${story.id}`, { headers: bearer(sm), data: { assigneeId: dev.id } })).status()).toBe(200);

  const page = await pageAs("sm@example.com", { javaScriptEnabled: false });
  await page.goto(`/projects/${project.id}`);
  await page.getByTestId(`member-${dev.id}`).getByText(`Change or remove ${dev.name}`).click();
  await expect(page.getByTestId(`member-${dev.id}`)).toContainText("What they did stays in the history.");
  await page.getByRole("button", { name: `Remove ${dev.name} from the project` }).click();

  // A page of its own from the server: the question, naming the member and what they hand back; nothing changed yet.
  const ask = page.getByTestId(`member-${dev.id}`);
  await expect(ask.getByRole("alert")).toHaveText(`Removing ${dev.name} from ${name} cannot be undone.`);
  const confirm = ask.getByLabel(`I understand: ${dev.name} leaves ${name}: 1 story becomes unassigned.`);
  await expect(confirm).not.toBeChecked();
  expect((await (await request.get(`/api/v1/stories/${story.id}`, { headers: bearer(sm) })).json()).assignee).toEqual({ id: dev.id, name: dev.name });
  // Sent again without the tick: asked again, still a member.
  await ask.getByRole("button", { name: `Remove ${dev.name} from the project` }).click();
  await expect(page.getByTestId(`member-${dev.id}`).getByText("Tick the box to confirm, then send again.")).toBeVisible();

  await page.getByTestId(`member-${dev.id}`).getByLabel(`I understand: ${dev.name} leaves ${name}: 1 story becomes unassigned.`).check();
  await page.getByTestId(`member-${dev.id}`).getByRole("button", { name: `Remove ${dev.name} from the project` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${dev.name} left the project: 1 story unassigned.` })).toBeVisible();
  await expect(page.getByTestId(`member-${dev.id}`)).toHaveCount(0);
  // The list holds only the scrum master now; the one who left can be added again.
  await expect(page.locator('[data-testid^="member-"]')).toHaveCount(1);
  await expect(page.getByLabel("Add a member").locator("option", { hasText: dev.email })).toHaveCount(1);
  expect((await (await request.get(`/api/v1/stories/${story.id}`, { headers: bearer(sm) })).json()).assignee).toBeNull();
});
