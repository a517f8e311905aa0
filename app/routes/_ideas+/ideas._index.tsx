import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { globalCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { listPortals, portalCounts } from "~/ideas/portals.server";
import { ideasLabHome, type HomeIdea } from "~/ideas/idea-lists.server";
import { StatusBadge } from "~/components/status-badge";
import { formatDay } from "~/lib/dates";
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
    // Customers and partners come back for their ideas: what they follow and what moved lately.
    home: user.role === "customer" || user.role === "partner" ? ideasLabHome(db, user) : null,
  });
}

export default function Ideas() {
  const { portals, isPm, home } = useLoaderData<typeof loader>();
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
      {home ? (
        <div className="grid">
          <section className="card" aria-labelledby="following-title">
            <h2 id="following-title">Ideas you follow ({home.followingTotal})</h2>
            {home.following.length ? (
              <HomeList ideas={home.following} />
            ) : (
              <p className="muted">You follow the ideas you submit, vote for or comment on; they show here with their latest move.</p>
            )}
            {home.followingTotal > home.following.length ? <p className="muted">The {home.following.length} that moved last.</p> : null}
          </section>
          <section className="card" aria-labelledby="recent-title">
            <h2 id="recent-title">Recently updated</h2>
            {home.recent.length ? <HomeList ideas={home.recent} /> : <p className="muted">No idea has moved yet.</p>}
          </section>
        </div>
      ) : null}
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

function HomeList({ ideas }: { ideas: HomeIdea[] }) {
  return (
    <ul className="plain-list">
      {ideas.map((i) => (
        <li key={i.key}>
          <Link to={`/ideas/${i.key}`}>{i.title}</Link> <StatusBadge status={i.status} />{" "}
          <span className="muted">
            {i.portal} · {formatDay(i.changedAt.slice(0, 10))}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
