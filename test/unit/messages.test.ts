import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "~/lib/validation";
import { refusal } from "../support/refusal";

/** The field messages a schema gives for an input, through the one parse every form and API call uses. */
const fields = (schema: z.ZodType, input: unknown) => refusal(() => parseInput(schema, input)).fields;

describe("messages for what a schema left unworded", () => {
  const Schema = z.object({
    name: z.string().min(1),
    note: z.string().max(10),
    code: z.string().min(3),
    capacity: z.coerce.number().int().min(0).max(200),
    size: z.number(),
    kind: z.enum(["story", "defect", "spike"]),
    email: z.email(),
    link: z.url(),
    tags: z.array(z.string()).min(1),
  });

  it("are sentences about the field, never the validator's words", () => {
    const got = fields(Schema, { name: "", note: "x".repeat(11), code: "ab", capacity: "-1", size: "7", kind: "epic", email: "nope", link: "nope", tags: [] });
    expect(got).toEqual({
      name: "Fill this in.",
      note: "Keep this to 10 characters or fewer.",
      code: "Use at least 3 characters.",
      capacity: "Enter 0 or more.",
      size: "Enter a number, like 5.",
      kind: "Choose one of: story, defect, spike.",
      email: "Enter an email address, like name@example.com.",
      link: "Enter a web address, like https://example.com.",
      tags: "Choose at least one.",
    });
  });

  it("name what is missing, too big, or not a whole number", () => {
    expect(fields(Schema, { note: "", capacity: "201", size: 1, kind: "story", email: "a@b.co", link: "https://x.example", tags: ["a"], code: "abc" })).toEqual({
      name: "Fill this in.",
      capacity: "Enter 200 or less.",
    });
    expect(fields(Schema, { name: "x", note: "", code: "abc", capacity: "2.5", size: 1, kind: "story", email: "a@b.co", link: "https://x.example", tags: ["a"] })!.capacity).toBe("Enter a whole number, like 5.");
    expect(fields(Schema, { name: "x", note: "", code: "abc", capacity: "lots", size: 1, kind: "story", email: "a@b.co", link: "https://x.example", tags: ["a"] })!.capacity).toMatch(/^Enter a (whole )?number/);
    expect(fields(z.strictObject({ a: z.string() }), { a: "x", b: 1, c: 2 })).toEqual({ _: "2 fields are not known here: b, c." });
  });

  it("leave a schema's own words alone", () => {
    const Worded = z.object({ title: z.string().min(1, "Give the story a title."), points: z.coerce.number({ error: "Points are a number." }) });
    expect(fields(Worded, { title: "", points: "many" })).toEqual({ title: "Give the story a title.", points: "Points are a number." });
  });

  it("never fall back to zod's own wording anywhere", () => {
    const got = Object.values(fields(Schema, {}) ?? {});
    expect(got.length).toBeGreaterThan(5);
    for (const message of got) expect(message).not.toMatch(/Invalid input|expected|Too small|Too big|received/i);
  });
});
