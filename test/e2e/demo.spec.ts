import { expect } from "../support/e2e";
import { demoTest as test } from "../support/demo-copy";
import { bearer, tokenFor } from "../support/api";

test("the co-product owner accepts two stories, accepts one with a follow-up and rejects one; the not-yet-accepted line moves", async ({ pageAs, request }) => {
  const dev = await tokenFor(request, "dev@example.com");
  const projects = await (await request.get("/api/v1/projects", { headers: bearer(dev) })).json();
  const acme = projects.find((p: { name: string }) => p.name.startsWith("Acme"));
  const plan = await (await request.get(`/api/v1/projects/${acme.id}/release-plan`, { headers: bearer(dev) })).json();
  const sprint = plan.sprints.find((s: { state: string }) => s.state === "active");
  const backlog: { id: number; title: string; status: string; sprintId: number | null; points: number }[] = await (
    await request.get(`/api/v1/projects/${acme.id}/backlog`, { headers: bearer(dev) })
  ).json();
  const inSprint = backlog.filter((s) => s.sprintId === sprint.id && s.status !== "accepted" && s.status !== "todo");
  for (const story of inSprint) {
    if (story.status !== "done") expect((await request.patch(`/api/v1/stories/${story.id}`, { headers: bearer(dev), data: { status: "done" } })).status()).toBe(200);
  }
  expect(inSprint.length).toBeGreaterThanOrEqual(4);
  const [first, second, third, fourth] = inSprint;
  const notAccepted = async () => {
    const chart = await (await request.get(`/api/v1/sprints/${sprint.id}/burndown`, { headers: bearer(dev) })).json();
    return chart.days.filter((d: { notAccepted: number | null }) => d.notAccepted !== null).at(-1).notAccepted as number;
  };
  const before = await notAccepted();

  const copo = await pageAs("copo@example.com");
  await copo.goto(`/sprints/${sprint.id}/demo`);
  for (const story of [first, second]) {
    await copo.getByRole("button", { name: `Accept ${story.title}`, exact: true }).click();
    await expect(copo.getByRole("status")).toHaveText(`Decision recorded for “${story.title}”.`);
  }
  const third$ = copo.getByTestId(`demo-${third.id}`);
  await third$.getByLabel("Follow-up story (to accept with follow-up)").fill("Show the caller's history on the wallboard too");
  await third$.getByRole("button", { name: `Accept with follow-up: ${third.title}` }).click();
  await expect(copo.getByRole("status")).toHaveText(`Decision recorded for “${third.title}”.`);

  const fourth$ = copo.getByTestId(`demo-${fourth.id}`);
  await fourth$.getByRole("button", { name: `Reject ${fourth.title}` }).click();
  await expect(copo.getByTestId(`demo-${fourth.id}`).getByRole("alert")).toHaveText("Tick the criteria not met.");
  await copo.getByTestId(`demo-${fourth.id}`).getByRole("checkbox").first().check();
  await copo.getByTestId(`demo-${fourth.id}`).getByLabel("Comment").fill("Export runs late on the hour");
  await copo.getByTestId(`demo-${fourth.id}`).getByRole("button", { name: `Reject ${fourth.title}` }).click();
  await expect(copo.getByTestId(`demo-${fourth.id}`).getByText("Rejected", { exact: true })).toBeVisible();

  const accepted = first.points + second.points + third.points;
  expect(await notAccepted()).toBe(before - accepted);
  const after = await (await request.get(`/api/v1/projects/${acme.id}/backlog`, { headers: bearer(dev) })).json();
  expect(after.find((s: { id: number }) => s.id === fourth.id).status).toBe("in_progress");
  expect(after.at(-1).title).toBe("Show the caller's history on the wallboard too");
});

test("the acceptance record lists the standing decisions, prints without the app's chrome, and downloads as CSV", async ({ pageAs, request }) => {
  const sm = await tokenFor(request, "sm@example.com");
  const projects = await (await request.get("/api/v1/projects", { headers: bearer(sm) })).json();
  const acme = projects.find((p: { name: string }) => p.name.startsWith("Acme"));
  const plan = await (await request.get(`/api/v1/projects/${acme.id}/release-plan`, { headers: bearer(sm) })).json();
  const closed = plan.sprints.find((s: { number: number }) => s.number === 1);

  const dev = await pageAs("dev@example.com");
  await dev.goto(`/sprints/${closed.id}/acceptance`);
  await expect(dev.getByRole("heading", { level: 1 })).toHaveText("Acceptance record — sprint 1");
  await expect(dev.getByText(/final \(sprint closed\)/)).toBeVisible();
  await expect(dev.locator("tbody tr")).toHaveCount(4);
  await expect(dev.locator("tbody tr").first()).toContainText("Accepted");
  await expect(dev.locator("tbody tr").first()).toContainText("Carlos Mendes");

  await dev.emulateMedia({ media: "print" });
  await expect(dev.locator(".site-header")).toBeHidden();
  await expect(dev.getByRole("link", { name: "CSV" })).toBeHidden();
  const pdf = await dev.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  const csv = await request.get(`/sprints/${closed.id}/acceptance.csv`, { headers: { cookie: (await dev.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") } });
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.startsWith("\uFEFFstory,title,feature,sprint,")).toBe(true);
  // A header, four decisions, and the closing CRLF of the last row.
  expect(text.split("\r\n")).toHaveLength(6);
  expect(text.endsWith("\r\n")).toBe(true);
});
