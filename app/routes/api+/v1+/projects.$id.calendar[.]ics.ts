import { projectCalendar } from "~/delivery/ceremonies.server";
import { apiRoute, idParam, publicEndpoint } from "~/web/api.server";

/**
 * The project's ICS feed (API.md): calendar clients cannot send a bearer token, so the secret is
 * in the URL; a wrong or revoked one is a 404 like an unknown project.
 */
export const { loader, action } = apiRoute({
  GET: publicEndpoint({
    summary: "The project's ceremonies, sprint starts and cutovers as an ICS feed (the secret token is in the URL).",
    contentType: "text/calendar",
    handler: ({ db, request, params }) => {
      const url = new URL(request.url);
      const text = projectCalendar(db, idParam(params.id, "calendar"), url.searchParams.get("token") ?? "", url.origin);
      return new Response(text, {
        headers: {
          "Content-Type": "text/calendar; charset=utf-8",
          "Content-Disposition": `inline; filename="project-${params.id}.ics"`,
          "Cache-Control": "private, max-age=300",
          "X-Content-Type-Options": "nosniff",
          "Referrer-Policy": "no-referrer",
        },
      });
    },
  }),
});
