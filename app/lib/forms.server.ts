import { json } from "@remix-run/node";
import type { z } from "zod";
import type { Confirmation } from "./confirm";
import { isDomainError } from "./errors";

export type FormErrors = {
  message: string;
  fields: Record<string, string>;
  values: Record<string, string>;
  /** Every value of each field, for ticked checkboxes (a field's several values). */
  lists: Record<string, string[]>;
  /** A change that cannot be undone asks first: what it would do, shown next to the confirm box. */
  consequence?: string;
};

/** Every value of each text field, for checkboxes that share a name. */
export function formLists(form: FormData): Record<string, string[]> {
  // Grouped in a Map: a field named "constructor" or "__proto__" must not reach an object's prototype.
  const lists = new Map<string, string[]>();
  for (const [key, value] of form) {
    if (typeof value !== "string" || /password/i.test(key)) continue;
    const list = lists.get(key);
    if (list) list.push(value);
    else lists.set(key, [value]);
  }
  return Object.fromEntries(lists);
}

/** The text fields of a form, for re-filling it after an error (passwords are never echoed). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/**
 * Turn a refused use-case into the answer a page action gives: the form again with its messages
 * and typed values (400, or 429 for a rate limit); a 403 or 404 page for forbidden / not found.
 * Anything that is not a DomainError is a bug and goes on to the error boundary.
 */
export function formError(error: unknown, form: FormData, headers?: HeadersInit) {
  if (!isDomainError(error)) throw error;
  if (error.code === "forbidden" || error.code === "not_found") {
    throw new Response(error.message, { status: error.status });
  }
  const status = error.code === "rate_limited" ? 429 : 400;
  const responseHeaders = new Headers(headers);
  if (error.retryAfter) responseHeaders.set("Retry-After", String(error.retryAfter));
  return json<{ errors: FormErrors }>(
    { errors: { message: error.message, fields: error.fields ?? {}, values: formValues(form), lists: formLists(form), ...(error.consequence ? { consequence: error.consequence } : {}) } },
    { status, headers: responseHeaders },
  );
}

/** The page's confirmation of an irreversible change: the consequence its confirm box carried. */
export function confirmationOf(form: FormData): Confirmation {
  return { given: form.get("confirm") };
}

/**
 * Run a loader's reads; a refused one becomes the error page (404 for an unknown idea or portal,
 * 403, or 400 for a bad filter in the address) instead of a 500.
 */
export function orErrorPage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw new Response(error.message, { status: error.code === "invalid" ? 400 : error.status });
  }
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[] };

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional / nullable / default wrappers and pipes: what the field finally is. */
function kindOf(schema: z.ZodType): string {
  const def = defOf(schema);
  if (def.innerType) return kindOf(def.innerType);
  if (def.type === "pipe" && def.in) return kindOf(def.in);
  return def.type;
}

function fromFormValue(schema: z.ZodType, value: unknown): unknown {
  const def = defOf(schema);
  if (def.type === "nullable" && value === "" && kindOf(schema) !== "string") return null;
  if (def.innerType) return fromFormValue(def.innerType, value);
  if (def.type === "pipe" && def.in) return fromFormValue(def.in, value);
  if (typeof value === "string") {
    if (def.type === "number") {
      if (value.trim() === "") return undefined;
      // A text that is not a number stays text, so the schema answers with its own message.
      return Number.isFinite(Number(value)) ? Number(value) : value;
    }
    if (def.type === "boolean") return value === "true" || value === "on" ? true : value === "false" || value === "off" ? false : value;
    if (def.type === "array" && def.element) return value === "" ? [] : [fromFormValue(def.element, value)];
  }
  if (Array.isArray(value) && def.type === "array" && def.element) return value.map((v) => fromFormValue(def.element!, v));
  if (def.type === "object" && def.shape && value && typeof value === "object" && !Array.isArray(value)) return fromForm(schema, value as Record<string, unknown>);
  return value;
}

/**
 * A form's fields typed as `schema` wants them. Forms send only text, while the use-case schemas
 * take JSON types and coerce nothing (an API client sending "5" for a number gets a 422), so the
 * page actions convert here: a number field's text becomes a number ("" → absent, or null where
 * the field is nullable), a boolean's "true"/"on" → true, a single value of a list → a list.
 */
export function fromForm(schema: z.ZodType, values: Record<string, unknown>): Record<string, unknown> {
  const shape = defOf(schema).shape ?? {};
  // Own fields only: a form field named "__proto__" or "constructor" is just an unknown field.
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Object.hasOwn(shape, key) ? fromFormValue(shape[key], value) : value]));
}

/**
 * A page action's form. A body that is not a form (JSON, broken multipart, a wrong content type)
 * is the client's mistake: the app's error page with 400, not a 500 with a stack in the log.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("This form could not be read. Send it again from the page.", { status: 400 });
  }
}
