import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { CeremonyBadges } from "~/components/ceremony-badges";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { occurrenceBounds } from "~/delivery/ceremonies";
import { cancelCeremony, getCeremony, moveCeremony, projectNow, restoreCeremony, saveCeremonyNotes } from "~/delivery/ceremonies.server";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data?.ceremony.name ?? "Ceremony"} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const { ceremony, project, sprint, can } = orErrorPage(() => getCeremony(db, user, Number(params.id)));
  return json({
    ceremony,
    ends: occurrenceBounds(ceremony).endKey.slice(11),
    project: { id: project.id, name: project.name, timeZone: project.timeZone },
    sprint: { id: sprint.id, number: sprint.number, state: sprint.state, start: sprint.start, end: sprint.end },
    today: projectNow(project).slice(0, 10),
    can,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = Number(params.id);
  const db = getDb();
  const back = `/ceremonies/${id}`;
  try {
    switch (form.get("intent")) {
      case "move":
        moveCeremony(db, user, id, { date: form.get("date"), time: form.get("time"), minutes: form.get("minutes"), reason: form.get("reason") });
        return redirectWithFlash(back, "Moved. Subscribed calendars pick up the new time at their next refresh.");
      case "cancel":
        cancelCeremony(db, user, id, { reason: form.get("reason") });
        return redirectWithFlash(back, "Cancelled. It stays in the calendar feed, marked cancelled.");
      case "restore":
        restoreCeremony(db, user, id);
        return redirectWithFlash(back, "Back on the calendar.");
      case "notes":
        saveCeremonyNotes(db, user, id, { notes: form.get("notes") ?? "" });
        return redirectWithFlash(back, "Notes saved.");
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

const WORK_PAGE: Record<string, (sprintId: number, projectId: number, date: string) => { to: string; label: string }> = {
  planning: (s) => ({ to: `/sprints/${s}`, label: "Plan the sprint" }),
  standup: (s, _p, d) => ({ to: `/sprints/${s}/standup?date=${d}`, label: "Open the standup" }),
  grooming: (_s, p) => ({ to: `/projects/${p}/grooming`, label: "Groom the backlog" }),
  demo: (s) => ({ to: `/sprints/${s}/demo`, label: "Open the demo" }),
  retro: (s) => ({ to: `/sprints/${s}/retro`, label: "Open the retrospective" }),
};

export default function CeremonyPage() {
  const { ceremony, ends, project, sprint, today, can } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const intent = errors?.values.intent;
  const work = WORK_PAGE[ceremony.kind](sprint.id, project.id, ceremony.date);
  const closed = sprint.state === "closed";
  return (
    <>
      <ProjectNav projectId={project.id} current="ceremonies" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> / <Link to={`/projects/${project.id}/ceremonies?sprint=${sprint.id}`}>Ceremonies</Link> / <Link to={`/sprints/${sprint.id}`}>Sprint {sprint.number}</Link> /</>} title={ceremony.name} actions={
          <>
            <div className="actions">
              <Link to={work.to} className="button">
                {work.label}
              </Link>
              <a href={`/ceremonies/${ceremony.id}.ics`} className="button button--quiet" download>
                Add to my calendar (.ics)
              </a>
            </div>
          </>
        }>
        <p>
          {formatDay(ceremony.date)}, {ceremony.time}–{ends} ({project.timeZone}) <CeremonyBadges ceremony={ceremony} today={today} />
        </p>
        {ceremony.moved ? (
          <p className="muted">
            Planned for {formatDay(ceremony.plannedOn)}; moved: {ceremony.moveReason}
          </p>
        ) : null}
        {ceremony.cancelled ? <p className="muted">Cancelled: {ceremony.cancelReason}</p> : null}
      </PageHeader>
      <FormMessage message={errors?.message} />

      <div className="two-col">
        <section className="card" aria-labelledby="notes-title">
          <h2 id="notes-title">Notes</h2>
          {can.notes && !closed ? (
            <PostForm className="form">
              <input type="hidden" name="intent" value="notes" />
              <div className={intent === "notes" && errors?.fields.notes ? "field field--error" : "field"}>
                <label htmlFor="notes">Notes of this {ceremony.name.toLowerCase()}</label>
                <p className="field__hint" id="notes-hint">
                  Mention someone with @ and the first part of their email (for example @copo); they are notified.
                </p>
                <textarea id="notes" name="notes" className="notes" aria-describedby="notes-hint" defaultValue={intent === "notes" ? errors?.values.notes : ceremony.notes} />
                {intent === "notes" && errors?.fields.notes ? <p className="field__error">{errors.fields.notes}</p> : null}
              </div>
              <button type="submit" className="button">
                Save notes
              </button>
            </PostForm>
          ) : ceremony.notes.trim() ? (
            <p style={{ whiteSpace: "pre-wrap" }}>{ceremony.notes}</p>
          ) : (
            <p className="empty-state">No notes for this occurrence.</p>
          )}
        </section>

        {can.manage && !closed ? (
          <aside>
            <section className="card" aria-labelledby="move-title">
              <h2 id="move-title">Move</h2>
              <PostForm className="form" noValidate>
                <input type="hidden" name="intent" value="move" />
                <Field
                  label="Date"
                  name="date"
                  id="move-date"
                  type="date"
                  min={sprint.start}
                  max={sprint.end}
                  hint={`Within sprint ${sprint.number}: ${sprint.start} to ${sprint.end}.`}
                  defaultValue={intent === "move" ? errors?.values.date : ceremony.date}
                  error={intent === "move" ? errors?.fields.date : undefined}
                />
                <Field label="Time" name="time" id="move-time" type="time" defaultValue={intent === "move" ? errors?.values.time : ceremony.time} error={intent === "move" ? errors?.fields.time : undefined} />
                <Field label="Minutes" name="minutes" id="move-minutes" type="number" min={5} max={480} defaultValue={intent === "move" ? errors?.values.minutes : ceremony.minutes} error={intent === "move" ? errors?.fields.minutes : undefined} />
                <Field label="Why it moves" name="reason" id="move-reason" defaultValue={intent === "move" ? errors?.values.reason : ""} error={intent === "move" ? errors?.fields.reason : undefined} />
                <button type="submit" className="button">
                  Move
                </button>
              </PostForm>
            </section>
            <section className="card" aria-labelledby="cancel-title">
              <h2 id="cancel-title">{ceremony.cancelled ? "Cancelled" : "Cancel"}</h2>
              {ceremony.cancelled ? (
                <PostForm>
                  <input type="hidden" name="intent" value="restore" />
                  <button type="submit" className="button button--quiet">
                    Put it back on the calendar
                  </button>
                </PostForm>
              ) : (
                <PostForm className="form" noValidate>
                  <input type="hidden" name="intent" value="cancel" />
                  <Field label="Why it is cancelled" name="reason" id="cancel-reason" defaultValue={intent === "cancel" ? errors?.values.reason : ""} error={intent === "cancel" ? errors?.fields.reason : undefined} />
                  <button type="submit" className="button button--danger">
                    Cancel this occurrence
                  </button>
                </PostForm>
              )}
            </section>
          </aside>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
