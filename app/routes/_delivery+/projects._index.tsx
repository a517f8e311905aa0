import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { globalCan } from "~/auth/permissions";
import { forbidden, requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { navigationFor } from "~/components/navigation";
import { portfolio } from "~/delivery/portfolio.server";
import { hasProjects } from "~/delivery/projects.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Delivery · Sprintlab", "Delivery projects: their sprints, backlogs and go-lives.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  if (!navigationFor(user.role, hasProjects(db, user.id)).some((item) => item.to === "/projects")) forbidden();
  return json({ rows: portfolio(db, user), canCreate: globalCan(user.role, "projects.create"), isPortfolio: globalCan(user.role, "portfolio.read") });
}

const RAG_LABEL = { red: "Red", amber: "Amber", green: "Green" } as const;

export default function Projects() {
  const { rows, canCreate, isPortfolio } = useLoaderData<typeof loader>();
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
                <th scope="col">Project</th>
                <th scope="col">Phase</th>
                <th scope="col">Velocity (last 3)</th>
                <th scope="col">Next go-live</th>
                <th scope="col">Done, not accepted</th>
                <th scope="col">Accepted, not passed</th>
                <th scope="col">Scope vs baseline</th>
                <th scope="col">Open blockers</th>
                <th scope="col">Status</th>
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
                  <td data-label="Phase">
                    {p.activeSprint ? <Link to={`/sprints/${p.activeSprint.id}`}>{p.phase}</Link> : p.phase}
                  </td>
                  <td data-label="Velocity">{p.velocity ?? "—"}</td>
                  <td data-label="Next go-live">
                    {p.nextGoLive ? (
                      <>
                        {p.nextGoLive.name}: sprint {p.nextGoLive.sprint}, forecast {p.nextGoLive.forecastSprint ?? "—"}{" "}
                        {p.nextGoLive.atRisk ? <span className="status status--late">At risk</span> : <span className="status status--delivered">On track</span>}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label="Done, not accepted">{p.doneNotAccepted} pts</td>
                  <td data-label="Accepted, not passed customer testing">{p.acceptedNotPassed} {p.acceptedNotPassed === 1 ? "story" : "stories"}</td>
                  <td data-label="Scope vs baseline">
                    {p.scopeGrowth ? `${p.scopeGrowth.points >= 0 ? "+" : ""}${p.scopeGrowth.points} pts on ${p.scopeGrowth.baseline}` : <span className="muted">No baseline yet</span>}
                  </td>
                  <td data-label="Open blockers">{p.blockers.open ? `${p.blockers.open} (oldest ${p.blockers.oldestDays} days)` : "None"}</td>
                  <td data-label="Status">
                    {p.status ? (
                      <span title={p.status.note} className={`status rag--${p.status.rag}`}>
                        {RAG_LABEL[p.status.rag]}
                      </span>
                    ) : (
                      <span className="muted">No report</span>
                    )}
                  </td>
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
