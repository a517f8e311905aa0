/** The largest body a page action or API call reads: 1 MB, or for uploads 10 MB plus the form's overhead. */
export const BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024 + 256 * 1024;

export type BodyVerdict = { ok: true; countWhileReading: number | null } | { ok: false; status: 413; message: string };

const tooLarge = (limit: number) => (limit === UPLOAD_LIMIT ? "This upload is too large: files are at most 10 MB." : "This request is too large: send at most 1 MB.");

/**
 * Whether the server reads a request's body, decided from its headers before one byte of it is
 * held: a declared length over the limit is a 413 at once; a body of unknown length (chunked) is
 * read against the limit (`countWhileReading`) and refused as soon as it passes it.
 */
export function judgeBody(headers: { contentLength?: string; transferEncoding?: string; contentType?: string }): BodyVerdict {
  const limit = /^multipart\/form-data/i.test(headers.contentType ?? "") ? UPLOAD_LIMIT : BODY_LIMIT;
  if (headers.contentLength !== undefined) {
    const length = Number(headers.contentLength);
    if (!Number.isSafeInteger(length) || length < 0) return { ok: false, status: 413, message: "The request's length is not a number we accept." };
    if (length > limit) return { ok: false, status: 413, message: tooLarge(limit) };
    return { ok: true, countWhileReading: null };
  }
  if (headers.transferEncoding && headers.transferEncoding.toLowerCase() !== "identity") return { ok: true, countWhileReading: limit };
  return { ok: true, countWhileReading: null };
}

/** What a body of unknown length that passed its limit while being read is told. */
export function tooLargeWhileReading(limit: number): string {
  return tooLarge(limit);
}
