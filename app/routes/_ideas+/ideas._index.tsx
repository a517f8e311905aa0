import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { globalCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { listPortals, portalCounts } from "~/ideas/portals.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Ideas Lab · Sprintlab", "Ideas from every portal of the Ideas Lab: search, filter and vote.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const counts = portalCounts(db);
  return json({
    portals: listPortals(db, user).map((p) => ({ ...p, counts: counts[p.id] ?? { total: 0, open: 0 } })),
    isPm: globalCan(user.role, "ideas.slaBoard"),
    canSubmit: globalCan(user.role, "ideas.submit"),
  });
}

export default function Ideas() {
  const { portals, isPm } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Ideas Lab</h1>
          <p>Ideas from customers and partners, prioritised with a budget of 10 votes each.</p>
        </div>
        {isPm ? (
          <Link to="/pm" className="button">
            PM board
          </Link>
        ) : null}
      </div>
      {portals.length === 0 ? (
        <div className="card empty-state">
          <h2>No portals yet</h2>
          <p>An admin opens a portal per product platform under Admin → Portals; ideas are submitted there.</p>
        </div>
      ) : (
        <div className="grid">
          {portals.map((p) => (
            <Link key={p.slug} to={`/portals/${p.slug}`} className="tile">
              <h2>{p.name}</h2>
              <p>
                {p.counts.open} open of {p.counts.total} ideas · {p.categories.length} categories · threshold {p.voteThreshold} customer and partner votes
              </p>
              {p.categories.length ? (
                <p className="muted">{p.categories.map((c) => c.name).join(" · ")}</p>
              ) : (
                <p className="alert alert--info">No categories yet: customers do not see this portal until an admin adds one under Admin → Portals.</p>
              )}
            </Link>
          ))}
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
