import { json } from "@remix-run/node";
import { isDomainError } from "./errors";

export type FormErrors = {
  message: string;
  fields: Record<string, string>;
  values: Record<string, string>;
};

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
    { errors: { message: error.message, fields: error.fields ?? {}, values: formValues(form) } },
    { status, headers: responseHeaders },
  );
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
