import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
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
      {searched && stories.length ? (
        <section className="card" aria-labelledby="stories-title">
          <h2 id="stories-title">Stories</h2>
          <ul className="idea-list" data-testid="search-stories">
            {stories.map((s) => (
              <li key={s.id} className="search-row">
                <Link to={`/stories/${s.id}`} className="idea-row__title">
                  {s.title}
                </Link>
                <div className="idea-row__meta">
                  {s.key ? <span className="mono">{s.key}</span> : null}
                  <span className="badge">{s.wontDo ? "Won't do" : STORY_STATUS_LABELS[s.status]}</span>
                  <Link to={`/projects/${s.projectId}`}>{s.projectName}</Link>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {searched && ideas.length ? (
        <section className="card" aria-labelledby="ideas-title">
          <h2 id="ideas-title">Ideas</h2>
          <ul className="idea-list" data-testid="search-ideas">
            {ideas.map((idea) => (
              <li key={idea.key} className="search-row">
                <Link to={`/ideas/${idea.key}`} className="idea-row__title">
                  {idea.title}
                </Link>
                <div className="idea-row__meta">
                  <span className="mono">{idea.key}</span>
                  <StatusBadge status={idea.status} />
                  <Link to={`/portals/${idea.portal}`}>{idea.portalName}</Link>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
