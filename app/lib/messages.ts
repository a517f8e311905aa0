/**
 * The one mapping from a schema issue to words (ARCHITECTURE: forms and the API's `fields`): a
 * short sentence about the field, in our voice, shown next to it. A schema that words its own
 * message keeps it; this speaks only where a schema did not (never zod's "Too small: expected
 * number to be >=0" or "Invalid input").
 */
import type { z } from "zod";

type Issue = z.core.$ZodRawIssue;

const characters = (n: number) => (n === 1 ? "1 character" : `${n.toLocaleString("en-US")} characters`);
const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

function missing(input: unknown): boolean {
  return input === undefined || input === null || input === "";
}

function wrongType(expected: string, input: unknown): string {
  switch (expected) {
    case "number":
    case "int":
    case "bigint":
      return missing(input) ? "Enter a number." : expected === "int" ? "Enter a whole number, like 5." : "Enter a number, like 5.";
    case "boolean":
      return "Choose yes or no.";
    case "array":
    case "set":
      return "Choose at least one.";
    case "date":
      return "Enter a date as YYYY-MM-DD.";
    case "object":
    case "record":
      return "Send the fields as an object.";
    default:
      return missing(input) ? "Fill this in." : "Enter text here.";
  }
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): string {
  switch (origin) {
    case "string":
      return minimum <= 1 ? "Fill this in." : `Use at least ${characters(minimum)}.`;
    case "number":
    case "bigint":
      return inclusive ? `Enter ${minimum} or more.` : `Enter more than ${minimum}.`;
    case "array":
    case "set":
      return minimum <= 1 ? "Choose at least one." : `Choose at least ${minimum}.`;
    case "date":
      return "Choose a later date.";
    default:
      return "This is too small.";
  }
}

function tooBig(origin: string, maximum: number, inclusive: boolean): string {
  switch (origin) {
    case "string":
      return `Keep this to ${characters(inclusive ? maximum : maximum - 1)} or fewer.`;
    case "number":
    case "bigint":
      return inclusive ? `Enter ${maximum} or less.` : `Enter less than ${maximum}.`;
    case "array":
    case "set":
      return `Choose at most ${maximum}.`;
    case "date":
      return "Choose an earlier date.";
    case "file":
      return "This file is too large.";
    default:
      return "This is too large.";
  }
}

function badFormat(format: string): string {
  switch (format) {
    case "email":
      return "Enter an email address, like name@example.com.";
    case "url":
      return "Enter a web address, like https://example.com.";
    case "date":
      return "Enter a date as YYYY-MM-DD.";
    case "datetime":
      return "Enter a date and time, like 2026-12-01T09:00:00Z.";
    case "time":
      return "Enter a time, like 09:30.";
    case "starts_with":
    case "ends_with":
    case "includes":
    case "regex":
    default:
      return "Check how this is written.";
  }
}

const shown = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** Our sentence for an issue the schema left unworded. */
export function issueMessage(issue: Issue): string {
  const i = issue as Issue & Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type":
      return wrongType(String(i.expected), issue.input);
    case "too_small":
      return tooSmall(String(i.origin), Number(i.minimum), i.inclusive !== false);
    case "too_big":
      return tooBig(String(i.origin), Number(i.maximum), i.inclusive !== false);
    case "invalid_format":
      return badFormat(String(i.format));
    case "not_multiple_of":
      return `Enter a multiple of ${shown(i.divisor)}.`;
    case "invalid_value": {
      const values = (i.values as unknown[] | undefined) ?? [];
      return values.length > 0 && values.length <= 8 ? `Choose one of: ${values.map(shown).join(", ")}.` : "Choose one of the options.";
    }
    case "unrecognized_keys": {
      const keys = (i.keys as string[] | undefined) ?? [];
      return `${count(keys.length, "field is", "fields are")} not known here: ${keys.join(", ")}.`;
    }
    case "invalid_key":
    case "invalid_element":
    case "invalid_union":
    case "custom":
    default:
      return "Check this value.";
  }
}
