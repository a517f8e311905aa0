import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";
import { bearer, newUser, tokenFor } from "../support/api";

/** The remaining points the burndown table shows for today's (or the last shown) working day. */
async function lastRemaining(page: import("@playwright/test").Page): Promise<number> {
  const rows = page.locator("table", { has: page.getByText(/Points at the end of each working day/) }).locator("tbody tr");
  const values = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent ?? "—"));
  return Number(values.filter((v) => v !== "—").at(-1));
}

test.describe("Delivery", () => {
  test("a scrum master creates a project, generates sprints, ranks stories by keyboard, plans and starts a sprint, moves a story and sees the burndown change", async ({ pageAs }) => {
    const sm = await pageAs("sm@example.com");
    await sm.goto("/projects");
    await sm.getByRole("link", { name: "New project" }).click();
    const name = `Contoso Insurance — IVR refresh ${Date.now()}`;
    await sm.getByLabel("Name").fill(name);
    await sm.getByLabel("Customer").fill("Contoso Insurance");
    const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    await sm.getByLabel("SOW signed on").fill(past(30));
    await sm.getByLabel("Staffing complete on").fill(past(30));
    await sm.getByRole("button", { name: "Create project" }).click();
    await expect(sm.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(sm.getByText(/Kickoff \d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2} \(3 weeks\)/)).toBeVisible();

    await sm.getByLabel("Sprints to add").fill("2");
    await sm.getByRole("button", { name: "Generate sprints" }).click();
    await expect(sm.getByRole("status")).toHaveText("Sprints 1–2 generated.");

    await sm.getByRole("link", { name: "Backlog" }).click();
    for (const title of ["Greeting by time of day", "Claims line routing", "Callback for claims"]) {
      const add = sm.locator("form", { has: sm.getByLabel("Add a story at the bottom") });
      await add.getByLabel("Add a story at the bottom").fill(title);
      await add.getByLabel("Points").selectOption("3");
      await add.getByRole("button", { name: "Add", exact: true }).click();
      await expect(sm.getByRole("status")).toContainText(title);
    }
    // Grooming: acceptance criteria make the estimated story Ready.
    const groom = sm.locator(".backlog-row", { hasText: "Claims line routing" });
    await groom.getByText("Groom").click();
    await groom.getByLabel("Acceptance criteria (one per line)").fill("claims calls reach the claims queue\nafter-hours message plays outside opening hours");
    await groom.getByRole("button", { name: "Save" }).click();
    await expect(sm.getByRole("status")).toHaveText(/^[A-Z]{2,10}-\d+ “Claims line routing” is Ready\.$/);
    await expect(sm.locator(".backlog-row", { hasText: "Claims line routing" }).getByText("Ready", { exact: true })).toBeVisible();

    const titles = () => sm.locator(".backlog-row strong").allTextContents();
    expect(await titles()).toEqual(["Greeting by time of day", "Claims line routing", "Callback for claims"]);
    await sm.getByRole("button", { name: "Move Callback for claims to the top" }).click();
    await expect(sm.getByRole("status")).toHaveText(/^Moved [A-Z]{2,10}-\d+ “Callback for claims” to position 1 in the backlog\.$/);
    await sm.getByRole("button", { name: "Move Greeting by time of day down" }).focus();
    await sm.keyboard.press("Enter");
    await expect(sm.getByRole("status")).toHaveText(/^Moved [A-Z]{2,10}-\d+ “Greeting by time of day” to position 3 in the backlog\.$/);
    expect(await titles()).toEqual(["Callback for claims", "Claims line routing", "Greeting by time of day"]);

    for (const title of ["Callback for claims", "Claims line routing"]) {
      await sm.getByLabel(`Sprint for ${title}`).selectOption({ label: "Sprint 1" });
      await sm.getByRole("button", { name: `Plan ${title}` }).click();
      await expect(sm.getByRole("status")).toHaveText(new RegExp(`^[A-Z]{2,10}-\\d+ “${title}” planned into the sprint\\.$`));
    }
    await sm.getByRole("link", { name }).click();
    await sm.getByRole("button", { name: "Start sprint 1" }).click();
    await expect(sm.getByRole("status")).toHaveText("Sprint 1 started.");
    await expect(sm.getByRole("heading", { name: "Sprint 1" })).toBeVisible();

    const before = await lastRemaining(sm);
    expect(before).toBe(6);
    await sm.getByRole("button", { name: "Move Callback for claims to In progress" }).click();
    await sm.getByRole("button", { name: "Move Callback for claims to Done" }).click();
    await expect(sm.getByRole("status")).toHaveText(/^[A-Z]{2,10}-\d+ “Callback for claims” is now done\.$/);
    expect(await lastRemaining(sm)).toBe(3);
    await expect(sm.getByRole("region", { name: "Done" }).or(sm.locator(".board__column", { hasText: "Done" })).getByText("Callback for claims")).toBeVisible();
  });

  test("a team member adds a story but cannot re-rank it; a viewer cannot edit", async ({ pageAs, request }) => {
    const dev = await pageAs("dev@example.com");
    await dev.goto("/projects");
    await dev.getByRole("link", { name: "Northwind Bank — chat and email channels" }).click();
    await dev.getByRole("link", { name: "Backlog" }).click();
    await dev.getByLabel("Add a story at the bottom").fill("As an agent I want canned replies in chat");
    await dev.getByRole("button", { name: "Add", exact: true }).click();
    await expect(dev.getByRole("status")).toContainText("added at the bottom");
    await expect(dev.locator(".backlog-row strong").last()).toHaveText("As an agent I want canned replies in chat");
    await expect(dev.getByRole("button", { name: /to the top/ })).toHaveCount(0);

    // The API refuses the same re-rank with 403.
    const token = await tokenFor(request, "dev@example.com");
    const projects = await (await request.get("/api/v1/projects", { headers: bearer(token) })).json();
    const northwind = projects.find((p: { name: string }) => p.name.startsWith("Northwind"));
    const backlog = await (await request.get(`/api/v1/projects/${northwind.id}/backlog`, { headers: bearer(token) })).json();
    const mine = backlog.at(-1);
    expect((await request.patch(`/api/v1/stories/${mine.id}`, { headers: bearer(token), data: { rank: -5 } })).status()).toBe(403);
    expect((await request.patch(`/api/v1/stories/${mine.id}`, { headers: bearer(token), data: { points: 3, acceptanceCriteria: ["reply inserted in one click"] } })).status()).toBe(200);

    // A viewer: reads, but gets no editing controls, and the API refuses edits.
    const viewer = await newUser(request, "customer", "Northwind Bank");
    const sm = await tokenFor(request, "sm@example.com");
    expect((await request.post(`/api/v1/projects/${northwind.id}/members`, { headers: bearer(sm), data: { userId: viewer.id, role: "viewer" } })).status()).toBe(201);
    const page = await pageAs(viewer.email);
    await page.goto(`/projects/${northwind.id}/backlog`);
    await expect(page.getByText("As an agent I want canned replies in chat")).toBeVisible();
    await expect(page.getByLabel("Add a story at the bottom")).toHaveCount(0);
    await expect(page.getByText("Groom")).toHaveCount(0);
    expect((await request.patch(`/api/v1/stories/${mine.id}`, { headers: bearer(viewer.token), data: { title: "Changed by a viewer" } })).status()).toBe(403);
  });

  test("the demo project shows velocity, the release plan with an at-risk go-live, and the API agrees", async ({ pageAs, request }) => {
    const copo = await pageAs("copo@example.com");
    await copo.goto("/");
    await copo.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Delivery" }).click();
    await copo.getByRole("link", { name: "Acme Health — cloud contact center migration" }).click();
    await expect(copo.getByText(/Sprint 4 ·/)).toBeVisible();
    await copo.getByRole("link", { name: "Release plan" }).click();
    const second = copo.locator("section", { has: copo.getByRole("heading", { name: /Go-live 2/ }) });
    await expect(second.getByText("At risk")).toBeVisible();
    await expect(second.getByText(/1 unestimated story/)).toBeVisible();

    const token = await tokenFor(request, "copo@example.com");
    const projects = await (await request.get("/api/v1/projects", { headers: bearer(token) })).json();
    const acme = projects.find((p: { name: string }) => p.name.startsWith("Acme"));
    expect(acme.phase).toBe("Sprint 4");
    await copo.goto("/projects");
    await expect(copo.locator("tr", { hasText: "Acme Health" })).toContainText("+9 pts on 85");
    const velocity = await (await request.get(`/api/v1/projects/${acme.id}/velocity`, { headers: bearer(token) })).json();
    expect(velocity.map((v: { sprint: number }) => v.sprint)).toEqual([1, 2, 3]);
    const plan = await (await request.get(`/api/v1/projects/${acme.id}/release-plan`, { headers: bearer(token) })).json();
    expect(plan.goLives.map((g: { atRisk: boolean }) => g.atRisk)).toEqual([false, true]);
    const active = plan.sprints.find((s: { state: string }) => s.state === "active");
    const burndown = await (await request.get(`/api/v1/sprints/${active.id}/burndown`, { headers: bearer(token) })).json();
    expect(burndown.committed).toBeGreaterThan(0);
    expect(burndown.days.length).toBeGreaterThanOrEqual(14);
    const outsider = await tokenFor(request, "customer@example.com");
    expect((await request.get(`/api/v1/projects/${acme.id}`, { headers: bearer(outsider) })).status()).toBe(404);
  });
});

test("CSV import shows a row error and writes nothing until it is fixed", async ({ pageAs }) => {
  const po = await pageAs("po@example.com");
  await po.goto("/projects");
  await po.getByRole("link", { name: "Northwind Bank — chat and email channels" }).click();
  await po.getByRole("link", { name: "Backlog" }).click();
  await expect(po.getByRole("heading", { level: 1 })).toHaveText("Backlog");
  const before = await po.locator(".backlog-row").count();
  expect(before).toBeGreaterThan(0);
  await po.getByRole("link", { name: "Import CSV" }).click();
  await po.getByLabel("…or paste the CSV").fill("title,points,feature\nChat transcript emailed to the customer,3,Chat widget\nCo-browse consent prompt,4,Co-browse\n");
  await po.getByRole("button", { name: "Check rows" }).click();
  await expect(po.getByRole("alert")).toHaveText("1 of 2 rows need fixing; nothing was imported.");
  await expect(po.getByTestId("row-3")).toContainText("Points are one of 0, 1, 2, 3, 5, 8, 13, 21");
  await expect(po.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await po.goto(po.url().replace("/import", "/backlog"));
  await expect(po.locator(".backlog-row")).toHaveCount(before);

  await po.goBack();
  await po.getByLabel("…or paste the CSV").fill("title,points,feature\nChat transcript emailed to the customer,3,Chat widget\nCo-browse consent prompt,5,Co-browse\n");
  await po.getByRole("button", { name: "Check rows" }).click();
  await expect(po.getByTestId("row-3")).toContainText("OK");
  await po.getByRole("button", { name: "Import 2 stories" }).click();
  await expect(po.getByRole("status")).toHaveText("2 stories imported at the bottom of the backlog.");
  await expect(po.locator(".backlog-row")).toHaveCount(before + 2);
  await expect(po.locator(".backlog-row strong").last()).toHaveText("Co-browse consent prompt");
});

test("a spreadsheet's Windows-1252 file is read and said so; the preview names the ignored columns and shows a refused value; UTF-16 is refused", async ({ pageAs }) => {
  const po = await pageAs("po@example.com");
  await po.goto("/projects");
  await po.getByRole("link", { name: "Northwind Bank — chat and email channels" }).click();
  await po.getByRole("link", { name: "Backlog" }).click();
  await po.getByRole("link", { name: "Import CSV" }).click();
  const latin1 = Buffer.from("title,type,points,status,sprint\r\nRückruf für Müller,story,5,done,Sprint 2\r\nÜberlauf,epic,4,todo,\r\n", "latin1");
  await po.getByLabel("CSV file").setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: latin1 });
  await po.getByRole("button", { name: "Check rows" }).click();
  await expect(po.getByRole("status").filter({ hasText: "read as Windows-1252" })).toBeVisible();
  await expect(po.getByTestId("row-2")).toContainText("Rückruf für Müller");
  await expect(po.getByTestId("ignored-columns")).toHaveText("Not imported: the columns “status”, “sprint” of this file. New stories start in the backlog, to do, in no sprint.");
  // The refused type and points are shown as the file had them, next to the message.
  await expect(po.getByTestId("row-3")).toContainText("epic");
  await expect(po.getByTestId("row-3").getByRole("cell").nth(3)).toHaveText("4");
  await expect(po.getByTestId("row-3")).toContainText("Points are one of 0, 1, 2, 3, 5, 8, 13, 21");

  await po.getByLabel("CSV file").setInputFiles({ name: "unicode.txt", mimeType: "text/plain", buffer: Buffer.from("\uFEFFtitle\r\nRückruf\r\n", "utf16le") });
  await po.getByRole("button", { name: "Check rows" }).click();
  await expect(po.getByRole("alert")).toContainText("This file is UTF-16");
});

test("the product owner re-ranks the backlog by drag and drop", async ({ pageAs, request }) => {
  const { bearer, tokenFor } = await import("../support/api");
  const token = await tokenFor(request, "po@example.com");
  const projects = await (await request.get("/api/v1/projects", { headers: bearer(token) })).json();
  const id = projects.find((p: { name: string }) => p.name.startsWith("Acme")).id;
  const po = await pageAs("po@example.com");
  await po.goto(`/projects/${id}/backlog`);
  // Within the unplanned backlog's section (a drop onto a sprint's section plans the story there).
  const rows = po.getByTestId("section-backlog").locator(".backlog-row");
  const last = (await rows.last().locator("strong").textContent())!;
  await expect(rows.first()).toHaveAttribute("draggable", "true");
  // The HTML5 drag events, as a browser fires them for a mouse drag.
  const dataTransfer = await po.evaluateHandle(() => new DataTransfer());
  await rows.last().dispatchEvent("dragstart", { dataTransfer });
  await rows.first().dispatchEvent("dragover", { dataTransfer });
  await rows.first().dispatchEvent("drop", { dataTransfer });
  await expect(rows.first().locator("strong")).toHaveText(last);
  const backlog = await (await request.get(`/api/v1/projects/${id}/backlog`, { headers: bearer(token) })).json();
  expect(backlog.filter((s: { sprintId: number | null }) => s.sprintId === null)[0].title).toBe(last);
});

test("a customer-side blocker is raised from the board and resolved", async ({ pageAs }) => {
  const dev = await pageAs("dev@example.com");
  await dev.goto("/projects");
  await dev.getByRole("link", { name: "Acme Health — cloud contact center migration" }).click();
  await dev.getByRole("link", { name: /^Sprint 4$/ }).click();
  const card = dev.locator(".story-card").first();
  const storyTitle = (await card.locator("strong").textContent())!;
  await card.getByRole("link", { name: `Raise a blocker on ${storyTitle}` }).click();
  await expect(dev.getByLabel("Blocked story")).toHaveValue(/\d+/);
  const title = `Acme firewall change for the SIP trunk ${Date.now()}`;
  await dev.getByLabel("What blocks the work").fill(title);
  await dev.getByLabel("Side that must act").selectOption("customer");
  await dev.getByLabel("Owner").selectOption({ label: "Carlos Mendes" });
  await dev.getByRole("button", { name: "Raise blocker" }).click();
  await expect(dev.getByRole("status")).toHaveText("Blocker raised.");
  const item = dev.locator("li", { hasText: title });
  await expect(item).toContainText("Customer side");
  await expect(item).toContainText(storyTitle);

  const copo = await pageAs("copo@example.com");
  await copo.goto("/notifications");
  await expect(copo.getByRole("button", { name: `Blocker assigned to you: ${title}` })).toBeVisible();

  await item.getByLabel("How it was resolved").fill("Firewall rule opened by Acme IT");
  await item.getByRole("button", { name: `Resolve ${title}` }).click();
  await expect(dev.getByRole("status")).toHaveText("Blocker resolved.");
  await expect(dev.locator("li", { hasText: title })).toContainText("Resolved by Dana Kim");
});

test("a retrospective action carries over to the next sprint and shows in planning until closed", async ({ pageAs }) => {
  const dev = await pageAs("dev@example.com");
  await dev.goto("/projects");
  await dev.getByRole("link", { name: "Acme Health — cloud contact center migration" }).click();
  await dev.getByRole("link", { name: /^Sprint 3$/ }).click();
  await dev.getByRole("link", { name: "Retrospective" }).click();
  const text = `Agree the cutover checklist with Acme IT ${Date.now()}`;
  await dev.getByLabel("Add to “Actions”").fill(text);
  await dev.getByLabel("Owner").selectOption({ label: "Sam Okafor" });
  await dev.getByRole("button", { name: "Add" }).nth(2).click();
  await expect(dev.getByRole("status")).toHaveText("Added to the retrospective.");

  await dev.goto(dev.url().replace(/\/sprints\/\d+\/retro$/, "/projects"));
  await dev.getByRole("link", { name: "Acme Health — cloud contact center migration" }).click();
  await dev.getByRole("link", { name: /^Sprint 4$/ }).click();
  await expect(dev.getByTestId("open-actions")).toContainText(text);
  await dev.getByRole("link", { name: "Retrospective" }).click();
  const carried = dev.locator("li", { hasText: text });
  await expect(carried).toContainText("from sprint 3");
  await carried.getByRole("button", { name: `Close action ${text}` }).click();
  await expect(dev.getByRole("status")).toHaveText("Action closed.");
  await expect(dev.locator("li", { hasText: text })).toHaveCount(0);
});
