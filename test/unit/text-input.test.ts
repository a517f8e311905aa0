import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cleanFileName } from "~/delivery/threads.server";
import { NewStorySchema } from "~/delivery/stories.server";
import { cleanText, oneLine, parseInput, parseLenient } from "~/lib/validation";

describe("text as it is kept", () => {
  it("drops NUL and other control characters but tab and newline, and writes line ends as \\n", () => {
    expect(cleanText("a\u0000b\u0007c\u001bd\u007fe")).toBe("abcde");
    expect(cleanText("line one\r\nline two\rthree\tcolumn")).toBe("line one\nline two\nthree\tcolumn");
  });

  it("keeps titles and names on one line, without bidi overrides", () => {
    expect(oneLine("Callback\nqueue\t for VIPs")).toBe("Callback queue for VIPs");
    expect(oneLine("Rechnung \u202Egpj.exe\u202C")).toBe("Rechnung gpj.exe");
    expect(oneLine("Name \u2066isolated\u2069")).toBe("Name isolated");
    // Ordinary right-to-left text is untouched.
    expect(oneLine("שלום עולם")).toBe("שלום עולם");
  });

  it("applies to every input parsed by a use case, at any depth", () => {
    const schema = z.object({ note: z.string(), items: z.array(z.object({ text: z.string() })) });
    expect(parseInput(schema, { note: "ok\u0000\r\nnext", items: [{ text: "\u0008x" }] })).toEqual({ note: "ok\nnext", items: [{ text: "x" }] });
    const story = parseInput(NewStorySchema, { title: "Callback\u0000 queue\nfor VIPs\u202E", description: "First line\r\nSecond\u0000 line", points: 3 });
    expect(story.title).toBe("Callback queue for VIPs");
    expect(story.description).toBe("First line\nSecond line");
  });

  it("cleans file names of paths, control characters and bidi overrides", () => {
    expect(cleanFileName("C:\\Users\\dev\\invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName("report\u0000\n2026.pdf")).toBe("report 2026.pdf");
  });
});

describe("a page's query read leniently", () => {
  const Schema = z.object({ sort: z.enum(["top", "new"]).default("top"), page: z.coerce.number().int().min(1).default(1), q: z.string().optional() });

  it("drops the fields that fail, so their defaults apply, and names them", () => {
    expect(parseLenient(Schema, { sort: "hot", page: "x", q: "callback" })).toEqual({ data: { sort: "top", page: 1, q: "callback" }, dropped: ["sort", "page"] });
    expect(parseLenient(Schema, { sort: "new", page: "3" })).toEqual({ data: { sort: "new", page: 3 }, dropped: [] });
  });
});
