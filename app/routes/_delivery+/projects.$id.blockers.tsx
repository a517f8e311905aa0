import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { projectCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { BlockerForm } from "~/components/blocker-form";
import { Field } from "~/components/field";
import { ageInDays } from "~/delivery/blockers";
import { blockerFromForm, listBlockers, raiseBlocker, resolveBlocker } from "~/delivery/blockers.server";
import { getProject, listMembers, projectToday } from "~/delivery/projects.server";
import { listBacklog } from "~/delivery/stories.server";
import { formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Blockers · Sprintlab");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const { project, role } = orErrorPage(() => getProject(db, user, Number(params.id)));
  return json({
    project: { id: project.id, name: project.name, timeZone: project.timeZone },
    today: projectToday(project),
    blockers: listBlockers(db, user, project.id),
    members: listMembers(db, project.id),
    stories: listBacklog(db, user, project.id).filter((s) => s.status !== "accepted").map((s) => ({ id: s.id, title: s.title })),
    canManage: projectCan(user.role, role, "blockers.manage"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = Number(params.id);
  try {
    if (form.get("intent") === "resolve") {
      resolveBlocker(getDb(), user, Number(form.get("blockerId")), { resolution: form.get("resolution") ?? "" });
      return redirectWithFlash(`/projects/${id}/blockers`, "Blocker resolved.");
    }
    raiseBlocker(getDb(), user, id, blockerFromForm(form));
    return redirectWithFlash(`/projects/${id}/blockers`, "Blocker raised.");
  } catch (error) {
    return formError(error, form);
  }
}

export default function Blockers() {
  const { project, today, blockers, members, stories, canManage } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const [params] = useSearchParams();
  const open = blockers.filter((b) => !b.resolvedAt);
  return (
    <>
      <ProjectNav projectId={project.id} current="blockers" timeZone={project.timeZone} />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title="Blockers">
        <p>{open.length} open · customer-side first, oldest first.</p>
      </PageHeader>
      <section className="card">
        {blockers.length === 0 ? <p className="muted">No blockers. Raise one when something outside the team's control stops a story.</p> : null}
        <ul className="idea-list">
          {blockers.map((b) => (
            <li key={b.id} id={`blocker-${b.id}`} className="comment" data-testid={`blocker-${b.id}`}>
              <div className="row-actions" style={{ justifyContent: "space-between" }}>
                <span>
                  <strong>{b.title}</strong> <span className={`status ${b.side === "customer" ? "status--under_pm_review" : "status--accepted"}`}>{b.side === "customer" ? "Customer side" : "Delivery side"}</span>{" "}
                  {b.resolvedAt ? <span className="status status--delivered">Resolved</span> : <span className="muted">open {ageInDays(b.raisedAt, today)} days</span>}
                </span>
                <span className="muted">
                  {b.owner ? `Owner ${b.owner}` : "No owner"}
                  {b.dueOn ? ` · due ${b.dueOn}` : ""}
                  {b.story ? ` · ${b.story}` : ""}
                </span>
              </div>
              {b.resolvedAt ? (
                <p className="muted">
                  Resolved by {b.resolvedBy} · {formatTimestamp(b.resolvedAt, project.timeZone)}
                  {b.resolution ? ` — ${b.resolution}` : ""}
                </p>
              ) : canManage ? (
                <PostForm className="form form--inline" style={{ marginTop: "0.5rem", marginBottom: 0 }}>
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="blockerId" value={b.id} />
                  <Field label="How it was resolved" name="resolution" id={`resolution-${b.id}`} />
                  <button type="submit" className="button button--quiet" aria-label={`Resolve ${b.title}`}>
                    Resolve
                  </button>
                </PostForm>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {canManage ? (
        <section className="card" aria-labelledby="raise-title">
          <h2 id="raise-title">Raise a blocker</h2>
          <BlockerForm errors={errors} members={members} stories={stories} storyId={params.get("story")} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
