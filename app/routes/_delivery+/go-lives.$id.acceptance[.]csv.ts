import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { goLiveAcceptanceCsv, goLiveAcceptanceRecord } from "~/delivery/demo.server";
import { orErrorPage } from "~/lib/forms.server";
import { csvDownload } from "~/web/downloads.server";

/** The go-live's acceptance record as CSV, for every project member. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = orErrorPage(() => goLiveAcceptanceRecord(getDb(), user, Number(params.id)));
  return csvDownload(goLiveAcceptanceCsv(record), `acceptance-go-live-${record.goLive.id}.csv`);
}
