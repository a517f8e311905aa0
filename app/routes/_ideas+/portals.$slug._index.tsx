import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { IDEA_STATUSES } from "../../../db/schema/enums";
import { globalCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Pagination } from "~/components/pagination";
import { StatusBadge } from "~/components/status-badge";
import { VoteButton } from "~/components/vote-button";
import { listIdeasForPage } from "~/ideas/idea-lists.server";
import { STATUS_LABELS, isOpen } from "~/ideas/lifecycle";
import { demandLine, shownVotes } from "~/ideas/votes";
import { getPortal } from "~/ideas/portals.server";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data?.portal.name ?? "Portal"} · Ideas Lab · Sprintlab`, data?.portal.name ? `The ideas of the ${data.portal.name} portal: browse, search and vote.` : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const portal = orErrorPage(() => getPortal(db, params.slug ?? "", user));
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const page = listIdeasForPage(db, user, { ...search, portal: portal.slug });
  return json({ portal, page, canVote: globalCan(user.role, "ideas.vote"), canSubmit: globalCan(user.role, "ideas.submit"), hasCompany: Boolean(user.company), isAdmin: globalCan(user.role, "admin.portals") });
}

/** The current filters and sort, without the page, for the CSV export link. */
function exportQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams([...params].filter(([k, v]) => v && k !== "page" && k !== "pageSize"));
  const text = kept.toString();
  return text ? `?${text}` : "";
}

/** The same list at another page. */
function pageLink(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  next.set("page", String(page));
  return `?${next}`;
}

export default function PortalIdeas() {
  const { portal, page, canVote, canSubmit, hasCompany, isAdmin } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const filtered = ["q", "status", "category", "mine"].some((k) => params.get(k));
  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted">
            <Link to="/ideas">Ideas Lab</Link> /
          </p>
          <h1>{portal.name}</h1>
          <p>
            Ideas reaching {portal.voteThreshold} customer and partner votes go to the product managers for review.
          </p>
          <nav className="row-actions" aria-label={`${portal.name} pages`}>
            <Link to={`/portals/${portal.slug}/roadmap`}>Roadmap</Link>
            <Link to={`/portals/${portal.slug}/changelog`}>Changelog</Link>
            <Link to={`/portals/${portal.slug}/insights`}>Insights</Link>
          </nav>
        </div>
        {canSubmit && portal.categories.length ? (
          <Link to={`/portals/${portal.slug}/new`} className="button">
            Submit an idea
          </Link>
        ) : null}
      </div>

      {portal.categories.length === 0 ? (
        <div className="alert alert--info" data-testid="no-categories">
          This portal has no categories yet, so customers and partners do not see it and no idea can be submitted.{" "}
          {isAdmin ? <Link to="/admin/portals">Add a category, with its key prefix and owning PM, under Admin → Portals.</Link> : null}
        </div>
      ) : null}

      <section className="card">
        <Form method="get" className="filters" role="search" aria-label="Filter ideas">
          <div className="field">
            <label htmlFor="q">Search</label>
            <input id="q" name="q" type="search" defaultValue={params.get("q") ?? ""} placeholder="e.g. callback" />
          </div>
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={params.get("status") ?? ""}>
              <option value="">Any status</option>
              {IDEA_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="category">Category</label>
            <select id="category" name="category" defaultValue={params.get("category") ?? ""}>
              <option value="">All categories</option>
              {portal.categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="mine">Show</label>
            <select id="mine" name="mine" defaultValue={params.get("mine") ?? ""}>
              <option value="">All ideas</option>
              {canVote ? <option value="voted">Ideas I voted for</option> : null}
              {hasCompany ? <option value="company">My company's votes</option> : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sort">Sort</label>
            <select id="sort" name="sort" defaultValue={params.get("sort") ?? "top"}>
              <option value="top">Top (most votes)</option>
              <option value="new">Newest</option>
            </select>
          </div>
          <button type="submit" className="button">
            Apply
          </button>
        </Form>

        <p className="muted" aria-live="polite">
          {page.total} {page.total === 1 ? "idea" : "ideas"} ·{" "}
          <a href={`/portals/${portal.slug}/ideas.csv${exportQuery(params)}`} download>
            Export these as CSV
          </a>
          {filtered ? (
            <>
              {" "}
              · <Link to={`/portals/${portal.slug}`}>Clear filters</Link>
            </>
          ) : null}
        </p>

        {page.notices.map((notice) => (
          <p key={notice} className="alert alert--info" data-testid="list-notice">
            {notice}
          </p>
        ))}

        {page.pastEnd ? (
          <div className="empty-state">
            <h2>Page {page.page} is past the end</h2>
            <p>
              These ideas fill {page.pages} {page.pages === 1 ? "page" : "pages"}. <Link to={pageLink(params, 1)}>Go to page 1</Link>
            </p>
          </div>
        ) : page.items.length === 0 ? (
          <div className="empty-state">
            <h2>{filtered ? "No ideas match these filters" : "No ideas yet"}</h2>
            <p>
              {filtered ? "Try another search or clear the filters." : "Be the first: submit an idea and others can vote for it."}
            </p>
          </div>
        ) : (
          <ul className="idea-list">
            {page.items.map((idea) => (
              <li key={idea.key} className="idea-row" data-testid={`idea-${idea.key}`}>
                <VoteButton ideaKey={idea.key} title={idea.title} votes={shownVotes(idea)} voted={idea.votedByMe} canVote={canVote && isOpen(idea.status)} />
                <div>
                  <Link to={`/ideas/${idea.key}`} className="idea-row__title">
                    {idea.title}
                  </Link>
                  <div className="idea-row__meta">
                    <span className="mono">{idea.key}</span>
                    <StatusBadge status={idea.status} />
                    {demandLine(idea) ? <span data-testid={`demand-${idea.key}`}>{demandLine(idea)}</span> : null}
                    <span>{idea.categoryName}</span>
                    <span>
                      {idea.commentCount} {idea.commentCount === 1 ? "comment" : "comments"}
                    </span>
                    {idea.workaroundConfirmed ? <span className="badge badge--active">Work-around confirmed</span> : null}
                    {idea.votedByMe ? <span className="badge badge--active">You voted</span> : null}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page.page} pageSize={page.pageSize} total={page.total} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
