import { createHash } from "node:crypto";
import { projectCalendar } from "~/delivery/ceremonies.server";
import { apiRoute, idParam, publicEndpoint } from "~/web/api.server";

/** Whether an If-None-Match header names this entity tag (weak or strong, or `*`). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

/**
 * The project's ICS feed (API.md): calendar clients cannot send a bearer token, so the secret is
 * in the URL; a wrong or revoked one is a 404 like an unknown project. Clients poll it, so it
 * carries an ETag (of the bytes) and Last-Modified, and a poll with a matching If-None-Match gets
 * a bodiless 304. HEAD answers with the same headers.
 */
export const { loader, action } = apiRoute({
  GET: publicEndpoint({
    summary: "The project's ceremonies, sprint starts and cutovers as an ICS feed (the secret token is in the URL).",
    contentType: "text/calendar",
    handler: ({ db, request, params }) => {
      const url = new URL(request.url);
      const { text, lastModified } = projectCalendar(db, idParam(params.id, "calendar"), url.searchParams.get("token") ?? "");
      const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
      const headers = {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `inline; filename="project-${params.id}.ics"`,
        "Cache-Control": "private, max-age=300",
        ETag: etag,
        "Last-Modified": lastModified.toUTCString(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      };
      if (matches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
      return new Response(text, { headers });
    },
  }),
});
