import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { FunnelChart, SlaChart, StatusOverTimeChart, TimeInStatusChart } from "~/components/charts/portal-charts";
import { ErrorPage } from "~/components/error-page";
import { portalInsights } from "~/ideas/insights.server";
import { getPortal } from "~/ideas/portals.server";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Insights · ${data?.portal.name ?? "Portal"} · Sprintlab`, data?.portal.name ? `Charts and tables of the ${data.portal.name} portal: funnel, statuses over time and response times.` : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const portal = orErrorPage(() => getPortal(db, params.slug ?? "", user));
  return json({ portal, insights: portalInsights(db, portal.id) });
}

export default function Insights() {
  const { portal, insights } = useLoaderData<typeof loader>();
  const empty = insights.funnel[0].ideas === 0;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted">
            <Link to={`/portals/${portal.slug}`}>{portal.name}</Link> /
          </p>
          <h1>Insights</h1>
          <p>How ideas move through {portal.name}, over the last twelve months.</p>
        </div>
      </div>
      {empty ? (
        <div className="card empty-state">
          <h2>No ideas yet</h2>
          <p>The charts fill in as ideas are submitted and move.</p>
        </div>
      ) : (
        <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 26rem), 1fr))" }}>
          <section className="card" aria-labelledby="funnel-title">
            <h2 id="funnel-title">Status funnel</h2>
            <FunnelChart data={insights.funnel} />
          </section>
          <section className="card" aria-labelledby="over-time-title">
            <h2 id="over-time-title">Ideas by status over time</h2>
            <StatusOverTimeChart data={insights.overTime} />
          </section>
          <section className="card" aria-labelledby="time-title">
            <h2 id="time-title">Median days in each status</h2>
            <TimeInStatusChart data={insights.timeInStatus} />
          </section>
          <section className="card" aria-labelledby="sla-title">
            <h2 id="sla-title">SLA met vs missed</h2>
            <SlaChart data={insights.sla} />
          </section>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
