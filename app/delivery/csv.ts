import Papa from "papaparse";

/** The columns of the backlog CSV, in export order; import reads the same headers. */
export const CSV_COLUMNS = ["rank", "id", "type", "title", "description", "acceptance criteria", "points", "status", "feature", "sprint", "ready"] as const;

export type CsvStoryRow = {
  line: number;
  title: string;
  type: string;
  description: string;
  acceptanceCriteria: string[];
  points: string;
  feature: string;
};

/**
 * Read stories from CSV text (a header row, then one story per row). Headers are matched without
 * regard to case or spaces; acceptance criteria are one per line inside their cell, or separated
 * by " | ". Returns the rows with their line numbers, or a message when the file itself is unusable.
 */
export function parseStoriesCsv(text: string): { ok: true; rows: CsvStoryRow[] } | { ok: false; message: string } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, " "),
  });
  const fields = result.meta.fields ?? [];
  if (!fields.includes("title")) return { ok: false, message: "The first row must name the columns, including “title”." };
  const fatal = result.errors.find((e) => e.type === "Quotes");
  if (fatal) return { ok: false, message: `Line ${(fatal.row ?? 0) + 2}: ${fatal.message}.` };
  if (result.data.length === 0) return { ok: false, message: "The file has no stories under its header row." };
  if (result.data.length > 1000) return { ok: false, message: "Import at most 1,000 stories at a time." };
  return {
    ok: true,
    rows: result.data.map((r, i) => ({
      line: i + 2,
      title: (r["title"] ?? "").trim(),
      type: (r["type"] ?? "").trim().toLowerCase() || "story",
      description: (r["description"] ?? "").trim(),
      acceptanceCriteria: (r["acceptance criteria"] ?? "")
        .split(/\r?\n|\s\|\s/)
        .map((c) => c.trim())
        .filter(Boolean),
      points: (r["points"] ?? "").trim(),
      feature: (r["feature"] ?? "").trim(),
    })),
  };
}

/** The backlog as CSV, with the header row of CSV_COLUMNS. */
export function storiesToCsv(rows: Record<(typeof CSV_COLUMNS)[number], string | number>[]): string {
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) });
}
