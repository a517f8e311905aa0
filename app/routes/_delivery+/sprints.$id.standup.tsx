import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { BlockerForm } from "~/components/blocker-form";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { FormMessage } from "~/components/field";
import { ageInDays } from "~/delivery/blockers";
import { blockerFromForm, raiseBlocker } from "~/delivery/blockers.server";
import { listMembers } from "~/delivery/projects.server";
import { findSprint } from "~/delivery/sprints.server";
import { saveStandupEntry, standupDay } from "~/delivery/standups.server";
import { listBacklog } from "~/delivery/stories.server";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Standup ${data?.day ?? ""} · Sprint ${data?.sprint.number ?? ""} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const day = orErrorPage(() => standupDay(db, user, Number(params.id), new URL(request.url).searchParams.get("date")));
  return json({
    project: { id: day.project.id, name: day.project.name },
    sprint: { id: day.sprint.id, number: day.sprint.number, state: day.sprint.state },
    day: day.day,
    today: day.today,
    previousDay: day.previousDay,
    nextDay: day.nextDay,
    occurrence: day.occurrence,
    team: day.team,
    blockers: day.blockers,
    me: user.id,
    canPost: day.canPost && day.sprint.state !== "closed",
    members: listMembers(db, day.project.id),
    stories: listBacklog(db, user, day.project.id)
      .filter((s) => s.sprintId === day.sprint.id)
      .map((s) => ({ id: s.id, title: s.title })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = Number(params.id);
  const db = getDb();
  const date = String(form.get("date") ?? "");
  try {
    if (form.get("intent") === "raise") {
      raiseBlocker(db, user, findSprint(db, id).projectId, blockerFromForm(form));
      return redirectWithFlash(`/sprints/${id}/standup?date=${date}`, "Blocker raised.");
    }
    saveStandupEntry(db, user, id, { date, yesterday: form.get("yesterday") ?? "", today: form.get("today") ?? "" });
    return redirectWithFlash(`/sprints/${id}/standup?date=${date}`, "Your standup entry is saved.");
  } catch (error) {
    return formError(error, form);
  }
}

export default function Standup() {
  const { project, sprint, day, today, previousDay, nextDay, occurrence, team, blockers, me, canPost, members, stories } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const mine = team.find((m) => m.userId === me)?.entry;
  const entryErrors = errors?.values.intent === "entry" ? errors : undefined;
  const written = team.filter((m) => m.entry).length;
  return (
    <>
      <ProjectNav projectId={project.id} current="ceremonies" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> / <Link to={`/sprints/${sprint.id}`}>Sprint {sprint.number}</Link> /</>} title={<>Standup · {formatDay(day)}</>} actions={
          <>
            <nav className="actions" aria-label="Standup days">
              {previousDay ? (
                <Link to={`?date=${previousDay}`} className="button button--quiet">
                  ← {formatDay(previousDay)}
                </Link>
              ) : null}
              {day !== today ? (
                <Link to="?" className="button button--quiet">
                  Today
                </Link>
              ) : null}
              {nextDay ? (
                <Link to={`?date=${nextDay}`} className="button button--quiet">
                  {formatDay(nextDay)} →
                </Link>
              ) : null}
            </nav>
          </>
        }>
        <p className="muted">
          {occurrence ? (
            <>
              <Link to={`/ceremonies/${occurrence.id}`}>Daily Standup at {occurrence.time}</Link>
              {occurrence.cancelledAt ? " (cancelled)" : ""} ·{" "}
            </>
          ) : (
            "No standup on the calendar this day · "
          )}
          {written} of {team.length} entries written. Entries are optional: the standup is usually a call.
        </p>
      </PageHeader>

      <div className="two-col">
        <section aria-labelledby="team-title">
          <h2 id="team-title">The team's day</h2>
          <div className="board" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(15rem, 1fr))" }}>
            {team.map((m) => (
              <article key={m.userId} className="story-card" data-testid={`standup-${m.userId}`}>
                <strong>{m.name}</strong> <span className="muted">· {m.role.replaceAll("_", " ")}</span>
                {m.entry ? (
                  <dl className="standup-entry">
                    {m.entry.yesterday ? (
                      <>
                        <dt>Yesterday</dt>
                        <dd>{m.entry.yesterday}</dd>
                      </>
                    ) : null}
                    {m.entry.today ? (
                      <>
                        <dt>Today</dt>
                        <dd>{m.entry.today}</dd>
                      </>
                    ) : null}
                  </dl>
                ) : (
                  <p className="muted">No entry.</p>
                )}
              </article>
            ))}
          </div>

          <section className="card" aria-labelledby="blockers-title" style={{ marginTop: "1rem" }}>
            <h2 id="blockers-title">Open blockers</h2>
            {blockers.length ? (
              <ul>
                {blockers.map((b) => (
                  <li key={b.id}>
                    <strong>{b.title}</strong> · {b.side === "customer" ? "customer side" : "delivery side"} · {b.owner ?? "no owner"} · open {ageInDays(b.raisedAt, today)} days
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty-state">No open blockers. Raise one here when something stops a story.</p>
            )}
            <Link to={`/projects/${project.id}/blockers`}>All blockers</Link>
          </section>
        </section>

        {canPost ? (
          <aside>
            <section className="card" aria-labelledby="entry-title">
              <h2 id="entry-title">My entry</h2>
              <PostForm className="form" noValidate>
                <FormMessage message={entryErrors && !Object.keys(entryErrors.fields).length ? entryErrors.message : null} />
                <input type="hidden" name="intent" value="entry" />
                <input type="hidden" name="date" value={day} />
                <div className="field">
                  <label htmlFor="yesterday">Yesterday</label>
                  <textarea id="yesterday" name="yesterday" rows={3} defaultValue={entryErrors?.values.yesterday ?? mine?.yesterday ?? ""} />
                </div>
                <div className={entryErrors?.fields.today ? "field field--error" : "field"}>
                  <label htmlFor="today">Today</label>
                  <textarea id="today" name="today" rows={3} defaultValue={entryErrors?.values.today ?? mine?.today ?? ""} aria-invalid={entryErrors?.fields.today ? true : undefined} aria-describedby="today-hint" />
                  <p className="field__hint" id="today-hint">
                    @mention a member to notify them.
                  </p>
                  {entryErrors?.fields.today ? <p className="field__error">{entryErrors.fields.today}</p> : null}
                </div>
                <button type="submit" className="button">
                  {mine ? "Update my entry" : "Save my entry"}
                </button>
              </PostForm>
            </section>
            <section className="card" aria-labelledby="raise-title">
              <h2 id="raise-title">Raise a blocker</h2>
              <BlockerForm errors={errors} members={members} stories={stories} idPrefix="blocker-">
                <input type="hidden" name="date" value={day} />
              </BlockerForm>
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
