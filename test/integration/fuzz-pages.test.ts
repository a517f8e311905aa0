import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUZZ_SEED, changed, expand, fuzzRuns, mutations, type Mutation } from "../support/fuzz";
import { WorldCopies, digest, type Persona, type World } from "../support/matrix-world";
import { MATRIX, rowName, type PageRow } from "../support/permission-matrix";
import { callPage, cookieOf, pageModule, type Answer } from "../support/route-calls";

/**
 * Every page action (each intent, as the permission matrix lists them), fed generated forms:
 * fields missing, extra, repeated, 1 MB long, unicode and control characters, negative and huge
 * numbers, malformed dates; bodies that are JSON, broken multipart or of no content type; bad
 * route parameters. The answer is a redirect or page (the input happened to be valid, or a
 * flash says why not) or a 4xx — the form again with its error, or the error page — that
 * changed nothing; never a 5xx or an exception.
 */

const RUNS_PER_ACTION = 15;
const worlds = new WorldCopies();
let world: World;
const rows = MATRIX.filter((r): r is PageRow => r.kind === "page");

beforeAll(async () => {
  process.env.ATTACHMENTS_DIR = mkdtempSync(join(tmpdir(), "sprintlab-fuzz-files-"));
  world = await worlds.build();
}, 60_000);
afterAll(() => {
  worlds.dispose();
  rmSync(process.env.ATTACHMENTS_DIR!, { recursive: true, force: true });
  console.log(`page fuzzing: ${fuzzRuns.total} generated posts over ${rows.length} page actions (${RUNS_PER_ACTION} each, seed ${FUZZ_SEED})`);
});

const asFormValue = (value: unknown): string | string[] => (Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? "")) : typeof value === "string" ? value : String(JSON.stringify(value)));

function urlEncoded(form: Record<string, string | string[]>): string {
  const data = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) data.append(key, v);
  return data.toString();
}

async function send(row: PageRow, persona: Persona, generated: Mutation): Promise<Answer> {
  const mutation = expand(generated);
  const base = row.call(world, persona);
  const module = await pageModule(row.route);
  const names = Object.keys(base.params);
  const params = mutation.kind === "param" && names.length ? { ...base.params, [names[0]]: mutation.value } : base.params;
  const target = { path: base.path, params };
  const cookie = cookieOf(world, persona);
  // The intent stays: each run tries the input of this action, not another one's.
  const keepIntent = (form: Record<string, string | string[]>) => (base.form.intent ? { ...form, intent: base.form.intent } : form);
  switch (mutation.kind) {
    case "fields":
      return callPage(module, target, cookie, { form: keepIntent(changed(base.form, mutation, asFormValue)), multipart: base.multipart });
    case "whole":
      return callPage(module, target, cookie, { raw: JSON.stringify(mutation.value ?? null), contentType: "application/json" });
    case "raw":
      return callPage(module, target, cookie, { raw: mutation.text, contentType: mutation.text.length % 2 ? "multipart/form-data; boundary=fuzz" : "application/x-www-form-urlencoded" });
    case "contentType":
      return callPage(module, target, cookie, { raw: urlEncoded(base.form), contentType: mutation.contentType ?? undefined });
    case "param":
      return callPage(module, target, cookie, { form: base.form, multipart: base.multipart });
  }
}

function formError(answer: Answer): string | null {
  if (!answer.contentType.includes("json")) return answer.text;
  const data = JSON.parse(answer.text) as { errors?: { message?: string } | null; message?: string | null; error?: string };
  return data.errors?.message ?? data.message ?? data.error ?? null;
}

describe("no form makes a page action fail on our side or write half of something", () => {
  it.each(rows.map((r) => [rowName(r), r] as const))("%s", async (_name, row) => {
    const db = worlds.fresh();
    // Posted as someone the action is meant for, so the form, not the role, is what is tried.
    const persona = row.allowed.find((p) => p !== "anonymous") ?? "anonymous";
    let state = digest(db);
    const fields = Object.keys(row.call(world, persona).form).filter((f) => f !== "intent");
    await fc.assert(
      fc.asyncProperty(mutations(fields), async (mutation) => {
        fuzzRuns.total++;
        const answer = await send(row, persona, mutation);
        expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
        const now = digest(db);
        if (answer.status >= 400) {
          expect(formError(answer), `a ${answer.status} without a message: ${answer.text.slice(0, 300)}`).toBeTruthy();
          expect(now, `a ${answer.status} answer changed the database`).toBe(state);
        }
        state = now;
      }),
      { seed: FUZZ_SEED, numRuns: RUNS_PER_ACTION, endOnFailure: true },
    );
  });
});
