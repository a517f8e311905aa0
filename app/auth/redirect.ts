/** Where URLs are resolved to decide whether they stay on our origin; never a real host. */
const HOME = new URL("http://sprintlab.invalid");

/**
 * A path inside the app to return to (after signing in, after a vote); anything else falls back.
 * The candidate is read the way a browser reads a Location header — the WHATWG URL parser drops
 * tabs and newlines, reads backslashes as slashes and resolves dot segments — and is honoured only
 * when it then still points at our own origin: `/\\evil.example`, `/\t/evil.example` and
 * `//evil.example` all go to the fallback.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, HOME);
  } catch {
    return fallback;
  }
  if (url.origin !== HOME.origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
