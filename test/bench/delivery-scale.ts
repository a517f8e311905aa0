/**
 * `npm run bench:delivery`: 50 projects of 10 sprints and 300 stories each, built through the
 * use-case functions (so events, reports and ranks are real), then the portfolio, a backlog, a
 * sprint board, a burndown and a release plan are timed at the server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../db/client.server";
import { createUser } from "../../app/auth/users.server";
import { addMember, createProject } from "../../app/delivery/projects.server";
import { portfolio } from "../../app/delivery/portfolio.server";
import { createGoLive, releasePlan } from "../../app/delivery/release.server";
import { closeSprint, generateSprints, sprintBoard, sprintBurndown, startSprint } from "../../app/delivery/sprints.server";
import { createFeature, createStory, listBacklog, updateStory } from "../../app/delivery/stories.server";
import { decideAtDemo } from "../../app/delivery/demo.server";
import { projectBurnup } from "../../app/delivery/baseline.server";

const PROJECTS = 50;
const STORIES = 300;
const SPRINTS = 10;
const CLOSED = 8;
const RUNS = 50;

const dir = mkdtempSync(join(tmpdir(), "sprintlab-bench-"));
const db = openDatabase(join(dir, "bench.db"));
const t0 = performance.now();
const sm = await createUser(db, null, { email: "sm@bench.example", name: "Scrum Master", role: "staff", password: "bench-password" });
const copo = await createUser(db, null, { email: "copo@bench.example", name: "Co-PO", role: "customer", password: "bench-password" });
const at = (iso: string, h: number, m = 0) => new Date(`${iso}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00.000Z`);

let activeSprintId = 0;
let firstProjectId = 0;
for (let p = 0; p < PROJECTS; p++) {
  const project = createProject(db, sm, { name: `Bench project ${p}`, customer: `Customer ${p}`, sowSignedOn: "2025-12-01", staffedOn: "2025-12-08", kind: p % 2 ? "product_release" : "customer_engagement" });
  firstProjectId ||= project.id;
  addMember(db, sm, project.id, { userId: copo.id, role: "co_product_owner" });
  const features = Array.from({ length: 6 }, (_, f) => createFeature(db, sm, project.id, { name: `Feature ${f}` }).id);
  const ids = Array.from({ length: STORIES }, (_, i) =>
    createStory(db, sm, project.id, { title: `Story ${i} of project ${p}`, points: [1, 2, 3, 5, 8][i % 5], acceptanceCriteria: ["criterion"], featureId: features[i % 6] }, at("2025-12-10", 9)).id,
  );
  const sprints = generateSprints(db, sm, project.id, { count: SPRINTS });
  createGoLive(db, sm, project.id, { name: "Go-live 1", sprintId: sprints[4].id, featureIds: features.slice(0, 3) });
  createGoLive(db, sm, project.id, { name: "Go-live 2", sprintId: sprints[9].id, featureIds: features.slice(3) });
  let next = 0;
  for (let s = 0; s <= CLOSED; s++) {
    const sprint = sprints[s];
    const taken = ids.slice(next, next + 28);
    next += 25; // three stories a sprint carry over
    for (const id of taken) updateStory(db, sm, id, { sprintId: sprint.id }, at(sprint.start, 8));
    startSprint(db, sm, sprint.id, at(sprint.start, 9));
    taken.forEach((id, k) => {
      updateStory(db, sm, id, { status: "in_progress" }, at(sprint.start, 10, k));
      if (k < 25) updateStory(db, sm, id, { status: "done" }, at(sprint.start, 11, k));
    });
    if (s < CLOSED) {
      taken.slice(0, 22).forEach((id, k) => decideAtDemo(db, copo, sprint.id, { storyId: id, decision: "accept" }, at(sprint.start, 12, k)));
      closeSprint(db, sm, sprint.id, { unfinished: "next" }, at(sprint.end, 17));
    } else if (p === 0) activeSprintId = sprint.id;
  }
}
console.log(`Built ${PROJECTS} projects × ${STORIES} stories × ${SPRINTS} sprints in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`story events: ${(db.$client.prepare("select count(*) n from story_events").get() as { n: number }).n}\n`);

function measure(name: string, fn: () => unknown) {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`${name.padEnd(40)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms`);
}

measure(`portfolio of ${PROJECTS} projects`, () => portfolio(db, sm));
measure("backlog of one project (300 stories)", () => listBacklog(db, sm, firstProjectId));
measure("sprint board", () => sprintBoard(db, sm, activeSprintId));
measure("sprint burndown", () => sprintBurndown(db, sm, activeSprintId));
measure("release plan with forecast", () => releasePlan(db, sm, firstProjectId));
measure("release burnup", () => projectBurnup(db, sm, firstProjectId));

console.log("\nQuery plan of a burndown's events:");
for (const row of db.$client
  .prepare(
    "EXPLAIN QUERY PLAN SELECT id FROM story_events WHERE project_id = ? AND story_id IN (SELECT story_id FROM story_events WHERE project_id = ? AND kind = 'sprint' AND to_value = ?) ORDER BY id",
  )
  .all(firstProjectId, firstProjectId, String(activeSprintId)) as { detail: string }[]) {
  console.log("  " + row.detail);
}
db.$client.close();
rmSync(dir, { recursive: true, force: true });
