import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { WebLink } from "~/components/web-link";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { PageHeader } from "~/components/page-header";
import { portalChangelog } from "~/ideas/idea-lists.server";
import { formatDay } from "~/lib/dates";
import { votesFromCompanies } from "~/ideas/votes";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Changelog · ${data?.portal.name ?? ""} · Ideas Lab`, data?.portal.name ? `What has shipped for ${data.portal.name}.` : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { portal, entries } = orErrorPage(() => portalChangelog(getDb(), params.slug ?? ""));
  return json({ portal: { name: portal.name, slug: portal.slug }, entries });
}

export default function Changelog() {
  const { portal, entries } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader crumbs={<><Link to="/ideas">Ideas Lab</Link> / <Link to={`/portals/${portal.slug}`}>{portal.name}</Link> /</>} title="Changelog">
        <p>
          Delivered ideas, newest first. What is planned is on the <Link to={`/portals/${portal.slug}/roadmap`}>roadmap</Link>.
        </p>
      </PageHeader>
      <section className="card">
        {entries.length === 0 ? (
          <p className="empty-state">Nothing delivered yet. Delivered ideas and their release notes appear here.</p>
        ) : (
          <ol className="timeline changelog">
            {entries.map((e) => (
              <li key={e.key} data-testid={`change-${e.key}`}>
                <strong>{formatDay(e.deliveredAt.slice(0, 10))}</strong> · <Link to={`/ideas/${e.key}`}>{e.title}</Link> <span className="muted mono">{e.key}</span>
                <div className="muted">
                  {e.category} · <span data-testid={`demand-${e.key}`}>{votesFromCompanies(e.votesAtClose ?? 0, e.companiesAtClose)} when delivered</span>
                  {e.releaseNoteUrl ? (
                    <>
                      {" "}
                      · <WebLink href={e.releaseNoteUrl}>Release note</WebLink>
                    </>
                  ) : null}
                  {(e.docUrls ?? []).map((url, i) => (
                    <span key={url}>
                      {" "}
                      · <WebLink href={url}>Documentation {i + 1}</WebLink>
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
