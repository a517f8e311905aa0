import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { goLiveAcceptanceCsv, goLiveAcceptanceRecord } from "~/delivery/demo.server";
import { orErrorPage } from "~/lib/forms.server";

/** The go-live's acceptance record as CSV, for every project member. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = orErrorPage(() => goLiveAcceptanceRecord(getDb(), user, Number(params.id)));
  return new Response(goLiveAcceptanceCsv(record), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="acceptance-go-live-${record.goLive.id}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
