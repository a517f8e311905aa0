import { expect, test } from "../support/e2e";
import { bearer, tokenFor } from "../support/api";
import type { APIRequestContext } from "@playwright/test";

/** A project of its own (so no other journey's data moves under this one) with one accepted story. */
async function projectWithAcceptedStory(request: APIRequestContext) {
  const sm = await tokenFor(request, "sm@example.com");
  const copoToken = await tokenFor(request, "copo@example.com");
  const me = async (token: string) => (await (await request.get("/api/v1/me", { headers: bearer(token) })).json()).user ?? (await (await request.get("/api/v1/me", { headers: bearer(token) })).json());
  const copo = await me(copoToken);
  const dev = await me(await tokenFor(request, "dev@example.com"));
  const started = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const stamp = Date.now();
  const project = await (await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Fabrikam IVR ${stamp}`, customer: "Fabrikam Insurance", sowSignedOn: started, staffedOn: started } })).json();
  for (const [userId, role, side] of [[copo.id, "co_product_owner", "customer"], [dev.id, "team", "delivery"]] as const) {
    expect((await request.post(`/api/v1/projects/${project.id}/members`, { headers: bearer(sm), data: { userId, role, side } })).status()).toBe(201);
  }
  const [sprint] = await (await request.post(`/api/v1/projects/${project.id}/sprints`, { headers: bearer(sm), data: { count: 1 } })).json();
  const story = await (
    await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title: "Claims line routes by policy type", points: 5, acceptanceCriteria: ["Policy type looked up by caller number", "Unknown callers reach the general queue"] } })
  ).json();
  expect((await request.patch(`/api/v1/stories/${story.id}`, { headers: bearer(sm), data: { sprintId: sprint.id } })).status()).toBe(200);
  expect((await request.post(`/api/v1/sprints/${sprint.id}/start`, { headers: bearer(sm) })).status()).toBe(200);
  expect((await request.patch(`/api/v1/stories/${story.id}`, { headers: bearer(sm), data: { status: "done" } })).status()).toBe(200);
  expect((await request.post(`/api/v1/sprints/${sprint.id}/demo`, { headers: bearer(copoToken), data: { storyId: story.id, decision: "accept", comment: "Works on the test tenant" } })).status()).toBe(200);
  return { project, sprint, story, sm };
}

test("a customer tester fails a story and finds the defect at the top of the backlog; a passed test waits for it", async ({ pageAs, request }) => {
  const { project, story } = await projectWithAcceptedStory(request);
  const copo = await pageAs("copo@example.com");
  await copo.goto(`/stories/${story.id}`);
  await expect(copo.getByRole("heading", { level: 1 })).toHaveText(`${story.key} ${story.title}`);
  // The demo decision is already in the thread.
  await expect(copo.locator("#thread")).toContainText("Sprint 1 demo: Accepted — Works on the test tenant");
  await copo.getByLabel("Result").selectOption("failed");
  await copo.getByRole("button", { name: "Record the test" }).click();
  await expect(copo.locator("#test-note").locator("xpath=..").locator(".field__error")).toHaveText("Say what failed: it becomes the defect's description.");
  await copo.getByLabel("Result").selectOption("failed");
  await copo.getByLabel("Note (what failed becomes the defect)").fill("Motor policies reach the home insurance queue");
  await copo.getByRole("button", { name: "Record the test" }).click();
  await expect(copo.getByRole("status")).toHaveText("Customer test failed: a defect is at the top of the backlog.");
  await expect(copo.locator(".page-header").getByText("Customer test: Failed")).toBeVisible();

  await copo.goto(`/projects/${project.id}/backlog`);
  await expect(copo.locator(".backlog-row strong").first()).toHaveText(`Defect: ${story.title}`);
  await copo.goto(`/projects/${project.id}`);
  await expect(copo.getByTestId("untested")).toContainText(story.title);

  // Passing is refused while the defect is open, with the reason.
  await copo.goto(`/stories/${story.id}`);
  await copo.getByLabel("Result").selectOption("passed");
  await copo.getByRole("button", { name: "Record the test" }).click();
  await expect(copo.getByRole("alert")).toHaveText("1 linked defect is not accepted yet: the story passes once it is.");
  // The API says the same with a 409 and the error body of API.md.
  const viaApi = await request.patch(`/api/v1/stories/${story.id}`, { headers: bearer(await tokenFor(request, "copo@example.com")), data: { testStatus: "passed" } });
  expect(viaApi.status()).toBe(409);
  expect((await viaApi.json()).error).toMatchObject({ code: "conflict", message: "1 linked defect is not accepted yet: the story passes once it is." });
});

test("a team member mentions the co-product owner on a story, attaches a file and a link; members download it, others cannot", async ({ pageAs, request, allowConsole }) => {
  const { story } = await projectWithAcceptedStory(request);
  const dev = await pageAs("dev@example.com");
  await dev.goto(`/stories/${story.id}`);
  await dev.getByLabel("Add to the conversation").fill("@copo can you confirm the **policy types** list? <script>alert(1)</script>");
  await dev.getByRole("button", { name: "Post" }).click();
  await expect(dev.getByRole("status")).toHaveText("Comment posted.");
  await expect(dev.locator("#thread strong", { hasText: "policy types" })).toBeVisible();
  await expect(dev.locator("#thread")).toContainText("<script>alert(1)</script>");

  // Refused types are said next to the field.
  await dev.getByLabel(/^File/).setInputFiles({ name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") });
  await dev.getByRole("button", { name: "Upload" }).click();
  await expect(dev.locator("#attachments .field__error")).toContainText(".exe files are not accepted");
  await dev.getByLabel(/^File/).setInputFiles({ name: "call-recording.wav", mimeType: "audio/wav", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 1) });
  await dev.getByRole("button", { name: "Upload" }).click();
  await expect(dev.locator("#attachments .field__error")).toHaveText("That file is over 10 MB; files are at most 10 MB.");
  await dev.getByLabel(/^File/).setInputFiles({ name: "policy-types.csv", mimeType: "text/csv", buffer: Buffer.from("type,queue\nmotor,claims_motor\nhome,claims_home\n") });
  await dev.getByRole("button", { name: "Upload" }).click();
  await expect(dev.getByRole("status")).toHaveText("policy-types.csv attached.");
  await dev.getByLabel("Link name").fill("Claims routing call flow");
  await dev.getByLabel("Address").fill("https://docs.example.com/fabrikam/claims-flow");
  await dev.getByRole("button", { name: "Attach link" }).click();
  await expect(dev.getByRole("link", { name: "Claims routing call flow" })).toHaveAttribute("href", "https://docs.example.com/fabrikam/claims-flow");

  const href = await dev.getByRole("link", { name: "policy-types.csv" }).getAttribute("href");
  const asMember = await request.get(href!, { headers: { cookie: (await dev.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") } });
  expect(asMember.status()).toBe(200);
  expect(asMember.headers()["content-disposition"]).toContain('attachment; filename="policy-types.csv"');
  expect(asMember.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await asMember.text()).toBe("type,queue\nmotor,claims_motor\nhome,claims_home\n");

  allowConsole(/status of 404/);
  const outsider = await pageAs("customer@example.com");
  const refused = await outsider.request.get(href!, { headers: { cookie: (await outsider.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") } });
  expect(refused.status()).toBe(404);

  const copo = await pageAs("copo@example.com");
  await copo.goto("/notifications");
  await copo.getByRole("button", { name: /mentioned you in a comment on “Claims line routes by policy type”/ }).first().click();
  await expect(copo).toHaveURL(new RegExp(`/stories/${story.id}#comment-\\d+$`));
});

test("two revisions of a document show their diff, and the go-live's As-Delivered bundle prints", async ({ pageAs, request }) => {
  const { project, sprint, sm } = await projectWithAcceptedStory(request);
  const feature = await (await request.post(`/api/v1/projects/${project.id}/features`, { headers: bearer(sm), data: { name: "Claims routing" } })).json();
  const goLive = await (await request.post(`/api/v1/projects/${project.id}/go-lives`, { headers: bearer(sm), data: { name: "Claims go-live", sprintId: sprint.id, featureIds: [feature.id] } })).json();
  const dev = await pageAs("dev@example.com");
  await dev.goto(`/projects/${project.id}`);
  await dev.getByRole("link", { name: "Documents" }).click();
  await dev.getByLabel("Kind").selectOption("call_flows");
  await dev.getByLabel("Title").fill("Claims IVR call flow");
  await dev.getByLabel("Content (Markdown)").fill("# Claims IVR\n1. Greeting\n2. Policy lookup\n");
  await dev.getByRole("button", { name: "Create" }).click();
  await expect(dev.getByRole("status")).toHaveText("“Claims IVR call flow” created (revision 1).");
  await dev.getByLabel(/^Content/).fill("# Claims IVR\n1. Greeting\n2. Policy lookup by caller number\n3. Motor or home queue\n");
  await dev.getByLabel("What changed (optional)").fill("Queue split");
  await dev.getByRole("button", { name: "Save as revision 2" }).click();
  await expect(dev.getByRole("status")).toHaveText("Saved as revision 2.");
  await expect(dev.getByTestId("revision-2")).toContainText("sprint 1");

  await dev.getByRole("button", { name: "Show the changes" }).click();
  await expect(dev.getByRole("heading", { level: 1 })).toHaveText("Revision 1 → 2");
  await expect(dev.getByTestId("diff-summary")).toContainText("2 lines added, 1 removed");
  await expect(dev.getByRole("listitem", { name: "removed: 2. Policy lookup" })).toBeVisible();
  await expect(dev.getByRole("listitem", { name: "added: 3. Motor or home queue" })).toBeVisible();

  await dev.goto(`/projects/${project.id}/transition`);
  await dev.getByRole("link", { name: "Claims go-live" }).click();
  await expect(dev.getByRole("heading", { level: 1 })).toHaveText("As-Delivered — Claims go-live");
  await expect(dev.getByTestId(/^bundle-/)).toContainText("Call Flows: Claims IVR call flow");
  await expect(dev.locator(".bundle-doc")).toContainText("Motor or home queue");
  await dev.emulateMedia({ media: "print" });
  await expect(dev.locator(".site-header")).toBeHidden();
  expect((await dev.pdf({ format: "A4" })).subarray(0, 5).toString()).toBe("%PDF-");
  expect(goLive.id).toBeGreaterThan(0);
});
