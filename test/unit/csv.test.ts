import { describe, expect, it } from "vitest";
import { parseStoriesCsv, storiesToCsv } from "~/delivery/csv";

describe("backlog CSV", () => {
  it("reads quoted commas, line breaks in cells, a BOM and loose header spelling", () => {
    const text = '\uFEFFTitle,Type,Acceptance  Criteria,Points,Feature\n"Callback, with SMS",story,"offer after 300 s\nnumber confirmed",5,Web callback\nWallboard,,a | b,,\n';
    const result = parseStoriesCsv(text);
    expect(result).toEqual({
      ok: true,
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
