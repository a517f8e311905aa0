import Papa from "papaparse";

/** A cell a spreadsheet would run as a formula (or a DDE call): it starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null | undefined;

/**
 * The one CSV writer of every export: RFC 4180 (CRLF, quotes where needed), a UTF-8 byte-order
 * mark so spreadsheet apps pick UTF-8 on their own, and cells that a spreadsheet would run
 * (`=`, `+`, `-`, `@`, tab, carriage return at the start) prefixed with `'`. Several tables go in
 * one file separated by an empty line (a go-live record's header block, then its stories).
 */
export function writeCsv(...tables: { fields: readonly string[]; rows: readonly (readonly CsvCell[])[] }[]): string {
  const text = tables
    .map((t) =>
      Papa.unparse(
        { fields: [...t.fields], data: t.rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : c))) },
        { newline: "\r\n", escapeFormulae: FORMULA_START },
      ),
    )
    .join("\r\n\r\n");
  return `\uFEFF${text}\r\n`;
}

/** What a user typed, back from a cell the writer neutralised (`'=SUM(A1)` → `=SUM(A1)`). */
export function readCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
