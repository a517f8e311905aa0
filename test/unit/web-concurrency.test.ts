import { describe, expect, it } from "vitest";
import { webConcurrency } from "../../scripts/web-concurrency";

describe("WEB_CONCURRENCY", () => {
  it("is one process when unset or empty", () => {
    expect(webConcurrency(undefined)).toBe(1);
    expect(webConcurrency("")).toBe(1);
    expect(webConcurrency("  ")).toBe(1);
  });

  it("takes a whole number from 1 to 64", () => {
    expect(webConcurrency("1")).toBe(1);
    expect(webConcurrency(" 2 ")).toBe(2);
    expect(webConcurrency("64")).toBe(64);
  });

  it("refuses anything else with a sentence that names the value", () => {
    for (const bad of ["0", "-1", "1.5", "two", "65", "2 processes"]) {
      expect(() => webConcurrency(bad)).toThrow(`WEB_CONCURRENCY must be a whole number of server processes from 1 to 64; it is "${bad}".`);
    }
  });
});
