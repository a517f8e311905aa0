import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";
import { bearer, newIdea, newUser, tokenFor } from "../support/api";

test("a PM links an idea to a feature; the scrum master marks the go-live done; the voter sees Delivered, the release note, a notification and the vote back", async ({ pageAs, request }) => {
  const sm = await tokenFor(request, "sm@example.com");
  const pmToken = await tokenFor(request, "pm@example.com");
  const stamp = Date.now();
  // A product release of its own, so no other journey's data moves under this one.
  const project = await (
    await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `PureEngage 9.${stamp % 1000} release`, customer: "Product", kind: "product_release", sowSignedOn: "2026-09-01", staffedOn: "2026-09-01" } })
  ).json();
  const feature = await (await request.post(`/api/v1/projects/${project.id}/features`, { headers: bearer(sm), data: { name: `Interval reporting ${stamp}` } })).json();
  const [sprint] = await (await request.post(`/api/v1/projects/${project.id}/sprints`, { headers: bearer(sm), data: { count: 1 } })).json();
  const goLive = await (await request.post(`/api/v1/projects/${project.id}/go-lives`, { headers: bearer(sm), data: { name: `9.0 GA ${stamp}`, sprintId: sprint.id, featureIds: [feature.id] } })).json();

  const voter = await newUser(request, "customer");
  const idea = await newIdea(request, voter.token, `Service level per 15-minute interval ${stamp}`);
  expect((await request.post(`/api/v1/ideas/${idea.key}/vote`, { headers: bearer(voter.token) })).status()).toBe(200);
  const balanceBefore = (await (await request.get("/api/v1/me", { headers: bearer(voter.token) })).json()).votes.available;
  // The API refuses a link while the idea is not accepted, and to anyone but a PM.
  expect((await request.post(`/api/v1/ideas/${idea.key}/links`, { headers: bearer(pmToken), data: { featureId: feature.id } })).status()).toBe(409);
  for (const [status, extra] of [["under_pm_review", {}], ["accepted", { targetDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10) }]] as const) {
    expect((await request.post(`/api/v1/ideas/${idea.key}/status`, { headers: bearer(pmToken), data: { status, note: "Planned for 9.0", ...extra } })).status()).toBe(200);
  }
  expect((await request.post(`/api/v1/ideas/${idea.key}/links`, { headers: bearer(voter.token), data: { featureId: feature.id } })).status()).toBe(403);

  // The PM links it from the idea page.
  const pm = await pageAs("pm@example.com");
  await pm.goto(`/ideas/${idea.key}`);
  await pm.getByLabel("Find a product-release feature").fill(`Interval reporting ${stamp}`);
  await pm.getByRole("button", { name: "Search" }).click();
  await pm.getByRole("button", { name: `Link Interval reporting ${stamp} of ${project.name}` }).click();
  await expect(pm.getByRole("status")).toHaveText(`${idea.key} is linked to Interval reporting ${stamp} (${project.name}).`);
  await expect(pm.getByTestId(`delivery-${feature.id}`)).toContainText("0 of 0 stories accepted");
  await expect(pm.getByTestId(`delivery-${feature.id}`)).toContainText(goLive.name);
  expect((await request.post(`/api/v1/ideas/${idea.key}/links`, { headers: bearer(pmToken), data: { featureId: feature.id } })).status()).toBe(409);

  // The scrum master marks the go-live done on the release plan.
  const smPage = await pageAs("sm@example.com");
  await smPage.goto(`/projects/${project.id}/release`);
  await smPage.getByLabel("Release-note link").fill("https://docs.example.com/pureengage/9.0/release-notes");
  await smPage.getByRole("button", { name: "Mark done" }).click();
  // It cannot be undone: the page asks first, naming the idea it delivers; nothing moved yet.
  await expect(smPage.getByRole("alert")).toHaveText(`Marking go-live “${goLive.name}” done cannot be undone.`);
  expect((await (await request.get(`/api/v1/ideas/${idea.key}`, { headers: bearer(pmToken) })).json()).status).toBe("accepted");
  await smPage.getByLabel(`I understand: 1 idea becomes Delivered (${idea.key}) and its votes go back to their voters.`).check();
  await smPage.getByRole("button", { name: "Mark done" }).click();
  await expect(smPage.getByRole("status")).toHaveText(`${goLive.name} is done. Delivered with it: ${idea.key} (votes returned to their voters).`);

  // The voter sees it all.
  const customer = await pageAs(voter.email);
  await customer.goto(`/ideas/${idea.key}`);
  await expect(customer.locator(".page-header .status")).toHaveText("Delivered");
  await expect(customer.getByRole("link", { name: "release note" })).toHaveAttribute("href", "https://docs.example.com/pureengage/9.0/release-notes");
  await expect(customer.getByText(`by go-live ${goLive.name}, marked by Sam Okafor`)).toBeVisible();
  // The customer is not on the project: the delivery details stay hidden.
  await expect(customer.getByTestId(`delivery-${feature.id}`)).toHaveCount(0);
  await customer.goto("/notifications");
  await expect(customer.getByText(`Your vote on ${idea.key}`)).toBeVisible();
  await expect(customer.getByText(`${idea.key} “${idea.title}” moved to Delivered.`)).toBeVisible();
  const after = (await (await request.get("/api/v1/me", { headers: bearer(voter.token) })).json()).votes.available;
  expect(after).toBe(balanceBefore + 1);
  await customer.goto("/portals/pureengage/changelog");
  await expect(customer.getByTestId(`change-${idea.key}`)).toContainText("Release note");
  // The demand it had stays on the changelog and the roadmap's recently delivered.
  await expect(customer.getByTestId(`demand-${idea.key}`)).toHaveText("1 vote from 1 company when delivered");
  await customer.goto("/portals/pureengage/roadmap");
  await expect(customer.getByRole("region", { name: "Recently delivered" }).getByTestId(`demand-${idea.key}`)).toHaveText("Delivered with 1 vote from 1 company");
});

test("the roadmap groups ideas by quarter, the portal's ideas export as CSV with its filters, and the admin reads the audit log", async ({ pageAs }) => {
  const customer = await pageAs("customer@example.com");
  await customer.goto("/portals/pureengage");
  await customer.getByRole("link", { name: "Roadmap" }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Roadmap");
  await expect(customer.getByTestId(/^quarter-\d{4}-Q[1-4]$/).first()).toBeVisible();
  await customer.goto("/portals/pureengage?status=accepted");
  const download = customer.waitForEvent("download");
  await customer.getByRole("link", { name: "Export these as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("ideas-pureengage.csv");
  const text = await (await import("node:fs/promises")).readFile((await file.path())!, "utf8");
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe("key,title,status,votes,category,created,target quarter,release note");
  expect(lines.slice(1).every((l) => l.includes(",Accepted,"))).toBe(true);

  const admin = await pageAs("admin@example.com");
  await admin.goto("/admin/audit");
  await expect(admin.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await admin.getByLabel("What").selectOption("link.created");
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin.locator("tbody tr").first()).toContainText("Idea linked to a feature");
  await expect(admin.locator("tbody tr").filter({ hasNotText: "Idea linked to a feature" })).toHaveCount(0);
});
