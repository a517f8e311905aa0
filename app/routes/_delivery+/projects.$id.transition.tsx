import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { projectCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { getProject, goLivesOf } from "~/delivery/projects.server";
import { addTransitionItem, listTransition, setTransitionItem } from "~/delivery/transition.server";
import { formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Transition to Customer Care · Sprintlab");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const { project, role } = orErrorPage(() => getProject(db, user, Number(params.id)));
  return json({ project: { id: project.id, name: project.name, timeZone: project.timeZone }, items: listTransition(db, user, project.id), goLives: goLivesOf(db, project.id), canEdit: projectCan(user.role, role, "releasePlan.manage") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = Number(params.id);
  try {
    if (form.get("intent") === "add") {
      addTransitionItem(getDb(), user, id, { text: form.get("text") });
      return redirectWithFlash(`/projects/${id}/transition`, "Item added.");
    }
    setTransitionItem(getDb(), user, Number(form.get("itemId")), { state: form.get("state"), reason: form.get("reason") ?? undefined });
    return redirectWithFlash(`/projects/${id}/transition`, "Checklist updated.");
  } catch (error) {
    return formError(error, form);
  }
}

const STATE = { open: "Open", done: "Done", not_applicable: "Not applicable" } as const;

export default function Transition() {
  const { project, items, goLives: lives, canEdit } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const finished = items.filter((i) => i.state !== "open").length;
  return (
    <>
      <ProjectNav projectId={project.id} current="overview" timeZone={project.timeZone} />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title="Transition to Customer Care">
        <p>
          Readiness after the last hypercare: {finished} of {items.length} items done or not applicable.
        </p>
        {lives.length ? (
          <p>
            As-Delivered bundles for Customer Care:{" "}
            {lives.map((g, i) => (
              <span key={g.id}>
                {i ? " · " : ""}
                <Link to={`/go-lives/${g.id}/bundle`}>{g.name}</Link>
              </span>
            ))}{" "}
            · <Link to={`/projects/${project.id}/docs`}>all documents</Link>
          </p>
        ) : null}
      </PageHeader>
      <section className="card">
        <ul className="idea-list">
          {items.map((item) => {
            const mine = errors?.values.itemId === String(item.id) ? errors : undefined;
            return (
              <li key={item.id} className="comment" data-testid={`item-${item.id}`}>
                <div className="row-actions" style={{ justifyContent: "space-between" }}>
                  <span>
                    <strong>{item.text}</strong>{" "}
                    <span className={`status ${item.state === "done" ? "status--delivered" : item.state === "not_applicable" ? "status--merged" : "status--community_review"}`}>{STATE[item.state]}</span>
                  </span>
                  <span className="muted">
                    {item.by ? `${item.by} · ${formatTimestamp(item.at, project.timeZone)}` : ""}
                    {item.reason ? ` — ${item.reason}` : ""}
                  </span>
                </div>
                {canEdit ? (
                  <PostForm className="form form--inline" style={{ marginTop: "0.5rem" }}>
                    <input type="hidden" name="itemId" value={item.id} />
                    {item.state === "open" ? (
                      <>
                        <button type="submit" name="state" value="done" className="button button--quiet" aria-label={`Mark “${item.text}” done`}>
                          Done
                        </button>
                        <Field label="Reason it does not apply" name="reason" id={`reason-${item.id}`} error={mine?.fields.reason} defaultValue={mine?.values.reason ?? ""} />
                        <button type="submit" name="state" value="not_applicable" className="button button--quiet" aria-label={`Mark “${item.text}” not applicable`}>
                          Not applicable
                        </button>
                      </>
                    ) : (
                      <button type="submit" name="state" value="open" className="button button--quiet">
                        Reopen
                      </button>
                    )}
                  </PostForm>
                ) : null}
              </li>
            );
          })}
        </ul>
        {canEdit ? (
          <PostForm className="form form--inline" style={{ marginTop: "1rem" }}>
            <input type="hidden" name="intent" value="add" />
            <FormMessage message={errors?.values.intent === "add" && !errors.fields.text ? errors.message : null} />
            <Field label="Add an item" name="text" error={errors?.values.intent === "add" ? errors.fields.text : undefined} />
            <button type="submit" className="button button--quiet">
              Add
            </button>
          </PostForm>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
