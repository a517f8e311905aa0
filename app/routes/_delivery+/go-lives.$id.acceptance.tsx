import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { AcceptanceTable } from "~/components/acceptance-table";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { goLiveAcceptanceRecord } from "~/delivery/demo.server";
import { formatDay, formatTimestamp } from "~/lib/dates";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Acceptance record · ${data?.goLive.name ?? ""} · ${data?.project.name ?? ""}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = orErrorPage(() => goLiveAcceptanceRecord(getDb(), user, Number(params.id)));
  return json({
    project: { id: record.project.id, name: record.project.name, customer: record.project.customer, timeZone: record.project.timeZone },
    goLive: record.goLive,
    rows: record.rows,
    goNoGo: record.goNoGo,
    final: record.final,
  });
}

export default function GoLiveAcceptance() {
  const { project, goLive, rows, goNoGo, final } = useLoaderData<typeof loader>();
  const accepted = rows.filter((r) => r.decision && r.decision !== "reject");
  const undecided = rows.filter((r) => !r.decision).length;
  return (
    <article className="record">
      <ProjectNav projectId={project.id} current="release" timeZone={project.timeZone} />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}/release`}>{project.name} release plan</Link> /</>} title={<>Acceptance record — {goLive.name}</>} printCrumbs={false} actions={
          <>
            <div className="actions no-print">
              <a className="button button--quiet" href={`/go-lives/${goLive.id}/acceptance.csv`} download>
                CSV
              </a>
            </div>
          </>
        }>
        <p>
          {project.name} · {project.customer} · cutover {formatDay(goLive.cutoverOn)} · hypercare to {formatDay(goLive.hypercareEnd)} ·{" "}
          {final ? `done ${formatTimestamp(goLive.doneAt, project.timeZone)}` : "provisional: the go-live is not done yet"}
        </p>
      </PageHeader>
      <section className="card" aria-labelledby="gonogo-title" data-testid="go-no-go">
        <h2 id="gonogo-title">Go / no-go</h2>
        {goNoGo ? (
          <p>
            <strong>{goNoGo.decision === "go" ? "Go" : "No-go"}</strong> — decided by {goNoGo.decidedBy}
            {goNoGo.recordedBy && goNoGo.recordedBy !== goNoGo.decidedBy ? ` (recorded by ${goNoGo.recordedBy})` : ""}, {formatTimestamp(goNoGo.at, project.timeZone)}
            {goNoGo.comment ? `: ${goNoGo.comment}` : ""}
          </p>
        ) : (
          <p className="muted">Not decided yet. The co-product owner decides on the release plan.</p>
        )}
      </section>
      <p>
        {accepted.length} of {rows.length} stories in scope accepted at a demo, {accepted.reduce((n, r) => n + (r.points ?? 0), 0)} points
        {undecided ? `; ${undecided} not decided yet` : ""}. With the go / no-go above, this record is the go-live's acceptance.
      </p>
      {rows.length ? <AcceptanceTable rows={rows} showSprint timeZone={project.timeZone} /> : <p className="empty-state">No features in this go-live's scope yet. Add them on the release plan.</p>}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
