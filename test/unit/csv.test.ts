import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { decodeCsvBytes, parseStoriesCsv, storiesToCsv } from "~/delivery/csv";
import { readCell, writeCsv } from "~/lib/csv";

describe("backlog CSV", () => {
  it("reads quoted commas, line breaks in cells, a BOM and loose header spelling", () => {
    const text = '\uFEFFTitle,Type,Acceptance  Criteria,Points,Feature\n"Callback, with SMS",story,"offer after 300 s\nnumber confirmed",5,Web callback\nWallboard,,a | b,,\n';
    const result = parseStoriesCsv(text);
    expect(result).toEqual({
      ok: true,
      ignored: [],
      rows: [
        { line: 2, title: "Callback, with SMS", type: "story", description: "", acceptanceCriteria: ["offer after 300 s", "number confirmed"], points: "5", feature: "Web callback" },
        { line: 3, title: "Wallboard", type: "story", description: "", acceptanceCriteria: ["a", "b"], points: "", feature: "" },
      ],
    });
  });

  it("refuses a file without a title column, without rows, or with a broken quote", () => {
    expect(parseStoriesCsv("name,points\nx,3")).toMatchObject({ ok: false, message: expect.stringContaining("title") });
    expect(parseStoriesCsv("title\n")).toMatchObject({ ok: false, message: expect.stringContaining("no stories") });
    expect(parseStoriesCsv('title,points\n"unclosed,3\n')).toMatchObject({ ok: false });
  });

  it("writes what it reads back", () => {
    const csv = storiesToCsv([{ rank: 1, id: 7, type: "story", title: 'Say "hello", politely', description: "", "acceptance criteria": "a\nb", points: 3, status: "todo", feature: "", sprint: "", ready: "yes" }]);
    const back = parseStoriesCsv(csv);
    expect(back.ok && back.rows[0]).toMatchObject({ title: 'Say "hello", politely', acceptanceCriteria: ["a", "b"], points: "3" });
  });
});

describe("the one CSV writer", () => {
  it("starts with a UTF-8 byte-order mark and writes CRLF rows, the last one included", () => {
    const csv = writeCsv({ fields: ["title", "points"], rows: [["Rückruf für Müller", 3], ["Zweite", null]] });
    const bytes = Buffer.from(csv, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1)).toBe("title,points\r\nRückruf für Müller,3\r\nZweite,\r\n");
  });

  it("neutralises every cell a spreadsheet would run, multi-line ones too, and import gives the typed text back", () => {
    const dangerous = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tpadded", "\rreturn", "=A1\nsecond line"];
    const csv = writeCsv({ fields: ["title"], rows: dangerous.map((d) => [d]) });
    const cells = (Papa.parse<string[]>(csv.slice(1)).data as string[][]).slice(1, -1).map((r) => r[0]);
    expect(cells).toEqual(dangerous.map((d) => `'${d}`));
    expect(cells.map(readCell)).toEqual(dangerous);
    // Ordinary text is untouched, including an apostrophe of its own.
    expect(writeCsv({ fields: ["t"], rows: [["'quoted' on purpose"], ["a-b"]] }).slice(1)).toBe("t\r\n'quoted' on purpose\r\na-b\r\n");

    const exported = storiesToCsv([{ rank: 1, id: 1, type: "story", title: "=cmd|' /C calc'!A0", description: "-- nothing to run", "acceptance criteria": "@everyone is told", points: 3, status: "todo", feature: "", sprint: "", ready: "no" }]);
    const back = parseStoriesCsv(exported);
    expect(back.ok && back.rows[0]).toMatchObject({ title: "=cmd|' /C calc'!A0", description: "-- nothing to run", acceptanceCriteria: ["@everyone is told"] });
  });

  it("writes several tables into one file, separated by an empty line", () => {
    const csv = writeCsv({ fields: ["go-live", "go / no-go"], rows: [["Go-live 1", "go"]] }, { fields: ["story", "title"], rows: [[1, "A"]] });
    expect(csv.slice(1)).toBe("go-live,go / no-go\r\nGo-live 1,go\r\n\r\nstory,title\r\n1,A\r\n");
  });
});

describe("import of a file", () => {
  it("reads UTF-8 as it is, reads Windows-1252 and says so, and refuses UTF-16 with what to do", () => {
    expect(decodeCsvBytes(Buffer.from("\uFEFFtitle\nRückruf\n", "utf8"))).toEqual({ ok: true, text: "title\nRückruf\n", note: null });
    const latin = Buffer.from([...Buffer.from("title\nR"), 0xfc, ...Buffer.from("ckruf f"), 0xfc, ...Buffer.from("r M"), 0xfc, ...Buffer.from("ller \u0080\n", "latin1")]);
    const read = decodeCsvBytes(latin);
    expect(read).toMatchObject({ ok: true, text: "title\nRückruf für Müller €\n" });
    expect(read.ok && read.note).toMatch(/not UTF-8.*Windows-1252/);
    expect(decodeCsvBytes(Buffer.from("\uFEFFtitle\nx\n", "utf16le"))).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-16.*CSV UTF-8/) });
  });

  it("names the columns of the file it does not import", () => {
    const exported = storiesToCsv([{ rank: 1, id: 7, type: "story", title: "Wallboard", description: "", "acceptance criteria": "", points: 3, status: "done", feature: "", sprint: "Sprint 2", ready: "yes" }]);
    expect(parseStoriesCsv(exported)).toMatchObject({ ok: true, ignored: ["rank", "id", "status", "sprint", "ready"] });
  });
});
