import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { acceptanceCsv, acceptanceRecord } from "~/delivery/demo.server";
import { orErrorPage } from "~/lib/forms.server";

/** The demo's acceptance record as CSV, for every project member. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = orErrorPage(() => acceptanceRecord(getDb(), user, Number(params.id)));
  return new Response(acceptanceCsv(record), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="acceptance-sprint-${record.sprint.number}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
