import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeLogger } from "~/lib/log.server";
import { runInRequest } from "~/lib/request-context.server";

const KEY = Symbol.for("sprintlab.logger");
const holder = globalThis as Record<symbol, unknown>;

describe("error logging", () => {
  let lines: Record<string, unknown>[];
  beforeEach(() => {
    process.env.JOBS_INTERVAL_SECONDS = "0";
    lines = [];
    holder[KEY] = makeLogger({ write: (line: string) => lines.push(JSON.parse(line)) });
  });
  afterEach(() => {
    delete holder[KEY];
  });

  it("logs a failed request once, with its request id and the stack; refusals are not errors", async () => {
    const { handleError } = await import("~/entry.server");
    const request = new Request("http://localhost/set-password/0f1e2d3c4b5a?next=1");
    runInRequest({ id: "req-7" }, () => handleError(new Error("the disk is full"), { request, params: {}, context: {} }));
    runInRequest({ id: "req-8" }, () => handleError(new Response("Not found", { status: 404 }), { request, params: {}, context: {} }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", reqId: "req-7", method: "GET", path: "/set-password/[redacted]?next=1", msg: "Request failed" });
    expect(JSON.stringify(lines)).not.toContain("0f1e2d3c4b5a");
    expect((lines[0].err as { stack: string }).stack).toMatch(/the disk is full[\s\S]*logging\.test\.ts/);
  });

  it("never writes a password or a token, whoever logs it", () => {
    const log = makeLogger({ write: (line: string) => lines.push(JSON.parse(line)) });
    log.info({ password: "hunter2", token: "spl_abc", body: { password: "x" }, headers: { authorization: "Bearer spl_abc", cookie: "s=1" } }, "careless");
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|spl_abc|s=1/);
  });
});
