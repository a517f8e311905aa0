/**
 * Paths as they may be written to a log: the secret parts of links that stand in for a password
 * (set-password links, which welcome and reset mails carry, unsubscribe links of digests, and the calendar feed's token) become
 * `[redacted]`.
 */
const SECRET_SEGMENT_AFTER = new Set(["set-password", "unsubscribe"]);
const SECRET_PARAMS = new Set(["token", "key", "secret", "password", "code", "signature"]);
export const REDACTED = "[redacted]";

export function redactPath(pathAndQuery: string): string {
  const queryAt = pathAndQuery.indexOf("?");
  const path = queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt);
  const query = queryAt === -1 ? null : pathAndQuery.slice(queryAt + 1);

  const segments = path.split("/");
  for (let i = 1; i < segments.length; i++) {
    if (SECRET_SEGMENT_AFTER.has(safeDecode(segments[i - 1]).toLowerCase()) && segments[i] !== "") segments[i] = REDACTED;
  }
  let out = segments.join("/");
  if (query !== null) {
    const parts = query.split("&").map((part) => {
      const eq = part.indexOf("=");
      const name = safeDecode(eq === -1 ? part : part.slice(0, eq)).toLowerCase();
      return eq !== -1 && SECRET_PARAMS.has(name) ? `${part.slice(0, eq)}=${REDACTED}` : part;
    });
    out += "?" + parts.join("&");
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
