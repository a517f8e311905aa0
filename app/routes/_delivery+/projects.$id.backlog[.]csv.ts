import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { exportBacklogCsv } from "~/delivery/stories.server";
import { orErrorPage } from "~/lib/forms.server";

/** The backlog as a CSV download, every story in rank order. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const csv = orErrorPage(() => exportBacklogCsv(getDb(), user, Number(params.id)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="backlog-${Number(params.id)}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
