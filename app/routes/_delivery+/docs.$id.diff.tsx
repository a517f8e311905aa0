import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { PageHeader } from "~/components/page-header";
import { documentDiff } from "~/delivery/docs.server";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Changes · ${data?.doc.title ?? "Document"} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const search = new URL(request.url).searchParams;
  const diff = orErrorPage(() => documentDiff(getDb(), user, Number(params.id), Number(search.get("from")), Number(search.get("to"))));
  return json({ doc: diff.doc, project: { id: diff.project.id, name: diff.project.name }, from: { number: diff.from.number, sprint: diff.from.sprint, date: diff.from.date }, to: { number: diff.to.number, sprint: diff.to.sprint, date: diff.to.date }, lines: diff.lines, summary: diff.summary });
}

export default function DocumentDiff() {
  const { doc, project, from, to, lines, summary } = useLoaderData<typeof loader>();
  return (
    <>
      <ProjectNav projectId={project.id} current="docs" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}/docs`}>Documents</Link> / <Link to={`/docs/${doc.id}`}>{doc.title}</Link> /</>} title={`Revision ${from.number} → ${to.number}`}>
        <p data-testid="diff-summary">
          {summary.added} {summary.added === 1 ? "line" : "lines"} added, {summary.removed} removed · {from.sprint ? `sprint ${from.sprint}` : "between sprints"} → {to.sprint ? `sprint ${to.sprint}` : "between sprints"}
        </p>
      </PageHeader>
      <section className="card" aria-label="Changes">
        {summary.added + summary.removed === 0 ? <p className="empty-state">These revisions are the same.</p> : null}
        <div className="diff" role="list">
          {lines.map((l, i) => (
            <p key={i} role="listitem" className={`diff__line diff__line--${l.kind}`} aria-label={l.kind === "add" ? `added: ${l.text}` : l.kind === "del" ? `removed: ${l.text}` : undefined}>
              {l.kind === "add" ? "+ " : l.kind === "del" ? "− " : "  "}
              {l.text}
            </p>
          ))}
        </div>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
