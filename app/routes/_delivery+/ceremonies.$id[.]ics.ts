import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ceremonyCalendar } from "~/delivery/ceremonies.server";
import { orErrorPage } from "~/lib/forms.server";

/** One ceremony occurrence as an .ics file, for any project member. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = orErrorPage(() => ceremonyCalendar(getDb(), user, Number(params.id)));
  return new Response(file.text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
