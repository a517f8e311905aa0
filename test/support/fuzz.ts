import fc from "fast-check";

/** One seed for every fuzz run, so a failure replays exactly; fast-check prints the counterexample. */
export const FUZZ_SEED = 20_261_202;

const MEGABYTE = 1024 * 1024;
// The 1 MB texts travel as short markers, so that a counterexample prints in a line; `expand`
// puts the megabyte in just before the call.
const ONE_MB = "<1 MB of x>";
const ONE_MB_UNICODE = "<1 MB of unicode>";
const BIG = new Map([
  [ONE_MB, "x".repeat(MEGABYTE)],
  // Accents, an emoji, a right-to-left override and a NUL, repeated past 1 MB of UTF-8.
  [ONE_MB_UNICODE, "é🙂\u202e\u0000".repeat(Math.ceil(MEGABYTE / 10))],
]);

/** A generated value with its 1 MB markers replaced by the megabyte itself. */
export function expand<T>(value: T): T {
  if (typeof value === "string") return (BIG.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map(expand) as T;
  if (value && typeof value === "object") {
    const copy: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) copy[k] = expand(v);
    return copy as T;
  }
  return value;
}

const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "\u0007\u0008\u001b[31m",
  "\r\n\t",
  "\u202eevil",
  "\ud800",
  "\ufeff",
  "💥💥💥",
  "ｆｕｌｌｗｉｄｔｈ",
  "<script>alert(1)</script>",
  "'; drop table users; --",
  "../../etc/passwd",
  "javascript:alert(1)",
  "%00",
  "__proto__",
  "true",
  "null",
  "[]",
  "{}",
);
const malformedDate = fc.constantFrom("2026-02-30", "2026-13-01", "0000-00-00", "2026-1-5", "26-01-05", "2026-01-05T25:61", "yesterday", "99999-01-01", "2026/01/05", "2025-02-29", "-2026-01-05");
const numberText = fc.constantFrom("-1", "0", "-0", "1.5", "1e308", "-1e308", "1e400", "NaN", "Infinity", "9007199254740993", "0x10", "2147483648", "١٢٣");

/** Text nobody should have to handle but every input must survive. */
export const weirdText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(ONE_MB, ONE_MB_UNICODE) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: malformedDate },
  { weight: 2, arbitrary: numberText },
);

const weirdNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(-1, 0, -0, 0.5, -1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63), 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A JSON value of the wrong kind for whatever field it lands in. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: weirdText },
  { weight: 3, arbitrary: weirdNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(weirdText, weirdNumber), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(weirdText, weirdNumber), { maxKeys: 3 }) },
);

const extraKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "id", "role", "authorId", "projectId", "status", "admin"));

export type Mutation =
  | { kind: "fields"; drop: string[]; set: [string, unknown][] }
  | { kind: "whole"; value: unknown }
  | { kind: "raw"; text: string }
  | { kind: "contentType"; contentType: string | null }
  | { kind: "param"; value: string };

const BAD_JSON = fc.constantFrom("{", "{\"a\":", "{'a': 1}", "{\"a\": 1,}", "\u0000", "NaN", "{\"a\": 01}", "[" .repeat(5000), "{\"a\":1}{\"b\":2}", "\"unterminated", "{\"a\": \"\\u12\"}", "{\"__proto__\": {\"admin\": true}}");

/** What happens to a call's valid input: fields dropped and replaced, the whole body replaced, broken JSON, a wrong content type, a bad path parameter. */
export function mutations(fields: readonly string[]): fc.Arbitrary<Mutation> {
  const known = fields.length ? fc.constantFrom(...fields) : fc.constant("title");
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("fields" as const), drop: fc.subarray([...fields]), set: fc.array(fc.tuple(fc.oneof(known, extraKey), weirdValue), { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("whole" as const), value: fc.oneof(weirdValue, fc.array(weirdValue, { maxLength: 3 })) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("raw" as const), text: fc.oneof(BAD_JSON, weirdText) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("contentType" as const), contentType: fc.constantFrom(null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonp", "") }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("param" as const), value: fc.oneof(weirdText.filter((t) => t.length < 200), numberText) }) },
  );
}

/** Apply field changes to a copy of a body (JSON object or form fields). */
export function changed<T>(body: Record<string, T>, mutation: Extract<Mutation, { kind: "fields" }>, convert: (value: unknown) => T): Record<string, T> {
  const next: Record<string, T> = Object.create(null);
  for (const [key, value] of Object.entries(body)) if (!mutation.drop.includes(key)) next[key] = value;
  for (const [key, value] of mutation.set) next[key] = convert(value);
  return next;
}

export const fuzzRuns = { total: 0 };
