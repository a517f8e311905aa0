import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { API_ROUTES } from "../../app/web/api-routes.server";
import { apiTableOf, METHODS } from "../../app/web/api.server";
import { FUZZ_SEED, changed, expand, fuzzRuns, mutations, type Mutation } from "../support/fuzz";
import { WorldCopies, digest, type Persona, type World } from "../support/matrix-world";
import { MATRIX, type ApiRow } from "../support/permission-matrix";
import { callApi, tokenOfPersona, type Answer } from "../support/route-calls";

/**
 * Every API call, fed generated input: wrong types, missing and extra fields, 1 MB strings,
 * unicode and control characters, negative and huge numbers, malformed dates, bad JSON, wrong
 * content types and path parameters. The answer is a 2xx (the input happened to be valid) or a
 * 4xx in API.md's envelope that changed nothing; never a 5xx.
 */

const RUNS_PER_CALL = 30;
const worlds = new WorldCopies();
let world: World;
let calendarToken: string;

beforeAll(async () => {
  world = await worlds.build();
  calendarToken = (worlds.fresh().$client.prepare("select calendar_token as t from projects where id = ?").get(world.projectId) as { t: string }).t;
}, 60_000);
afterAll(() => {
  worlds.dispose();
  console.log(`API fuzzing: ${fuzzRuns.total} generated calls over ${calls.length} API calls (${RUNS_PER_CALL} each, seed ${FUZZ_SEED})`);
});

type Call = { method: string; path: string; auth: boolean; row: ApiRow | undefined; queryKeys: string[] };
type Base = { persona: Persona; params: Record<string, string>; body?: Record<string, unknown> };

/** A valid value for each path parameter, by the collection it names. */
function baseParams(path: string): Record<string, string> {
  const ids: Record<string, number | string> = {
    projects: world.projectId,
    sprints: world.activeSprintId,
    stories: world.storyTodo,
    users: world.target.id,
    "go-lives": world.goLiveId,
    ideas: world.ideaOpen,
    portals: world.portalSlug,
    holidays: world.holidayDate,
  };
  return Object.fromEntries([...path.matchAll(/\/([\w-]+)\/\{(\w+)\}/g)].map(([, collection, name]) => [name, String(ids[collection])]));
}

const shapeKeys = (schema: z.ZodType | undefined) => Object.keys((schema as unknown as { _zod?: { def?: { shape?: object } } })?._zod?.def?.shape ?? {});

const calls: Call[] = API_ROUTES.flatMap(({ path, module }) => {
  const table = apiTableOf(module.loader) ?? {};
  return METHODS.filter((m) => table[m]).map((method) => ({
    method,
    path,
    auth: table[method]!.auth,
    row: MATRIX.find((r): r is ApiRow => r.kind === "api" && r.method === method && r.path === path),
    queryKeys: shapeKeys(table[method]!.query),
  }));
});

/** The call's valid input, as someone it is meant for: the input, not the role, is what is tried. */
function baseOf(call: Call): Base {
  const persona: Persona = !call.auth ? "anonymous" : (call.row?.allowed.find((p) => p !== "anonymous") ?? "admin");
  const body = call.row?.call(world, persona).body as Record<string, unknown> | undefined;
  return { persona, params: baseParams(call.path), body: body ?? (call.method === "GET" || call.method === "DELETE" ? undefined : {}) };
}

function envelope(answer: Answer): { code: unknown; message: unknown } | null {
  try {
    return (JSON.parse(answer.text) as { error?: { code: unknown; message: unknown } }).error ?? null;
  } catch {
    return null;
  }
}

async function send(call: Call, base: Base, generated: Mutation): Promise<Answer> {
  const mutation = expand(generated);
  const names = Object.keys(base.params);
  const params = mutation.kind === "param" && names.length ? { ...base.params, [names[0]]: mutation.value } : base.params;
  const concrete = call.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(base.params[name]));
  const token = tokenOfPersona(world, base.persona);
  if (call.method === "GET") {
    const query = new URLSearchParams(call.path.endsWith("calendar.ics") ? { token: calendarToken } : {});
    if (mutation.kind === "fields") for (const [key, value] of mutation.set) query.set(key, typeof value === "string" ? value : String(JSON.stringify(value)));
    return callApi("GET", call.path, { path: query.size ? `${concrete}?${query}` : concrete, params }, token);
  }
  const target = { path: concrete, params };
  const body = base.body ?? {};
  switch (mutation.kind) {
    case "fields":
      return callApi(call.method, call.path, target, token, { json: changed(body, mutation, (v) => v) });
    case "whole":
      return callApi(call.method, call.path, target, token, { json: mutation.value });
    case "raw":
      return callApi(call.method, call.path, target, token, { raw: mutation.text });
    case "contentType":
      return callApi(call.method, call.path, target, token, { raw: JSON.stringify(body), contentType: mutation.contentType });
    case "param":
      return callApi(call.method, call.path, target, token, { json: body });
  }
}

describe("no input makes an API call fail on our side or write half of something", () => {
  it.each(calls.map((c) => [`${c.method} ${c.path}`, c] as const))("%s", async (_name, call) => {
    const db = worlds.fresh();
    const base = baseOf(call);
    let state = digest(db);
    const fields = [...Object.keys(base.body ?? {}), ...call.queryKeys];
    await fc.assert(
      fc.asyncProperty(mutations(fields), async (mutation) => {
        fuzzRuns.total++;
        const answer = await send(call, base, mutation);
        expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
        if (answer.status >= 400) {
          const error = envelope(answer);
          expect(typeof error?.code === "string" && typeof error.message === "string" && error.message.length > 0, `the error envelope, got: ${answer.text.slice(0, 300)}`).toBe(true);
        }
        const now = digest(db);
        if (answer.status >= 400 || call.method === "GET") expect(now, `a ${answer.status} answer changed the database`).toBe(state);
        state = now;
      }),
      { seed: FUZZ_SEED, numRuns: RUNS_PER_CALL, endOnFailure: true },
    );
  });
});
