import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { exportIdeasCsv } from "~/ideas/idea-lists.server";
import { getPortal } from "~/ideas/portals.server";
import { orErrorPage } from "~/lib/forms.server";
import { csvDownload } from "~/web/downloads.server";

/** A portal's ideas as CSV, with the filters and sort of the list it was asked from. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const portal = orErrorPage(() => getPortal(db, params.slug ?? "", user));
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const csv = orErrorPage(() => exportIdeasCsv(db, user, { ...search, portal: portal.slug }));
  return csvDownload(csv, `ideas-${portal.slug}.csv`);
}
