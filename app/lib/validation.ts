import { z } from "zod";
import { DomainError } from "./errors";
import { issueMessage } from "./messages";

// Every schema speaks our words where it did not word its own message: forms, the API's
// `fields` and the CSV import all parse through zod, so the mapping is set once, for all.
z.config({ customError: issueMessage });

/** Field name → first message, the shape of `fields` in the API envelope and of form errors. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/** C0 controls and DEL but tab and newline: nothing a person types, and NUL breaks files and terminals. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Bidi embeddings, overrides and isolates: they make a name or a file name read as something else. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text as it is kept: line ends as \n, control characters (tab and newline aside) removed. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

/** A single-line value (titles, names, keys): line breaks and tabs become spaces, bidi controls go. */
export function oneLine(value: string): string {
  return value.replace(BIDI, "").replace(/ *[\t\n]+ */g, " ");
}

/** Every text anywhere in an input, cleaned (the one place: all use cases parse through here). */
function cleanInput(input: unknown, depth = 0): unknown {
  if (typeof input === "string") return cleanText(input);
  if (depth > 8 || input === null || typeof input !== "object") return input;
  if (Array.isArray(input)) return input.map((v) => cleanInput(v, depth + 1));
  if (Object.getPrototypeOf(input) !== Object.prototype) return input;
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, cleanInput(v, depth + 1)]));
}

/** Parse with a zod schema, or throw `invalid` with the messages per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(cleanInput(input));
  if (result.success) return result.data;
  throw new DomainError("invalid", "Some fields need attention.", { fields: fieldErrors(result.error) });
}

/**
 * Parse a page's query leniently: a field that fails its schema is dropped (so its default
 * applies) and named in `dropped`, so a hand-edited or stale URL shows the default view with a
 * notice instead of an error page. Only for reading views; use cases parse strictly.
 */
export function parseLenient<S extends z.ZodObject>(schema: S, input: Record<string, unknown>): { data: z.infer<S>; dropped: string[] } {
  const kept = { ...(cleanInput(input) as Record<string, unknown>) };
  const dropped: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = schema.safeParse(kept);
    if (result.success) return { data: result.data, dropped };
    const fields = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? "")))].filter((f) => f in kept);
    if (!fields.length) break;
    for (const f of fields) {
      dropped.push(f);
      delete kept[f];
    }
  }
  return { data: schema.parse({}), dropped };
}

export const IsoDateSchema = z
  .string({ error: "Enter a date as YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .refine((value) => {
    const [y, m, d] = value.split("-").map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, "That date does not exist.");

/** The fields a partial change actually gives (zod leaves absent optional fields undefined). */
export function givenFields<T extends Record<string, unknown>>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * An id field of a JSON body: a positive whole number, nothing coerced (the text "5" is refused
 * like any other wrong type; forms convert their text first, see lib/forms.server.ts).
 */
export function idSchema(message: string) {
  return z.number({ error: message }).int(message).positive(message);
}

/** Whether a stored address is a web link (http or https) — the only kind the app renders as a link. */
export function isWebLink(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * The one schema of every user-supplied link (release notes, idea docs, story links, anything
 * later): an absolute http or https address; `javascript:`, `data:` and the like are refused.
 */
export function webLinkSchema(message = "Give a web address starting with http:// or https://.") {
  return z
    .string({ error: message })
    .trim()
    .max(2000, "Keep the link under 2,000 characters.")
    .refine(isWebLink, message);
}
