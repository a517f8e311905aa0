import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { exportBacklogCsv } from "~/delivery/stories.server";
import { orErrorPage } from "~/lib/forms.server";
import { csvDownload } from "~/web/downloads.server";

/** The backlog as a CSV download, every story in rank order. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const csv = orErrorPage(() => exportBacklogCsv(getDb(), user, Number(params.id)));
  return csvDownload(csv, `backlog-${Number(params.id)}.csv`);
}
