import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { PageHeader } from "~/components/page-header";
import { DOC_KIND_LABELS } from "~/delivery/docs";
import { asDeliveredBundle } from "~/delivery/docs.server";
import { formatDay } from "~/lib/dates";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`As-Delivered bundle · ${data?.goLive.name ?? ""} · ${data?.project.name ?? ""}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const bundle = orErrorPage(() => asDeliveredBundle(getDb(), user, Number(params.id)));
  return json({ ...bundle, project: { id: bundle.project.id, name: bundle.project.name, customer: bundle.project.customer }, goLive: { id: bundle.goLive.id, name: bundle.goLive.name, cutoverOn: bundle.goLive.cutoverOn } });
}

export default function Bundle() {
  const { project, goLive, previous, entries } = useLoaderData<typeof loader>();
  return (
    <article className="record">
      <ProjectNav projectId={project.id} current="release" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}/transition`}>{project.name} transition</Link> /</>} printCrumbs={false} title={`As-Delivered — ${goLive.name}`}>
        <p>
          {project.name} · {project.customer} · every document as it stood on the cutover date, {formatDay(goLive.cutoverOn)}
          {previous ? `, with what changed since ${previous.name} (${formatDay(previous.cutoverOn)})` : ", the first go-live"}. The hand-over pack for Customer Care.
        </p>
      </PageHeader>
      {entries.length === 0 ? <p className="card empty-state">No As-Delivered documents yet. Start them on the project's documents page.</p> : null}
      {entries.length ? (
        <section className="card" aria-labelledby="contents-title">
          <h2 id="contents-title">Contents</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Revision</th>
                  <th scope="col">Since {previous ? previous.name : "the start"}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.doc.id} data-testid={`bundle-${e.doc.id}`}>
                    <td>
                      {DOC_KIND_LABELS[e.doc.kind]}: <a href={`#doc-${e.doc.id}`}>{e.doc.title}</a>
                    </td>
                    <td>{e.revision ? `${e.revision.number}, ${formatDay(e.revision.date)}${e.revision.sprint ? `, sprint ${e.revision.sprint}` : ""}` : "not written yet on the cutover date"}</td>
                    <td>
                      {e.sincePrevious
                        ? e.sincePrevious.revisions.length
                          ? `${e.sincePrevious.revisions.length} ${e.sincePrevious.revisions.length === 1 ? "revision" : "revisions"}: +${e.sincePrevious.summary.added} −${e.sincePrevious.summary.removed} lines`
                          : "unchanged"
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {entries
        .filter((e) => e.revision)
        .map((e) => (
          <section key={e.doc.id} id={`doc-${e.doc.id}`} className="card bundle-doc" aria-labelledby={`doc-title-${e.doc.id}`}>
            <h2 id={`doc-title-${e.doc.id}`}>
              {DOC_KIND_LABELS[e.doc.kind]}: {e.doc.title}
            </h2>
            <p className="muted">
              Revision {e.revision!.number} by {e.revision!.author}, {formatDay(e.revision!.date)}
              {e.sincePrevious && e.sincePrevious.revisions.length ? ` · changed in ${e.sincePrevious.revisions.map((r) => `revision ${r.number}${r.sprint ? ` (sprint ${r.sprint})` : ""}${r.note ? `: ${r.note}` : ""}`).join("; ")}` : ""}
            </p>
            <div className="markdown" dangerouslySetInnerHTML={{ __html: e.revision!.html }} />
          </section>
        ))}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
