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
import { Field, FormMessage } from "~/components/field";
import { ConfirmStep } from "~/components/confirm-step";
import { PostForm } from "~/components/post-form";
import { projectCan } from "~/auth/permissions";
import { FeatureChangeSchema, updateFeature } from "~/delivery/feature-edits.server";
import { getProject } from "~/delivery/projects.server";
import { listFeatures } from "~/delivery/stories.server";
import { deleteFeature } from "~/ideas-delivery/feature-removal.server";
import { LinkButton, SearchForm } from "~/components/link-forms";
import { StatusBadge } from "~/components/status-badge";
import { featurePage, linkIdea, searchLinkableIdeas, unlinkIdea } from "~/ideas-delivery/links.server";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { confirmationOf, formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data?.feature.name ?? "Feature"} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const page = orErrorPage(() => featurePage(db, user, Number(params.id)));
  const q = new URL(request.url).searchParams.get("idea");
  const linked = new Set(page.ideas.map((i) => i.key));
  const manage = page.readable && projectCan(user.role, getProject(db, user, page.project.id).role, "features.manage");
  return json({
    ...page,
    q,
    results: page.canLink && q !== null ? searchLinkableIdeas(db, user, q).filter((i) => !linked.has(i.key)) : null,
    manage,
    others: manage
      ? listFeatures(db, page.project.id)
          .filter((f) => f.id !== page.feature.id)
          .map((f) => ({ id: f.id, name: f.name }))
      : [],
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = Number(params.id);
  const key = String(form.get("key") ?? "");
  const db = getDb();
  try {
    if (form.get("intent") === "edit-feature") {
      const f = updateFeature(
        db,
        user,
        id,
        fromForm(FeatureChangeSchema, {
          name: form.get("name"),
          description: String(form.get("description") ?? ""),
        })
      );
      return redirectWithFlash(`/features/${id}`, `Feature “${f.name}” saved.`);
    }
    if (form.get("intent") === "delete-feature") {
      // The select's "" is "no feature"; without the select (no stories) nothing moves.
      const to = form.get("moveStoriesTo");
      const gone = deleteFeature(db, user, id, {
        moveStoriesTo: to === null ? undefined : to === "" ? null : Number(to),
        confirmation: confirmationOf(form),
      });
      return redirectWithFlash(`/projects/${gone.projectId}/release`, `Feature “${gone.name}” deleted.`);
    }
    if (form.get("intent") === "unlink") {
      unlinkIdea(db, user, key, id);
      return redirectWithFlash(`/features/${id}`, `${key} is no longer linked.`);
    }
    const link = linkIdea(db, user, key, { featureId: id });
    return redirectWithFlash(`/features/${id}`, `${link.ideaKey} is linked to ${link.feature}.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function FeaturePage() {
  const { feature, project, readable, stories, goLive, ideas, canLink, q, results, manage, others } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const intent = errors?.values.intent;
  const edit = intent === "edit-feature" ? errors : undefined;
  const remove = intent === "delete-feature" ? errors : undefined;
  const accepted = stories.filter((s) => s.status === "accepted").length;
  return (
    <>
      <ProjectNav projectId={project.id} current="backlog" />
      <PageHeader
        crumbs={
          readable ? (
            <>
              <Link to={`/projects/${project.id}`}>{project.name}</Link> / <Link to={`/projects/${project.id}/backlog?feature=${feature.id}`}>Backlog</Link> /
            </>
          ) : (
            <>{project.name} /</>
          )
        }
        title={feature.name}
      >
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
      <FormMessage message={intent === "edit-feature" || intent === "delete-feature" ? null : errors?.message} />
      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="stories-title">
            <h2 id="stories-title">Stories</h2>
            {stories.length ? (
              <ul className="delivery-links">
                {stories.map((s) => (
                  <li key={s.id}>
                    {s.title}{" "}
                    <span className="muted">
                      · {STORY_STATUS_LABELS[s.status]} · {s.points ?? "?"} pts
                      {s.sprint ? ` · sprint ${s.sprint}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty-state">No stories in this feature yet.</p>
            )}
          </section>
          {manage ? (
            <section className="card" aria-labelledby="feature-edit-title">
              <h2 id="feature-edit-title">Change or delete</h2>
              <details className="disclosure" open={edit ? true : undefined}>
                <summary>Edit feature</summary>
                <PostForm className="form" noValidate>
                  <input type="hidden" name="intent" value="edit-feature" />
                  <Field label="Feature name" name="name" id="feature-name" defaultValue={edit?.values.name ?? feature.name} error={edit?.fields.name} required />
                  <div className={edit?.fields.description ? "field field--error" : "field"}>
                    <label htmlFor="feature-description">Description</label>
                    <textarea
                      id="feature-description"
                      name="description"
                      rows={3}
                      defaultValue={edit?.values.description ?? feature.description}
                      aria-describedby={edit?.fields.description ? "feature-description-error" : undefined}
                    />
                    {edit?.fields.description ? (
                      <p className="field__error" id="feature-description-error">
                        {edit.fields.description}
                      </p>
                    ) : null}
                  </div>
                  <button type="submit" className="button">
                    Save feature
                  </button>
                </PostForm>
              </details>
              <details className="disclosure" open={remove ? true : undefined}>
                <summary>Delete a feature made by mistake</summary>
                <PostForm className="form" noValidate>
                  <input type="hidden" name="intent" value="delete-feature" />
                  {remove && !remove.consequence && !Object.keys(remove.fields).length ? (
                    <p className="field__error" role="alert">
                      {remove.message}
                    </p>
                  ) : null}
                  {stories.length ? (
                    <div className={remove?.fields.moveStoriesTo ? "field field--error" : "field"}>
                      <label htmlFor="move-stories-to">Move its {stories.length === 1 ? "story" : `${stories.length} stories`} to</label>
                      <select
                        id="move-stories-to"
                        name="moveStoriesTo"
                        defaultValue={remove?.values.moveStoriesTo ?? ""}
                        aria-describedby={remove?.fields.moveStoriesTo ? "move-stories-to-error" : undefined}
                      >
                        <option value="">No feature</option>
                        {others.map((f) => (
                          <option key={f.id} value={f.id}>
                            {f.name}
                          </option>
                        ))}
                      </select>
                      {remove?.fields.moveStoriesTo ? (
                        <p className="field__error" id="move-stories-to-error">
                          {remove.fields.moveStoriesTo}
                        </p>
                      ) : null}
                    </div>
                  ) : null}
                  <ConfirmStep errors={remove} id="delete-feature-confirm" />
                  <button type="submit" className="button button--danger">
                    Delete {feature.name}
                  </button>
                </PostForm>
              </details>
            </section>
          ) : null}
        </div>
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
