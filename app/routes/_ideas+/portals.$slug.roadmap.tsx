import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { PageHeader } from "~/components/page-header";
import { StatusBadge } from "~/components/status-badge";
import { portalRoadmap } from "~/ideas/idea-lists.server";
import { orErrorPage } from "~/lib/forms.server";
import { votesFromCompanies } from "~/ideas/votes";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Roadmap · ${data?.portal.name ?? ""} · Ideas Lab`, data?.portal.name ? `What is planned for ${data.portal.name}.` : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { portal, quarters, recentlyDelivered } = orErrorPage(() => portalRoadmap(getDb(), params.slug ?? ""));
  return json({ portal: { name: portal.name, slug: portal.slug }, quarters, recentlyDelivered });
}

export default function Roadmap() {
  const { portal, quarters, recentlyDelivered } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader crumbs={<><Link to="/ideas">Ideas Lab</Link> / <Link to={`/portals/${portal.slug}`}>{portal.name}</Link> /</>} title="Roadmap">
        <p>
          Accepted and in-development ideas by target quarter. Plans may change. Delivered ones are on the <Link to={`/portals/${portal.slug}/changelog`}>changelog</Link>.
        </p>
      </PageHeader>
      {quarters.length === 0 ? (
        <p className="card empty-state">Nothing on the roadmap yet: ideas appear here once a product manager accepts them.</p>
      ) : (
        <div className="roadmap">
          {quarters.map((q) => (
            <section key={q.quarter} className="card" aria-labelledby={`q-${q.quarter}`} data-testid={`quarter-${q.quarter}`}>
              <h2 id={`q-${q.quarter}`}>{q.quarter}</h2>
              <ul className="delivery-links">
                {q.ideas.map((i) => (
                  <li key={i.key}>
                    <Link to={`/ideas/${i.key}`}>{i.title}</Link>
                    <div className="idea-row__meta">
                      <span className="mono">{i.key}</span>
                      <StatusBadge status={i.status} />
                      <span>{i.category}</span>
                      <span>{i.votes} votes</span>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {recentlyDelivered.length ? (
        <section className="card" aria-labelledby="recently-delivered">
          <h2 id="recently-delivered">Recently delivered</h2>
          <ul className="delivery-links">
            {recentlyDelivered.map((e) => (
              <li key={e.key}>
                <Link to={`/ideas/${e.key}`}>{e.title}</Link>
                <div className="idea-row__meta">
                  <span className="mono">{e.key}</span>
                  <span>{e.category}</span>
                  <span data-testid={`demand-${e.key}`}>Delivered with {votesFromCompanies(e.votesAtClose ?? 0, e.companiesAtClose)}</span>
                </div>
              </li>
            ))}
          </ul>
          <p className="muted">
            Everything delivered is on the <Link to={`/portals/${portal.slug}/changelog`}>changelog</Link>.
          </p>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
