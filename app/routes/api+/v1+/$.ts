import { DomainError } from "~/lib/errors";
import { apiError } from "~/web/api.server";

/** Any path under /api/v1 that no route claims: the JSON envelope, never an HTML page. */
function notFound({ request }: { request: Request }) {
  return apiError(new DomainError("not_found", `No API call at ${new URL(request.url).pathname}.`));
}

export const loader = notFound;
export const action = notFound;
