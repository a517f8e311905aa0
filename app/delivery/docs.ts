import { diffLines } from "diff";

/** The As-Delivered document kinds (SPEC A7). */
export const DOC_KINDS = ["design", "call_flows", "configuration"] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export const DOC_KIND_LABELS: Record<DocKind, string> = { design: "Design", call_flows: "Call Flows", configuration: "Configuration" };

export type DiffLine = { kind: "add" | "del" | "same"; text: string };

/** A last line without its newline is still the same line: diff texts that each end with one. */
function lines(text: string): string {
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

/** A line diff of two revisions (jsdiff), as lines marked added, removed or unchanged. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffLines(lines(before), lines(after))) {
    const kind = part.added ? "add" : part.removed ? "del" : "same";
    for (const text of part.value.replace(/\n$/, "").split("\n")) out.push({ kind, text });
  }
  return out;
}

/** How much changed: lines added and removed. */
export function diffSummary(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(lines(before), lines(after))) {
    if (part.added) added += part.count ?? 0;
    if (part.removed) removed += part.count ?? 0;
  }
  return { added, removed };
}

/** The revision current on a date: the latest saved on or before it (by the project's calendar). */
export function revisionOn<R extends { number: number; date: string }>(revisions: readonly R[], date: string): R | null {
  let best: R | null = null;
  for (const r of revisions) if (r.date <= date && (!best || r.number > best.number)) best = r;
  return best;
}

/** The document kinds a story names that got no revision in the sprint: the demo flags them. */
export function missingDocRevisions(storyKinds: readonly string[], revisedKinds: ReadonlySet<string>): DocKind[] {
  return DOC_KINDS.filter((k) => storyKinds.includes(k) && !revisedKinds.has(k));
}
