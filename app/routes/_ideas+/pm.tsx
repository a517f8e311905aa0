import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { StatusBadge } from "~/components/status-badge";
import { Pagination } from "~/components/pagination";
import { pmBoard } from "~/ideas/sla.server";
import type { IdeaStatus } from "../../../db/schema/ideas";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("PM board · Ideas Lab · Sprintlab", "The product managers' board of the Ideas Lab's ideas.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "ideas.slaBoard");
  const params = new URL(request.url).searchParams;
  const scope = params.get("scope") === "all" ? "all" : "mine";
  return json({ scope, board: pmBoard(getDb(), user.id, scope, undefined, Number(params.get("page") ?? 1)) });
}

export default function PmBoard() {
  const { scope, board } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const other = new URLSearchParams(params);
  other.set("scope", scope === "mine" ? "all" : "mine");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>PM board</h1>
          <p>
            {scope === "mine" ? "Your categories" : "All categories"} · <Link to={`?${other}`}>{scope === "mine" ? "Show all categories" : "Show my categories"}</Link>
          </p>
        </div>
      </div>

      <section className="card" aria-labelledby="sla-title">
        <h2 id="sla-title">Awaiting a PM update ({board.clocksTotal})</h2>
        <p className="muted">Each idea that reached Under PM Review is owed a public update within 30 business days. Overdue ones first.</p>
        {board.clocks.length === 0 ? (
          <p className="muted">Nothing waiting. Ideas appear here when they reach the vote threshold.</p>
        ) : (
          <div className="table-wrap">
            <table className="responsive-table">
              <thead>
                <tr>
                  <th scope="col">Idea</th>
                  <th scope="col">Portal</th>
                  <th scope="col">Entered</th>
                  <th scope="col">Due</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {board.clocks.map((c) => (
                  <tr key={c.key} data-testid={`sla-${c.key}`}>
                    <td data-label="Idea">
                      <Link to={`/ideas/${c.key}`}>{c.title}</Link> <span className="mono muted">{c.key}</span>
                    </td>
                    <td data-label="Portal">{c.portal}</td>
                    <td data-label="Entered">{c.enteredAt}</td>
                    <td data-label="Due">{c.dueDate}</td>
                    <td data-label="State">{c.overdue ? <span className="status status--late">Overdue</span> : <span className="status status--under_pm_review">Open</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={board.page} pageSize={board.pageSize} total={board.clocksTotal} />
      </section>

      <section className="card" aria-labelledby="late-title">
        <h2 id="late-title">Late ({board.lateTotal})</h2>
        {board.lateTotal > board.late.length ? <p className="muted">The {board.late.length} furthest past their target date.</p> : null}
        {board.late.length === 0 ? (
          <p className="muted">No accepted idea is past its target date.</p>
        ) : (
          <ul>
            {board.late.map((i) => (
              <li key={i.key}>
                <Link to={`/ideas/${i.key}`}>{i.title}</Link> <StatusBadge status={i.status as IdeaStatus} /> target {i.targetDate}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="stale-title">
        <h2 id="stale-title">Stale ({board.staleTotal})</h2>
        <p className="muted">
          In Development with no official update for 30 days{board.staleTotal > board.stale.length ? `; the first ${board.stale.length} by key` : ""}.
        </p>
        {board.stale.length === 0 ? (
          <p className="muted">Every idea in development had an update this month.</p>
        ) : (
          <ul>
            {board.stale.map((i) => (
              <li key={i.key}>
                <Link to={`/ideas/${i.key}`}>{i.title}</Link> · last official update {i.lastOfficial ? i.lastOfficial.slice(0, 10) : "never"}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
