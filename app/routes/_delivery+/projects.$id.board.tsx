import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { getProject } from "~/delivery/projects.server";
import { listSprints } from "~/delivery/sprints.server";
import { getDb } from "~/lib/db.server";
import { orErrorPage } from "~/lib/forms.server";
import { redirectWithFlash } from "~/web/flash.server";

/** The project's board: the running sprint's page, else the next planned one, else the last closed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const { project } = orErrorPage(() => getProject(db, user, Number(params.id)));
  const list = listSprints(db, project.id);
  const sprint = list.find((s) => s.state === "active") ?? list.find((s) => s.state === "planned") ?? list.at(-1);
  if (sprint) return redirect(`/sprints/${sprint.id}`);
  return redirectWithFlash(`/projects/${project.id}`, "No sprints yet, so no board: the scrum master generates the sprints here on the overview.");
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
