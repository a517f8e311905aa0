import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { acceptanceRecord } from "~/delivery/demo.server";
import { AcceptanceTable } from "~/components/acceptance-table";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Acceptance record · Sprint ${data?.sprint.number ?? ""} · ${data?.project.name ?? ""}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = orErrorPage(() => acceptanceRecord(getDb(), user, Number(params.id)));
  return json({ project: { id: record.project.id, name: record.project.name, customer: record.project.customer, timeZone: record.project.timeZone }, sprint: record.sprint, rows: record.rows, final: record.final });
}

export default function AcceptanceRecord() {
  const { project, sprint, rows, final } = useLoaderData<typeof loader>();
  const accepted = rows.filter((r) => r.decision !== "reject");
  return (
    <article className="record">
      <ProjectNav projectId={project.id} current="board" timeZone={project.timeZone} />
      <PageHeader crumbs={<><Link to={`/sprints/${sprint.id}/demo`}>Sprint {sprint.number} demo</Link> /</>} title={<>Acceptance record — sprint {sprint.number}</>} printCrumbs={false} actions={
          <>
            <div className="actions no-print">
              <a className="button button--quiet" href={`/sprints/${sprint.id}/acceptance.csv`} download>
                CSV
              </a>
            </div>
          </>
        }>
        <p>
          {project.name} · {project.customer} · {sprint.start} → {sprint.end} · {final ? "final (sprint closed)" : "provisional: decisions may be superseded until the sprint closes"}
        </p>
      </PageHeader>
      <p>
        {accepted.length} of {rows.length} demonstrated stories accepted, {accepted.reduce((n, r) => n + (r.points ?? 0), 0)} points. This record is the acceptance: there is no separate
        document sign-off.
      </p>
      {rows.length === 0 ? (
        <p className="muted">No decision recorded yet at this sprint's demo.</p>
      ) : (
        <AcceptanceTable rows={rows} timeZone={project.timeZone} />
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
