import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/e2e";
import { bearer, tokenFor } from "../support/api";

type Story = { id: number; key: string; title: string; status: string; sprintId: number | null };

/** A project of this journey's own whose sprint 1 runs with two 'to do' stories of 3 and 5 points. */
async function runningSprint(request: APIRequestContext) {
  const sm = await tokenFor(request, "sm@example.com");
  const kickoff = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
  const project = await (await request.post("/api/v1/projects", { headers: bearer(sm), data: { name: `Contoso Billing IVR ${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: "Contoso Energy", sowSignedOn: kickoff, staffedOn: kickoff } })).json();
  const [s1] = (await (await request.post(`/api/v1/projects/${project.id}/sprints`, { headers: bearer(sm), data: { count: 2 } })).json()) as { id: number }[];
  const plan = async (title: string, points: number): Promise<Story> => {
    const story = await (await request.post(`/api/v1/projects/${project.id}/stories`, { headers: bearer(sm), data: { title, points, acceptanceCriteria: ["Caller hears the balance", "Unknown callers reach billing"] } })).json();
    expect((await request.patch(`/api/v1/stories/${story.id}`, { headers: bearer(sm), data: { sprintId: s1.id } })).status()).toBe(200);
    return story;
  };
  const finished = await plan("Caller hears the account balance", 3);
  const waiting = await plan("Caller pays the bill by card", 5);
  expect((await request.post(`/api/v1/sprints/${s1.id}/start`, { headers: bearer(sm) })).status()).toBe(200);
  const read = async (id: number): Promise<Story> => (await request.get(`/api/v1/stories/${id}`, { headers: bearer(sm) })).json();

  return { s1, finished, waiting, read };
}

/**
 * The board a team works from (issue 13 point 6): the scrum master drags a card to Done, a drop
 * the rules refuse snaps back with the reason, and closing the sprint lists first what goes where.
 * The project, its sprints and stories are this journey's own.
 */
test("the scrum master drags a card to Done, a refused drop snaps back with the reason, and the close lists the stories first", async ({ pageAs, request }) => {
  const { s1, finished, waiting, read } = await runningSprint(request);

  const page = await pageAs("sm@example.com");
  await page.goto(`/sprints/${s1.id}`);
  // The sprint runs: planning is one line, its forms inside the closed disclosure.
  await expect(page.getByTestId("planning-summary")).toHaveText(/^8 points committed, no capacity set · \d+ working days? left$/);
  await expect(page.getByLabel("Capacity (points)")).toBeHidden();

  const column = (status: string) => page.locator(`section[aria-labelledby="col-${status}"]`);
  // Dropped at the column's top, its heading: a drop point that would scroll the page mid-drag
  // makes the browser start the drag from whatever card is under the pointer after the scroll.
  const drop = (card: ReturnType<typeof column>, status: string) => card.dragTo(column(status), { targetPosition: { x: 20, y: 12 } });
  const card = column("todo").getByTestId(`card-${finished.id}`);
  await expect(card).toHaveAttribute("draggable", "true");
  await drop(card, "done");
  await expect(page.getByRole("status")).toContainText(`${finished.key} “${finished.title}” is now done.`);
  await expect(column("done").getByTestId(`card-${finished.id}`)).toBeVisible();
  await expect(column("done").getByRole("heading")).toContainText("3 pts");
  expect((await read(finished.id)).status).toBe("done");

  // Only a demo decision accepts a story: the drop is refused and the card goes back.
  await drop(column("todo").getByTestId(`card-${waiting.id}`), "accepted");
  await expect(page.getByTestId("board-message")).toHaveText(`${waiting.key} stays where it was: Only a demo decision by the co-product owner accepts a story.`);
  await expect(column("todo").getByTestId(`card-${waiting.id}`)).toBeVisible();
  await expect(column("accepted").locator(".story-card")).toHaveCount(0);
  expect((await read(waiting.id)).status).toBe("todo");

  // The arrow buttons still move a card, for keyboards.
  await column("todo").getByRole("button", { name: `Move ${waiting.title} to In progress` }).click();
  await expect(column("in_progress").getByTestId(`card-${waiting.id}`)).toBeVisible();

  // Closing lists what goes where before it happens; nothing moved yet.
  const close = page.getByRole("region", { name: "Close the sprint" });
  await close.getByRole("button", { name: "Close sprint 1" }).click();
  const summary = close.getByTestId("close-summary");
  await expect(summary.getByRole("region", { name: /^Done, not accepted: go to the top of the backlog/ })).toContainText(`${finished.key} ${finished.title} 3`);
  await expect(summary.getByRole("region", { name: /^Not done: go to the top of the backlog/ })).toContainText(`${waiting.key} ${waiting.title} 5`);
  await expect(summary.getByRole("heading", { name: /^Not done/ })).toContainText("(1 story, 5 pts)");
  expect((await read(waiting.id)).sprintId).toBe(s1.id);
  await close.getByLabel("I understand: 2 unfinished stories go to the top of the backlog; the sprint report is frozen.").check();
  await close.getByRole("button", { name: "Close sprint 1" }).click();
  await expect(page.getByRole("status")).toContainText("Sprint 1 closed");
  expect(await read(waiting.id)).toMatchObject({ sprintId: null, status: "in_progress" });
  expect(await read(finished.id)).toMatchObject({ sprintId: null, status: "done" });
});

test("without JavaScript the arrows move a card, the planning line opens, and the close lists the stories before asking", async ({ pageAs, request }) => {
  const { s1, finished, waiting, read } = await runningSprint(request);
  const page = await pageAs("sm@example.com", { javaScriptEnabled: false });
  await page.goto(`/sprints/${s1.id}`);
  const column = (status: string) => page.locator(`section[aria-labelledby="col-${status}"]`);
  await expect(column("todo").getByTestId(`card-${finished.id}`)).not.toHaveAttribute("draggable", "true");
  await page.getByTestId("planning-summary").click();
  await expect(page.getByLabel("Capacity (points)")).toBeVisible();

  await column("todo").getByRole("button", { name: `Move ${finished.title} to In progress` }).click();
  await expect(column("in_progress").getByTestId(`card-${finished.id}`)).toBeVisible();
  expect((await read(finished.id)).status).toBe("in_progress");

  const close = page.getByRole("region", { name: "Close the sprint" });
  await close.getByRole("button", { name: "Close sprint 1" }).click();
  const notDone = close.getByTestId("close-summary").getByRole("region", { name: /^Not done: go to the top of the backlog/ });
  await expect(notDone).toContainText(`${finished.key} ${finished.title} 3`);
  await expect(notDone).toContainText(`${waiting.key} ${waiting.title} 5`);
  expect((await read(waiting.id)).sprintId).toBe(s1.id);
});
