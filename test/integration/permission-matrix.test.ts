import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSONAS, WorldCopies, digest, type Persona, type World } from "../support/matrix-world";
import { DEFAULT_INTENT, MATRIX, expected, rowName, type MatrixRow } from "../support/permission-matrix";
import { apiWrites, callApi, callPage, cookieOf, pageActions, pageModule, tokenOfPersona, type Answer } from "../support/route-calls";

const worlds = new WorldCopies();
let world: World;

beforeAll(async () => {
  process.env.ATTACHMENTS_DIR = mkdtempSync(join(tmpdir(), "sprintlab-matrix-files-"));
  world = await worlds.build();
}, 60_000);
afterAll(() => {
  worlds.dispose();
  rmSync(process.env.ATTACHMENTS_DIR!, { recursive: true, force: true });
});

/** One cell: the row's call as the persona, with their token (API) or session cookie (pages). */
async function run(row: MatrixRow, persona: Persona): Promise<Answer> {
  if (row.kind === "api") {
    const call = row.call(world, persona);
    return callApi(row.method, row.path, call, tokenOfPersona(world, persona), { json: call.body });
  }
  const call = row.call(world, persona);
  return callPage(await pageModule(row.route), call, cookieOf(world, persona), { form: call.form, multipart: call.multipart });
}

/** A refusal: 403 or 404, or — signed out — 401 (API) or the way to the sign-in page. */
function isRefusal(row: MatrixRow, persona: Persona, answer: Answer): boolean {
  if (answer.status === 403 || answer.status === 404) return true;
  if (persona !== "anonymous") return false;
  return row.kind === "api" ? answer.status === 401 : answer.status === 302 && (answer.location ?? "").startsWith("/sign-in");
}

describe("the permission matrix covers every mutating call", () => {
  it("has a row for every API write and every page action intent, and none for calls that do not exist", () => {
    const apiRows = new Set(MATRIX.flatMap((r) => (r.kind === "api" ? [`${r.method} ${r.path}`] : [])));
    const pageRows = new Set(MATRIX.flatMap((r) => (r.kind === "page" ? [`${r.route} [${r.intent}]`] : [])));
    const apiInCode = apiWrites().map((e) => `${e.method} ${e.path}`);
    const pagesInCode = pageActions(DEFAULT_INTENT).flatMap((a) => a.intents.map((i) => `${a.route} [${i}]`));
    expect(apiInCode.length).toBeGreaterThan(20);
    expect(pagesInCode.length).toBeGreaterThan(80);
    expect(apiInCode.filter((c) => !apiRows.has(c)), "API calls with no row in the matrix").toEqual([]);
    expect(pagesInCode.filter((c) => !pageRows.has(c)), "page actions with no row in the matrix").toEqual([]);
    expect([...apiRows].filter((r) => !apiInCode.includes(r)), "rows for API calls the code does not have").toEqual([]);
    expect([...pageRows].filter((r) => !pagesInCode.includes(r)), "rows for page intents the code does not have").toEqual([]);
    expect(new Set(MATRIX.map(rowName)).size, "one row per call").toBe(MATRIX.length);
  });
});

describe("every role gets exactly what SPEC's role table gives it", () => {
  const counts = { allowed: 0, refused: 0 };

  afterAll(() => {
    console.log(`permission matrix: ${MATRIX.length} routes × ${PERSONAS.length} roles = ${counts.allowed + counts.refused} calls (${counts.allowed} allowed, ${counts.refused} refused)`);
  });

  it.each(MATRIX.map((row) => [rowName(row), row] as const))("%s", async (_name, row) => {
    const failures: string[] = [];
    // The refused calls share one copy of the world: none of them may change it.
    const db = worlds.fresh();
    const before = digest(db);
    for (const persona of PERSONAS.filter((p) => expected(row, p) === "forbidden")) {
      const answer = await run(row, persona);
      counts.refused++;
      if (!isRefusal(row, persona, answer)) failures.push(`${persona}: expected a refusal, got ${answer.status} ${answer.location ?? answer.text.slice(0, 160)}`);
      else if (digest(db) !== before) failures.push(`${persona}: refused (${answer.status}) but the database changed`);
    }
    // Each allowed call gets a world of its own, as it is meant to change it; it must succeed.
    for (const persona of PERSONAS.filter((p) => expected(row, p) === "allowed")) {
      worlds.fresh();
      const answer = await run(row, persona);
      counts.allowed++;
      const refusedByState = row.conflicts?.includes(persona) && answer.status >= 400 && answer.status < 500 && ![401, 403, 404].includes(answer.status);
      if (answer.status >= 400 && !refusedByState) failures.push(`${persona}: expected to be allowed, got ${answer.status} ${answer.location ?? answer.text.slice(0, 160)}`);
    }
    expect(failures, row.rule).toEqual([]);
  });
});
