/**
 * What the HTTP bench makes of its measurements: percentiles, ratios to the in-run references,
 * the table it prints, the targets it checks and the JSON it writes (bench-results.json). Pure,
 * so a unit test covers it without a server.
 */

export type Kind = "page" | "api" | "write";

/** One scenario's raw figures: throughput at 50 connections, latencies (ms) at 10. */
export type Measured = {
  name: string;
  kind: Kind;
  rps: number;
  /** Every response time at 10 connections, in ms. */
  latencies: number[];
  errors: number;
  non2xx: number;
  /** Bytes of the answer's body (pages: its HTML). */
  bytes?: number;
};

export type Scenario = {
  name: string;
  kind: Kind;
  rps: number;
  ratio: number;
  p50: number;
  p95at10: number;
  p99: number;
  errors: number;
  htmlKB?: number;
};

export type Results = {
  commit: string;
  quick: boolean;
  dataset: { users: number; ideas: number; ledgerRows: number; comments: number; stories: number; storyEvents: number };
  scenarios: Scenario[];
  references: { raw: { rps: number }; signIn: { rps: number } };
  rssPeakMB: number;
  ledgerInvariant: "ok" | "violated";
  jsGzipKB: { ideasList: number; sprintBoard: number };
};

/** The q-quantile (0–1) of some values, nearest rank; 0 for none. */
export function percentile(values: readonly number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A scenario's figures beside its reference: pages against the sign-in page, API reads and writes against the raw server. */
export function scenario(m: Measured, references: Results["references"]): Scenario {
  const reference = m.kind === "page" ? references.signIn.rps : references.raw.rps;
  return {
    name: m.name,
    kind: m.kind,
    rps: round(m.rps),
    ratio: reference > 0 ? round(m.rps / reference, 3) : 0,
    p50: round(percentile(m.latencies, 0.5)),
    p95at10: round(percentile(m.latencies, 0.95)),
    p99: round(percentile(m.latencies, 0.99)),
    errors: m.errors + m.non2xx,
    ...(m.bytes !== undefined ? { htmlKB: round(m.bytes / 1024) } : {}),
  };
}

export const TARGETS = {
  pageRatio: 0.5,
  pageP95: 100,
  apiRatio: 0.25,
  apiP95: 50,
  writeRps: 1000,
  rssMB: 300,
  htmlKB: 150,
  jsKB: 150,
} as const;

/** Every target the results miss, as sentences with by how much. */
export function misses(r: Results): string[] {
  const out: string[] = [];
  for (const s of r.scenarios) {
    if (s.errors) out.push(`${s.name}: ${s.errors} errors or non-2xx answers`);
    if (s.kind === "page") {
      if (s.ratio < TARGETS.pageRatio) out.push(`${s.name}: ${Math.round(s.ratio * 100)} % of the sign-in page's throughput (target ${TARGETS.pageRatio * 100} %)`);
      if (s.p95at10 >= TARGETS.pageP95) out.push(`${s.name}: p95 ${s.p95at10} ms at 10 connections (target < ${TARGETS.pageP95} ms)`);
      if ((s.htmlKB ?? 0) > TARGETS.htmlKB) out.push(`${s.name}: ${s.htmlKB} KB of HTML (target ≤ ${TARGETS.htmlKB} KB)`);
    } else if (s.kind === "api") {
      if (s.ratio < TARGETS.apiRatio) out.push(`${s.name}: ${Math.round(s.ratio * 100)} % of the raw server's throughput (target ${TARGETS.apiRatio * 100} %)`);
      if (s.p95at10 >= TARGETS.apiP95) out.push(`${s.name}: p95 ${s.p95at10} ms at 10 connections (target < ${TARGETS.apiP95} ms)`);
    } else if (s.rps < TARGETS.writeRps) {
      out.push(`${s.name}: ${s.rps} requests/s (target ≥ ${TARGETS.writeRps})`);
    }
  }
  if (r.rssPeakMB >= TARGETS.rssMB) out.push(`server memory peaked at ${r.rssPeakMB} MB (target < ${TARGETS.rssMB} MB)`);
  if (r.ledgerInvariant !== "ok") out.push("the vote ledger invariant was violated");
  if (r.jsGzipKB.ideasList >= TARGETS.jsKB) out.push(`ideas list JavaScript ${r.jsGzipKB.ideasList} KB gzip (target < ${TARGETS.jsKB} KB)`);
  return out;
}

/** The table the bench prints. */
export function table(r: Results): string {
  const head = ["scenario", "kind", "req/s", "ratio", "p50", "p95@10", "p99", "errors", "HTML KB"];
  const rows = [
    ["sign-in page (reference)", "page", String(r.references.signIn.rps), "1", "", "", "", "", ""],
    ["raw node:http, ideas SQL (reference)", "api", String(r.references.raw.rps), "1", "", "", "", "", ""],
    ...r.scenarios.map((s) => [s.name, s.kind, String(s.rps), s.ratio.toFixed(2), `${s.p50} ms`, `${s.p95at10} ms`, `${s.p99} ms`, String(s.errors), s.htmlKB === undefined ? "" : String(s.htmlKB)]),
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export type GrowthPoint = { ideas: number; rps: number; p95at10: number };

/**
 * `--scale`'s table: each scenario's p95 at 10 connections (and req/s at 50) at every portal
 * size, and how many times slower its p95 is at the largest size than at the smallest.
 */
export function growthTable(steps: readonly number[], rows: ReadonlyMap<string, readonly GrowthPoint[]>): string {
  const head = ["scenario (p95 at 10 · req/s at 50)", ...steps.map((n) => `${n.toLocaleString("en-US")} ideas`), `${steps.at(-1)! / steps[0]}× ideas`];
  const body = [...rows].map(([name, points]) => {
    const at = (n: number) => points.find((p) => p.ideas === n);
    const first = at(steps[0]);
    const last = at(steps.at(-1)!);
    const growth = first && last && first.p95at10 > 0 ? `p95 ×${round(last.p95at10 / first.p95at10)}` : "";
    return [name, ...steps.map((n) => (at(n) ? `${at(n)!.p95at10} ms · ${Math.round(at(n)!.rps)}` : "")), growth];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
