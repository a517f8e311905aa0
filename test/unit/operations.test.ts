import { describe, expect, it } from "vitest";
import { redactPath } from "~/lib/redact";
import { requestIdFrom } from "~/lib/request-context.server";
import { attachmentsBackupFolder, defaultBackupPath } from "~/operations/backup.server";
import { exitCodeOf } from "../../scripts/exit-code";
import { BODY_LIMIT, UPLOAD_LIMIT, judgeBody } from "~/operations/body-limit";

describe("redactPath", () => {
  it.each([
    ["/set-password/3f9a0c1d2e", "/set-password/[redacted]"],
    ["/set-password/3f9a0c1d2e?redirectTo=%2F", "/set-password/[redacted]?redirectTo=%2F"],
    ["/set-password/abc/def", "/set-password/[redacted]/def"],
    ["/set%2Dpassword/abc", "/set%2Dpassword/[redacted]"],
    ["/api/v1/projects/4/calendar.ics?token=s3cr3t", "/api/v1/projects/4/calendar.ics?token=[redacted]"],
    ["/api/v1/projects/4/calendar.ics?a=1&TOKEN=s3cr3t&b=2", "/api/v1/projects/4/calendar.ics?a=1&TOKEN=[redacted]&b=2"],
    ["/x?%74oken=s3cr3t", "/x?%74oken=[redacted]"],
    ["/x?password=hunter2&key=k", "/x?password=[redacted]&key=[redacted]"],
    ["/set-password/", "/set-password/"],
  ])("%s → %s", (input, expected) => {
    expect(redactPath(input)).toBe(expected);
  });

  it("leaves ordinary paths and queries alone, malformed escapes included", () => {
    expect(redactPath("/portals/acme?status=accepted&page=2")).toBe("/portals/acme?status=accepted&page=2");
    expect(redactPath("/ideas/CO-12")).toBe("/ideas/CO-12");
    expect(redactPath("/x?%E0%A4%A=1")).toBe("/x?%E0%A4%A=1");
  });
});

describe("requestIdFrom", () => {
  it("keeps a proxy's id that looks like one and makes a new one otherwise", () => {
    expect(requestIdFrom("lb-7f3a.42")).toBe("lb-7f3a.42");
    for (const bad of [undefined, "", "a b", "x".repeat(101), "id\nInjected: 1"]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe("exitCodeOf (npm start)", () => {
  it("passes the server's own code on", () => {
    expect(exitCodeOf(0, null, null)).toBe(0);
    expect(exitCodeOf(1, null, null)).toBe(1);
    expect(exitCodeOf(0, null, "SIGTERM")).toBe(0);
  });

  it("is non-zero when a signal we did not forward ended the server", () => {
    expect(exitCodeOf(null, "SIGKILL", null)).toBe(137);
    expect(exitCodeOf(null, "SIGTERM", null)).toBe(143);
    expect(exitCodeOf(null, "SIGSEGV", "SIGTERM")).toBe(139);
  });

  it("is 0 when the server ended by the stop signal we forwarded", () => {
    expect(exitCodeOf(null, "SIGTERM", "SIGTERM")).toBe(0);
    expect(exitCodeOf(null, "SIGINT", "SIGINT")).toBe(0);
  });
});

describe("backup names", () => {
  it("stamps the default copy with the UTC time, in backups/ beside the database", () => {
    expect(defaultBackupPath("/srv/sprintlab/data/sprintlab.db", new Date("2026-12-01T21:30:05.123Z"))).toBe(
      "/srv/sprintlab/data/backups/sprintlab-20261201-213005.db",
    );
    expect(attachmentsBackupFolder("/b/sprintlab-20261201-213005.db")).toBe("/b/sprintlab-20261201-213005-attachments");
  });
});

describe("judgeBody (request size)", () => {
  it("refuses a declared length over the limit at once and counts a chunked body while it is read", () => {
    expect(judgeBody({ contentLength: String(BODY_LIMIT + 1), contentType: "application/json" })).toMatchObject({ ok: false, status: 413 });
    expect(judgeBody({ contentLength: String(BODY_LIMIT), contentType: "application/json" })).toEqual({ ok: true, countWhileReading: null });
    expect(judgeBody({ contentLength: String(UPLOAD_LIMIT), contentType: "multipart/form-data; boundary=x" })).toEqual({ ok: true, countWhileReading: null });
    expect(judgeBody({ contentLength: "12abc" })).toMatchObject({ ok: false, status: 413 });
    expect(judgeBody({ transferEncoding: "chunked", contentType: "application/json" })).toEqual({ ok: true, countWhileReading: BODY_LIMIT });
    expect(judgeBody({ transferEncoding: "chunked", contentType: "multipart/form-data; boundary=x" })).toEqual({ ok: true, countWhileReading: UPLOAD_LIMIT });
    expect(judgeBody({})).toEqual({ ok: true, countWhileReading: null });
  });
});
