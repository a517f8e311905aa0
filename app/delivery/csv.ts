import Papa from "papaparse";
import { readCell, writeCsv } from "../lib/csv";
import { cleanText } from "../lib/validation";

/** The columns of the backlog CSV, in export order; import reads the same headers. */
export const CSV_COLUMNS = ["rank", "id", "type", "title", "description", "acceptance criteria", "points", "status", "feature", "sprint", "ready"] as const;

/** The columns import reads; any other column of the file (status, sprint from an export…) is ignored, and the preview says so. */
export const IMPORTED_COLUMNS = ["title", "type", "description", "acceptance criteria", "points", "feature"] as const;

/** A row's cells as their author typed them: the writer's `'` before a formula-like cell comes off. */
function cellsAsTyped(row: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) if (typeof v === "string") out[k] = cleanText(readCell(v));
  return out;
}

/**
 * The text of an uploaded file. UTF-8 (with or without a byte-order mark) as it is; a file that is
 * not UTF-8 is read as Windows-1252 — what spreadsheet apps on Western-European Windows save as
 * "CSV" — and says so; UTF-16 ("Unicode text") is refused with what to do instead.
 */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string; note: string | null } | { ok: false; message: string } {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 4096).includes(0);
  if (utf16) return { ok: false, message: "This file is UTF-16 (“Unicode text”), not CSV text. Save it as “CSV UTF-8” and choose it again." };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), note: null };
  } catch {
    return {
      ok: true,
      text: decodeWindows1252(bytes),
      note: "This file is not UTF-8: it was read as Windows-1252 (Western European), the encoding spreadsheet apps on Windows save “CSV” in. Check the accented letters below before importing, or save the file as “CSV UTF-8”.",
    };
  }
}

/** Windows-1252's 0x80–0x9F (the WHATWG table); every other byte is its Latin-1 code point. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

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
export function parseStoriesCsv(text: string): { ok: true; rows: CsvStoryRow[]; ignored: string[] } | { ok: false; message: string } {
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
    ignored: fields.filter((f) => f !== "" && !IMPORTED_COLUMNS.includes(f as (typeof IMPORTED_COLUMNS)[number])),
    rows: result.data.map(cellsAsTyped).map((r, i) => ({
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
  return writeCsv({ fields: CSV_COLUMNS, rows: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) });
}

/** How every export names a sprint. */
export function sprintLabel(number: number | null | undefined): string {
  return number ? `Sprint ${number}` : "";
}
