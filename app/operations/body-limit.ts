/** The largest body a page action or API call reads: 1 MB, or for uploads 10 MB plus the form's overhead. */
export const BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024 + 256 * 1024;

export type BodyVerdict = { ok: true } | { ok: false; status: 411 | 413; message: string };

/**
 * Whether the server reads a request's body at all, decided from its headers before one byte of
 * it is held: a declared length over the limit is a 413; a body of unknown length (chunked) is a
 * 411, since it could not be refused before it had been read.
 */
export function judgeBody(headers: { contentLength?: string; transferEncoding?: string; contentType?: string }): BodyVerdict {
  const limit = /^multipart\/form-data/i.test(headers.contentType ?? "") ? UPLOAD_LIMIT : BODY_LIMIT;
  if (headers.contentLength !== undefined) {
    const length = Number(headers.contentLength);
    if (!Number.isSafeInteger(length) || length < 0) return { ok: false, status: 413, message: "The request's length is not a number we accept." };
    if (length > limit) {
      return { ok: false, status: 413, message: limit === UPLOAD_LIMIT ? "This upload is too large: files are at most 10 MB." : "This request is too large: send at most 1 MB." };
    }
    return { ok: true };
  }
  if (headers.transferEncoding && headers.transferEncoding.toLowerCase() !== "identity") {
    return { ok: false, status: 411, message: "Send the request's length (Content-Length)." };
  }
  return { ok: true };
}
