import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { pageMeta } from "~/components/page-meta";
import { StatusBadge } from "~/components/status-badge";
import { STORY_STATUS_LABELS } from "~/delivery/backlog";
import { search, type SearchResult } from "~/ideas-delivery/search.server";
import { getDb } from "~/lib/db.server";
import { isDomainError } from "~/lib/errors";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.q ? `${data.q} · Search · Sprintlab` : "Search · Sprintlab", "Find stories and ideas by key or by words.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  let found: SearchResult;
  try {
    found = search(getDb(), user, { q });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    // The typed text stays in the field, with what to change next to it.
    found = { q, stories: [], ideas: [], exact: null };
    return json({ ...found, error: error.fields?.q ?? error.message }, { status: 400 });
  }
  if (found.exact && "story" in found.exact) throw redirect(`/stories/${found.exact.story}`);
  if (found.exact) throw redirect(`/ideas/${found.exact.idea}`);
  return json({ ...found, error: null as string | null });
}

export default function Search() {
  const { q, stories, ideas, error } = useLoaderData<typeof loader>();
  const searched = Boolean(q) && !error;
  const nothing = searched && stories.length === 0 && ideas.length === 0;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Search</h1>
          <p>The stories and ideas you may see, by key or by words.</p>
        </div>
      </div>
      <section className="card">
        <Form method="get" className="filters search-form" aria-label="Search stories and ideas">
          <div className={error ? "field field--error" : "field"}>
            <label htmlFor="search-q">Key or words</label>
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={q}
              key={q}
              maxLength={400}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "search-q-error" : undefined}
            />
            {error ? (
              <p className="field__error" id="search-q-error">
                {error}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            Search
          </button>
        </Form>
        {!q ? (
          <div className="empty-state">
            <h2>What are you looking for?</h2>
            <p>Type a story key like ACME-42 or an idea key like COANA-I-7 to go straight to it, or a few words from a title or description.</p>
          </div>
        ) : nothing ? (
          <div className="empty-state" data-testid="search-empty">
            <h2>Nothing matches “{q}”</h2>
            <p>Try fewer words, the start of a word, or a key like ACME-42. Search finds only the stories of projects you can see and the ideas of portals you can see.</p>
          </div>
        ) : null}
      </section>
      {searched ? (
        <ResultList
          title="Stories"
          testId="search-stories"
          rows={stories.map((s) => ({
            id: `story-${s.id}`,
            href: `/stories/${s.id}`,
            title: s.title,
            key: s.key,
            badge: <span className="badge">{s.wontDo ? "Won't do" : STORY_STATUS_LABELS[s.status]}</span>,
            place: { href: `/projects/${s.projectId}`, name: s.projectName },
          }))}
        />
      ) : null}
      {searched ? (
        <ResultList
          title="Ideas"
          testId="search-ideas"
          rows={ideas.map((idea) => ({
            id: `idea-${idea.key}`,
            href: `/ideas/${idea.key}`,
            title: idea.title,
            key: idea.key,
            badge: <StatusBadge status={idea.status} />,
            place: { href: `/portals/${idea.portal}`, name: idea.portalName },
          }))}
        />
      ) : null}
    </>
  );
}

type ResultRow = { id: string; href: string; title: string; key: string | null; badge: ReactNode; place: { href: string; name: string } };

/** One kind of result (stories or ideas): title, key, status and where it lives. Nothing when empty. */
function ResultList({ title, testId, rows }: { title: string; testId: string; rows: ResultRow[] }) {
  if (!rows.length) return null;
  const headingId = `${testId}-title`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ul className="idea-list" data-testid={testId}>
        {rows.map((row) => (
          <li key={row.id} className="search-row">
            <Link to={row.href} className="idea-row__title">
              {row.title}
            </Link>
            <div className="idea-row__meta">
              {row.key ? <span className="mono">{row.key}</span> : null}
              {row.badge}
              <Link to={row.place.href}>{row.place.name}</Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
