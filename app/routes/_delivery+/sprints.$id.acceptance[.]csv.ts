import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { acceptanceCsv, acceptanceRecord } from "~/delivery/demo.server";
import { orErrorPage } from "~/lib/forms.server";
import { csvDownload } from "~/web/downloads.server";

/** The demo's acceptance record as CSV, for every project member. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = orErrorPage(() => acceptanceRecord(getDb(), user, Number(params.id)));
  return csvDownload(acceptanceCsv(record), `acceptance-sprint-${record.sprint.number}.csv`);
}
