import { targetQuarter } from "./lifecycle";

/** What one stored idea edit changed, as `idea_edits.changes` keeps it. */
export type StoredChanges = Record<string, { from: unknown; to: unknown }>;

/** One line of an idea's edit history: a field, what it was and what it became. */
export type EditLine = { field: string; from: string | null; to: string | null };

export type HistoryViewer = {
  /** PMs, admins and the author read the private business-impact note (SPEC B2). */
  seesBusinessImpact: boolean;
  /** PMs and admins see target dates; everyone else the quarter (SPEC B3). */
  seesTargetDate: boolean;
  /** Category (and portal) names by category id, for moves between categories. */
  categoryName: (id: number) => string | null;
};

const LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  category: "Category",
  targetDate: "Target",
  businessImpact: "Business impact (private)",
};

const ORDER = Object.keys(LABELS);

function text(value: unknown): string | null {
  return value === null || value === undefined || value === "" ? null : String(value);
}

/**
 * The lines of one edit that this viewer may read, old → new. A change of the private
 * business-impact note is left out for those who may not read the note, and a target-date
 * change is shown as quarters to those who see quarters (left out when the quarter stays).
 */
export function editLines(changes: StoredChanges, viewer: HistoryViewer): EditLine[] {
  const lines: EditLine[] = [];
  const fields = Object.keys(changes).sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
  for (const field of fields) {
    const { from, to } = changes[field];
    if (field === "businessImpact" && !viewer.seesBusinessImpact) continue;
    if (field === "targetDate" && !viewer.seesTargetDate) {
      const [a, b] = [targetQuarter(text(from)), targetQuarter(text(to))];
      if (a !== b) lines.push({ field: LABELS.targetDate, from: a, to: b });
      continue;
    }
    if (field === "category") {
      lines.push({ field: LABELS.category, from: typeof from === "number" ? viewer.categoryName(from) : text(from), to: typeof to === "number" ? viewer.categoryName(to) : text(to) });
      continue;
    }
    lines.push({ field: LABELS[field] ?? field, from: text(from), to: text(to) });
  }
  return lines;
}
