import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { WebLink } from "~/components/web-link";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { STORY_STATUS_LABELS } from "~/delivery/backlog";
import { FormMessage } from "~/components/field";
import { LinkButton, SearchForm } from "~/components/link-forms";
import { StatusBadge } from "~/components/status-badge";
import { featurePage, linkIdea, searchLinkableIdeas, unlinkIdea } from "~/ideas-delivery/links.server";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data?.feature.name ?? "Feature"} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const page = orErrorPage(() => featurePage(db, user, Number(params.id)));
  const q = new URL(request.url).searchParams.get("idea");
  const linked = new Set(page.ideas.map((i) => i.key));
  return json({ ...page, q, results: page.canLink && q !== null ? searchLinkableIdeas(db, user, q).filter((i) => !linked.has(i.key)) : null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = Number(params.id);
  const key = String(form.get("key") ?? "");
  try {
    if (form.get("intent") === "unlink") {
      unlinkIdea(getDb(), user, key, id);
      return redirectWithFlash(`/features/${id}`, `${key} is no longer linked.`);
    }
    const link = linkIdea(getDb(), user, key, { featureId: id });
    return redirectWithFlash(`/features/${id}`, `${link.ideaKey} is linked to ${link.feature}.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function FeaturePage() {
  const { feature, project, readable, stories, goLive, ideas, canLink, q, results } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const accepted = stories.filter((s) => s.status === "accepted").length;
  return (
    <>
      <ProjectNav projectId={project.id} current="backlog" />
      <PageHeader crumbs={readable ? <><Link to={`/projects/${project.id}`}>{project.name}</Link> / <Link to={`/projects/${project.id}/backlog?feature=${feature.id}`}>Backlog</Link> /</> : <>{project.name} /</>} title={feature.name}>
        <p>
          {accepted} of {stories.length} stories accepted ·{" "}
          {goLive ? (
            goLive.doneAt ? (
              <>
                shipped with {goLive.name}
                {goLive.releaseNoteUrl ? (
                  <>
                    {" "}
                    (<WebLink href={goLive.releaseNoteUrl}>release note</WebLink>)
                  </>
                ) : null}
              </>
            ) : (
              <>
                {goLive.name}, cutover {formatDay(goLive.cutoverOn)}
              </>
            )
          ) : (
            "not in a go-live yet"
          )}
        </p>
        {feature.description ? <p className="muted">{feature.description}</p> : null}
      </PageHeader>
      <FormMessage message={errors?.message} />
      <div className="two-col">
        <section className="card" aria-labelledby="stories-title">
          <h2 id="stories-title">Stories</h2>
          {stories.length ? (
            <ul className="delivery-links">
              {stories.map((s) => (
                <li key={s.id}>
                  {s.title}{" "}
                  <span className="muted">
                    · {STORY_STATUS_LABELS[s.status]} · {s.points ?? "?"} pts{s.sprint ? ` · sprint ${s.sprint}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty-state">No stories in this feature yet.</p>
          )}
        </section>
        <aside>
          <section className="card" aria-labelledby="ideas-title">
            <h2 id="ideas-title">Ideas it delivers</h2>
            {ideas.length ? (
              <ul className="delivery-links">
                {ideas.map((i) => (
                  <li key={i.key} data-testid={`linked-${i.key}`}>
                    <Link to={`/ideas/${i.key}`}>{i.key}</Link> {i.title} <StatusBadge status={i.status} />
                    <div className="muted">
                      {i.votes} votes · <Link to={`/portals/${i.portalSlug}`}>{i.portal}</Link>
                    </div>
                    {canLink ? <LinkButton intent="unlink" field="key" value={i.key} label={`Unlink ${i.key}`} text="Unlink" /> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty-state">No idea is linked to this feature. {canLink ? "Find an Accepted or In Development idea below." : "Product managers link ideas from the Ideas Lab."}</p>
            )}
            {canLink ? (
              <>
                <SearchForm id="idea-search" name="idea" label="Find an idea to link" defaultValue={q ?? ""} placeholder="Key or title" />
                {results ? (
                  results.length ? (
                    <ul className="delivery-links">
                      {results.map((i) => (
                        <li key={i.key}>
                          <LinkButton intent="link" field="key" value={i.key} label={`Link ${i.key}`} text="Link">
                            <span className="mono">{i.key}</span> {i.title}
                          </LinkButton>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">No Accepted or In Development idea matches “{q}”.</p>
                  )
                ) : null}
              </>
            ) : null}
          </section>
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
