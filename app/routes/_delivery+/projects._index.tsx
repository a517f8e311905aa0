import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { globalCan } from "~/auth/permissions";
import { forbidden, requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { navigationFor } from "~/components/navigation";
import { portfolio } from "~/delivery/portfolio.server";
import { parsePortfolioSort, sortPortfolio, type PortfolioSort, type SortDir } from "~/delivery/portfolio";
import { hasProjects } from "~/delivery/projects.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Delivery · Sprintlab", "Delivery projects: their sprints, backlogs and go-lives.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  if (!navigationFor(user.role, hasProjects(db, user.id)).some((item) => item.to === "/projects")) forbidden();
  const url = new URL(request.url);
  const order = parsePortfolioSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  const rows = url.searchParams.has("sort") ? sortPortfolio(portfolio(db, user), order.sort, order.dir) : portfolio(db, user);
  return json({ rows, order: { ...order, given: url.searchParams.has("sort") }, canCreate: globalCan(user.role, "projects.create"), isPortfolio: globalCan(user.role, "portfolio.read") });
}

const RAG_LABEL = { red: "Red", amber: "Amber", green: "Green" } as const;

/** A column header that sorts by its column: ascending first, then the other way round. */
function SortHeader({ label, column, order }: { label: string; column: PortfolioSort; order: { sort: PortfolioSort; dir: SortDir; given: boolean } }) {
  const current = order.given && order.sort === column;
  const next: SortDir = current && order.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={current ? (order.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={`?sort=${column}&dir=${next}`} preventScrollReset className="sort-link">
        {label}
        <span aria-hidden="true">{current ? (order.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
        <span className="visually-hidden">{current ? `, sorted ${order.dir === "asc" ? "ascending" : "descending"}; sort ${next === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </Link>
    </th>
  );
}

export default function Projects() {
  const { rows, order, canCreate, isPortfolio } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{isPortfolio ? "Portfolio" : "My projects"}</h1>
          <p>Projects from contract signature to the hand-over to Customer Care.</p>
        </div>
        {canCreate ? (
          <Link to="/projects/new" className="button">
            New project
          </Link>
        ) : null}
      </div>
      {order.unknown ? (
        <p className="alert alert--info" role="status">
          There is no column “{order.unknown}” to sort by: the projects are sorted by name.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <div className="card empty-state">
          <h2>No projects yet</h2>
          <p>{canCreate ? "Create the first one after the SOW is signed: its kickoff phase is worked out for you." : "Projects you are a member of appear here."}</p>
        </div>
      ) : (
        <div className="card table-wrap">
          <table className="responsive-table">
            <thead>
              <tr>
                <SortHeader label="Project" column="name" order={order} />
                <SortHeader label="Status" column="status" order={order} />
                <SortHeader label="Next go-live" column="next-go-live" order={order} />
                <SortHeader label="Phase" column="phase" order={order} />
                <SortHeader label="Velocity (last 3)" column="velocity" order={order} />
                <SortHeader label="Done, not accepted" column="done-not-accepted" order={order} />
                <SortHeader label="Accepted, not passed" column="accepted-not-passed" order={order} />
                <SortHeader label="Scope vs baseline" column="scope" order={order} />
                <SortHeader label="Open blockers" column="blockers" order={order} />
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td data-label="Project">
                    <Link to={`/projects/${p.id}`}>
                      <strong>{p.name}</strong>
                    </Link>
                    <div className="muted">{p.customer}</div>
                  </td>
                  <td data-label="Status" className="portfolio-status">
                    {p.status ? (
                      <>
                        <span className={`status rag--${p.status.rag}`}>{RAG_LABEL[p.status.rag]}</span>
                        <div className="portfolio-note" title={p.status.note}>
                          {p.status.note}
                        </div>
                      </>
                    ) : (
                      <span className="muted">No report</span>
                    )}
                  </td>
                  <td data-label="Next go-live">
                    {p.nextGoLive ? (
                      <>
                        <div>
                          {p.nextGoLive.name}{" "}
                          {p.nextGoLive.atRisk ? <span className="status status--late">At risk</span> : <span className="status status--delivered">On track</span>}
                        </div>
                        <div className="muted">
                          Planned {p.nextGoLive.cutoverOn} (sprint {p.nextGoLive.sprint ?? "—"})
                        </div>
                        <div className="muted">
                          Forecast {p.nextGoLive.forecastOn ?? "—"}
                          {p.nextGoLive.forecastSprint !== null ? ` (sprint ${p.nextGoLive.forecastSprint})` : ""}
                        </div>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label="Phase">
                    {p.activeSprint ? <Link to={`/sprints/${p.activeSprint.id}`}>{p.phase}</Link> : p.phase}
                  </td>
                  <td data-label="Velocity">{p.velocity ?? "—"}</td>
                  <td data-label="Done, not accepted">{p.doneNotAccepted} pts</td>
                  <td data-label="Accepted, not passed customer testing">{p.acceptedNotPassed} {p.acceptedNotPassed === 1 ? "story" : "stories"}</td>
                  <td data-label="Scope vs baseline">
                    {p.scopeGrowth ? `${p.scopeGrowth.points >= 0 ? "+" : ""}${p.scopeGrowth.points} pts on ${p.scopeGrowth.baseline}` : <span className="muted">No baseline yet</span>}
                  </td>
                  <td data-label="Open blockers">{p.blockers.open ? `${p.blockers.open} (oldest ${p.blockers.oldestDays} days)` : "None"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
