import { describe, expect, it } from "vitest";
import { growthTable, misses, percentile, scenario, table, type Results } from "../bench/results";

const references = { signIn: { rps: 300 }, raw: { rps: 2000 } };

describe("the HTTP bench's result handling", () => {
  it("takes nearest-rank percentiles of unsorted response times", () => {
    const times = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(times, 0.5)).toBe(50);
    expect(percentile(times, 0.95)).toBe(95);
    expect(percentile(times, 0.99)).toBe(99);
    expect(percentile([], 0.95)).toBe(0);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it("rates pages against the sign-in page and API calls against the raw server, counting non-2xx as errors", () => {
    const page = scenario({ name: "backlog", kind: "page", rps: 150, latencies: [10, 20, 30], errors: 1, non2xx: 2, bytes: 200 * 1024 }, references);
    expect(page).toEqual({ name: "backlog", kind: "page", rps: 150, ratio: 0.5, p50: 20, p95at10: 30, p99: 30, errors: 3, htmlKB: 200 });
    const api = scenario({ name: "API ideas list", kind: "api", rps: 400, latencies: [5], errors: 0, non2xx: 0 }, references);
    expect(api.ratio).toBe(0.2);
    expect(api).not.toHaveProperty("htmlKB");
  });

  it("names every target missed, by how much, and none when all are met", () => {
    const base: Results = {
      commit: "abc1234",
      quick: true,
      dataset: { users: 1, ideas: 1, ledgerRows: 1, comments: 1, stories: 1, storyEvents: 1 },
      references,
      scenarios: [
        { name: "ideas list", kind: "page", rps: 200, ratio: 0.67, p50: 20, p95at10: 60, p99: 80, errors: 0, htmlKB: 40 },
        { name: "API idea", kind: "api", rps: 900, ratio: 0.45, p50: 5, p95at10: 20, p99: 30, errors: 0 },
        { name: "votes", kind: "write", rps: 1200, ratio: 0.6, p50: 5, p95at10: 20, p99: 30, errors: 0 },
      ],
      rssPeakMB: 250,
      ledgerInvariant: "ok",
      jsGzipKB: { ideasList: 100, sprintBoard: 200 },
    };
    expect(misses(base)).toEqual([]);
    const bad: Results = {
      ...base,
      scenarios: [
        { ...base.scenarios[0], ratio: 0.31, p95at10: 140, htmlKB: 900 },
        { ...base.scenarios[1], ratio: 0.1, p95at10: 50 },
        { ...base.scenarios[2], rps: 250, errors: 4 },
      ],
      rssPeakMB: 600,
      ledgerInvariant: "violated",
      jsGzipKB: { ideasList: 151, sprintBoard: 200 },
    };
    expect(misses(bad)).toEqual([
      "ideas list: 31 % of the sign-in page's throughput (target 50 %)",
      "ideas list: p95 140 ms at 10 connections (target < 100 ms)",
      "ideas list: 900 KB of HTML (target ≤ 150 KB)",
      "API idea: 10 % of the raw server's throughput (target 25 %)",
      "API idea: p95 50 ms at 10 connections (target < 50 ms)",
      "votes: 4 errors or non-2xx answers",
      "votes: 250 requests/s (target ≥ 1000)",
      "server memory peaked at 600 MB (target < 300 MB)",
      "the vote ledger invariant was violated",
      "ideas list JavaScript 151 KB gzip (target < 150 KB)",
    ]);
  });

  it("prints the references first and one aligned row per scenario", () => {
    const text = table({ ...({} as Results), references, scenarios: [{ name: "idea page", kind: "page", rps: 180, ratio: 0.6, p50: 12, p95at10: 40, p99: 70, errors: 0, htmlKB: 10.5 }] });
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^scenario\s+kind\s+req\/s\s+ratio\s+p50\s+p95@10\s+p99\s+errors\s+HTML KB$/);
    expect(lines[2]).toMatch(/^sign-in page \(reference\)\s+page\s+300\s+1/);
    expect(lines[4]).toMatch(/^idea page\s+page\s+180\s+0\.60\s+12 ms\s+40 ms\s+70 ms\s+0\s+10\.5$/);
    expect(new Set(lines.map((l) => l.length)).size).toBeLessThanOrEqual(2);
  });

  it("prints the growth table of --scale: p95 and req/s at each size, and how much slower the largest is", () => {
    const rows = new Map([
      ["ideas list, top", [{ ideas: 5000, rps: 180.4, p95at10: 60 }, { ideas: 50000, rps: 150, p95at10: 80 }, { ideas: 250000, rps: 90, p95at10: 150 }]],
      ["similar ideas lookup", [{ ideas: 5000, rps: 200, p95at10: 40 }, { ideas: 50000, rps: 100, p95at10: 90 }]],
    ]);
    const lines = growthTable([5000, 50000, 250000], rows).split("\n");
    expect(lines[0]).toMatch(/^scenario .*5,000 ideas\s+50,000 ideas\s+250,000 ideas\s+50× ideas$/);
    expect(lines[2]).toMatch(/^ideas list, top\s+60 ms · 180\s+80 ms · 150\s+150 ms · 90\s+p95 ×2\.5$/);
    // A size that was not measured stays empty, and no growth is claimed without it.
    expect(lines[3]).toMatch(/^similar ideas lookup\s+40 ms · 200\s+90 ms · 100\s*$/);
  });
});
