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
import { MemberSelect } from "~/components/member-select";
import { listMembers } from "~/delivery/projects.server";
import { addRetroItem, closeAction, retrospective } from "~/delivery/retro.server";
import { listSprints } from "~/delivery/sprints.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Retrospective · Sprintlab");

const COLUMNS = [
  { key: "went_well", label: "Went well" },
  { key: "to_improve", label: "To improve" },
  { key: "action", label: "Actions" },
] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const retro = orErrorPage(() => retrospective(db, user, Number(params.id)));
  return json({
    project: { id: retro.project.id, name: retro.project.name },
    sprint: retro.sprint,
    items: retro.items,
    carried: retro.carried,
    members: listMembers(db, retro.project.id),
    laterSprints: listSprints(db, retro.project.id).filter((s) => s.number > retro.sprint.number),
    canAdd: projectCan(user.role, retro.role, "retro.add"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = Number(params.id);
  try {
    if (form.get("intent") === "close") {
      closeAction(getDb(), user, Number(form.get("itemId")));
      return redirectWithFlash(`/sprints/${id}/retro`, "Action closed.");
    }
    addRetroItem(getDb(), user, id, { column: form.get("column"), text: form.get("text"), ownerId: form.get("ownerId") || null, dueSprintId: form.get("dueSprintId") || null });
    return redirectWithFlash(`/sprints/${id}/retro`, "Added to the retrospective.");
  } catch (error) {
    return formError(error, form);
  }
}

export default function Retro() {
  const { project, sprint, items, carried, members, laterSprints, canAdd } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <>
      <ProjectNav projectId={project.id} current="ceremonies" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> / <Link to={`/sprints/${sprint.id}`}>Sprint {sprint.number}</Link> /</>} title={<>Sprint {sprint.number} retrospective</>} />
      {carried.length ? (
        <section className="card" aria-labelledby="carried-title">
          <h2 id="carried-title">Open actions from earlier sprints</h2>
          <ul className="idea-list">
            {carried.map((a) => (
              <li key={a.id} className="comment" data-testid={`carried-${a.id}`}>
                <PostForm className="row-actions" style={{ justifyContent: "space-between" }}>
                  <span>
                    {a.text} <span className="muted">· {a.owner ?? "no owner"} · from sprint {a.number}</span>
                  </span>
                  <input type="hidden" name="intent" value="close" />
                  <input type="hidden" name="itemId" value={a.id} />
                  {canAdd ? (
                    <button type="submit" className="button button--quiet" aria-label={`Close action ${a.text}`}>
                      Close
                    </button>
                  ) : null}
                </PostForm>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="board" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(14rem, 1fr))" }}>
        {COLUMNS.map((col) => {
          const mine = errors?.values.column === col.key ? errors : undefined;
          return (
            <section key={col.key} className="board__column" aria-labelledby={`col-${col.key}`}>
              <h2 id={`col-${col.key}`}>{col.label}</h2>
              {items
                .filter((i) => i.column === col.key)
                .map((i) => (
                  <article key={i.id} id={`retro-${i.id}`} className="story-card">
                    {i.text}
                    {i.column === "action" ? (
                      <div className="story-card__meta">
                        {i.owner ?? "No owner"}
                        {i.closedAt ? " · closed" : null}
                      </div>
                    ) : null}
                  </article>
                ))}
              {canAdd ? (
                <PostForm className="form" noValidate>
                  <input type="hidden" name="column" value={col.key} />
                  <div className={mine ? "field field--error" : "field"}>
                    <label htmlFor={`text-${col.key}`}>Add to “{col.label}”</label>
                    <input id={`text-${col.key}`} name="text" defaultValue={mine?.values.text ?? ""} />
                  </div>
                  {col.key === "action" ? (
                    <>
                      <MemberSelect id="action-owner" name="ownerId" label="Owner" members={members} empty="Choose an owner" />
                      <div className="field">
                        <label htmlFor="action-due">Due by</label>
                        <select id="action-due" name="dueSprintId" defaultValue="">
                          <option value="">No sprint set</option>
                          {laterSprints.map((s) => (
                            <option key={s.id} value={s.id}>
                              Sprint {s.number}
                            </option>
                          ))}
                        </select>
                      </div>
                    </>
                  ) : null}
                  {mine ? <p className="field__error">{Object.values(mine.fields)[0] ?? mine.message}</p> : null}
                  <button type="submit" className="button button--quiet">
                    Add
                  </button>
                </PostForm>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
