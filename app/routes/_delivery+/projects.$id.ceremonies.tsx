import { absoluteUrl } from "~/lib/app-url";
import { ProjectNav } from "~/components/project-nav";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { projectCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { FormMessage } from "~/components/field";
import { CeremonyBadges } from "~/components/ceremony-badges";
import { CEREMONY_KINDS, CEREMONY_NAMES, ceremonyDefaults } from "~/delivery/ceremonies";
import { calendarPath, defaultsFromForm, listCeremonies, projectNow, revokeCalendarToken, setCeremonyDefaults } from "~/delivery/ceremonies.server";
import { getProject } from "~/delivery/projects.server";
import { listSprints } from "~/delivery/sprints.server";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Ceremonies · ${data?.project.name ?? ""} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const { project, role } = orErrorPage(() => getProject(db, user, Number(params.id)));
  const sprintList = listSprints(db, project.id);
  const asked = Number(new URL(request.url).searchParams.get("sprint"));
  const current = sprintList.find((s) => s.id === asked) ?? sprintList.find((s) => s.state === "active") ?? sprintList.find((s) => s.state === "planned") ?? sprintList[sprintList.length - 1];
  const path = calendarPath(project, role);
  return json({
    project: { id: project.id, name: project.name, timeZone: project.timeZone },
    defaults: ceremonyDefaults(project.ceremonyDefaults),
    sprints: sprintList.map((s) => ({ id: s.id, number: s.number, start: s.start, end: s.end, state: s.state })),
    current: current ? { id: current.id, number: current.number, start: current.start, end: current.end, state: current.state } : null,
    occurrences: current ? listCeremonies(db, user, project.id, { sprintId: current.id }) : [],
    now: projectNow(project),
    calendarUrl: path ? absoluteUrl(path) : null,
    canManage: projectCan(user.role, role, "ceremonies.manage"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = Number(params.id);
  const db = getDb();
  try {
    if (form.get("intent") === "revoke") {
      revokeCalendarToken(db, user, id);
      return redirectWithFlash(`/projects/${id}/ceremonies`, "The old subscribe link no longer works. Share the new one with the team.");
    }
    setCeremonyDefaults(db, user, id, defaultsFromForm(Object.fromEntries(form)));
    return redirectWithFlash(`/projects/${id}/ceremonies`, "Default times saved; sprints that are not closed follow them (moved occurrences keep their time).");
  } catch (error) {
    return formError(error, form);
  }
}

export default function Ceremonies() {
  const { project, defaults, sprints, current, occurrences, now, calendarUrl, canManage } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const today = now.slice(0, 10);
  return (
    <>
      <ProjectNav projectId={project.id} current="ceremonies" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title="Ceremonies">
        <p className="muted">Times are in the project's time zone, {project.timeZone}.</p>
      </PageHeader>
      <FormMessage message={errors?.message} />

      <div className="two-col">
        <section aria-labelledby="occurrences-title">
          <div className="card">
            <Form method="get" className="form form--inline">
              <div className="field" style={{ maxWidth: "20rem" }}>
                <label htmlFor="sprint-choice">Sprint</label>
                <select id="sprint-choice" name="sprint" defaultValue={current?.id ?? ""}>
                  {sprints.map((s) => (
                    <option key={s.id} value={s.id}>
                      Sprint {s.number} ({s.state}) · {formatDay(s.start).slice(4, -5)} – {formatDay(s.end).slice(4, -5)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--quiet">
                Show
              </button>
            </Form>
            <h2 id="occurrences-title">{current ? `Sprint ${current.number}` : "No sprints yet"}</h2>
            {occurrences.length ? (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col">Time</th>
                      <th scope="col">Ceremony</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {occurrences.map((c) => (
                      <tr key={c.id} data-testid={`ceremony-${c.id}`} className={c.date === today ? "row--today" : undefined}>
                        <td>{formatDay(c.date)}</td>
                        <td className="mono">
                          {c.time} · {c.minutes} min
                        </td>
                        <td>
                          <Link to={`/ceremonies/${c.id}`}>{c.name}</Link>
                          {c.notes.trim() ? <span className="muted"> · notes</span> : null}
                        </td>
                        <td>
                          <CeremonyBadges ceremony={c} today={today} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="empty-state">
                {current ? "This sprint has no working days, so no ceremonies." : "Generate sprints from the project page; each one gets its five ceremonies."}
              </p>
            )}
          </div>
        </section>

        <aside>
          {calendarUrl ? (
            <section className="card" aria-labelledby="subscribe-title">
              <h2 id="subscribe-title">Subscribe</h2>
              <div className="field">
                <label htmlFor="calendar-url">Calendar feed (secret link)</label>
                <p className="field__hint" id="calendar-url-hint">
                  Add it to Outlook, Google or Apple Calendar as an internet calendar: every ceremony, sprint start and go-live cutover. Anyone with the link sees these dates.
                </p>
                <input id="calendar-url" readOnly value={calendarUrl} aria-describedby="calendar-url-hint" className="mono" />
              </div>
              {canManage ? (
                <PostForm>
                  <input type="hidden" name="intent" value="revoke" />
                  <button type="submit" className="button button--quiet">
                    Revoke and make a new link
                  </button>
                </PostForm>
              ) : null}
            </section>
          ) : null}

          <section className="card" aria-labelledby="defaults-title">
            <h2 id="defaults-title">Default times</h2>
            {canManage ? (
              <PostForm className="form" noValidate>
                <input type="hidden" name="intent" value="defaults" />
                {CEREMONY_KINDS.map((kind) => {
                  const timeError = errors?.fields[`${kind}.time`];
                  const minutesError = errors?.fields[`${kind}.minutes`];
                  return (
                    <fieldset key={kind} className="fieldset-row">
                      <legend>{CEREMONY_NAMES[kind]}</legend>
                      <div className={timeError ? "field field--error" : "field"}>
                        <label htmlFor={`${kind}-time`}>Time</label>
                        <input id={`${kind}-time`} name={`${kind}.time`} type="time" defaultValue={errors?.values[`${kind}.time`] ?? defaults[kind].time} aria-invalid={timeError ? true : undefined} />
                        {timeError ? <p className="field__error">{timeError}</p> : null}
                      </div>
                      <div className={minutesError ? "field field--error" : "field"}>
                        <label htmlFor={`${kind}-minutes`}>Minutes</label>
                        <input id={`${kind}-minutes`} name={`${kind}.minutes`} type="number" min={5} max={480} defaultValue={errors?.values[`${kind}.minutes`] ?? defaults[kind].minutes} aria-invalid={minutesError ? true : undefined} />
                        {minutesError ? <p className="field__error">{minutesError}</p> : null}
                      </div>
                    </fieldset>
                  );
                })}
                <button type="submit" className="button">
                  Save default times
                </button>
              </PostForm>
            ) : (
              <ul>
                {CEREMONY_KINDS.map((kind) => (
                  <li key={kind}>
                    {CEREMONY_NAMES[kind]}: {defaults[kind].time}, {defaults[kind].minutes} min
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
