import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/client.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { acceptanceRecord } from "~/delivery/demo.server";
import { formatTimestamp } from "~/lib/dates";
import { orErrorPage } from "~/lib/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Acceptance record · Sprint ${data?.sprint.number ?? ""} · ${data?.project.name ?? ""}` }];

const LABEL = { accept: "Accepted", accept_with_follow_up: "Accepted with follow-up", reject: "Rejected" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = orErrorPage(() => acceptanceRecord(getDb(), user, Number(params.id)));
  return json({ project: { id: record.project.id, name: record.project.name, customer: record.project.customer }, sprint: record.sprint, rows: record.rows, final: record.final });
}

export default function AcceptanceRecord() {
  const { project, sprint, rows, final } = useLoaderData<typeof loader>();
  const accepted = rows.filter((r) => r.decision !== "reject");
  return (
    <article className="record">
      <div className="page-header">
        <div>
          <p className="muted no-print">
            <Link to={`/sprints/${sprint.id}/demo`}>Sprint {sprint.number} demo</Link> /
          </p>
          <h1>Acceptance record — sprint {sprint.number}</h1>
          <p>
            {project.name} · {project.customer} · {sprint.start} → {sprint.end} · {final ? "final (sprint closed)" : "provisional: decisions may be superseded until the sprint closes"}
          </p>
        </div>
        <div className="actions no-print">
          <a className="button button--quiet" href={`/sprints/${sprint.id}/acceptance.csv`} download>
            CSV
          </a>
        </div>
      </div>
      <p>
        {accepted.length} of {rows.length} demonstrated stories accepted, {accepted.reduce((n, r) => n + (r.points ?? 0), 0)} points. This record is the acceptance: there is no separate
        document sign-off.
      </p>
      {rows.length === 0 ? (
        <p className="muted">No decision recorded yet at this sprint's demo.</p>
      ) : (
        <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Story</th>
              <th scope="col">Points</th>
              <th scope="col">Acceptance criteria</th>
              <th scope="col">Decision</th>
              <th scope="col">Who, when</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.storyId} data-testid={`record-${r.storyId}`}>
                <td>{r.title}</td>
                <td>{r.points ?? "?"}</td>
                <td>
                  <ol style={{ margin: 0, paddingLeft: "1.2rem" }}>
                    {r.criteria.map((c, i) => (
                      <li key={i}>
                        {c}
                        {r.unmetCriteria.includes(i) ? <strong> — not met</strong> : null}
                      </li>
                    ))}
                  </ol>
                </td>
                <td>{LABEL[r.decision]}</td>
                <td>
                  {r.decidedBy}
                  {r.recordedBy !== r.decidedBy ? ` (recorded by ${r.recordedBy})` : ""}, {formatTimestamp(r.at)}
                </td>
                <td>{r.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
