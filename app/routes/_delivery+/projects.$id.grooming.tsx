import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/field";
import { POINTS, parseCriteria } from "~/delivery/backlog";
import { groomStory, groomingView } from "~/delivery/grooming.server";
import { StoryChangeSchema } from "~/delivery/stories.server";
import { formatDay, formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Grooming · ${data?.project.name ?? ""} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const view = orErrorPage(() => groomingView(getDb(), user, Number(params.id)));
  return json({ ...view, project: { id: view.project.id, name: view.project.name, timeZone: view.project.timeZone } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  try {
    const story = groomStory(getDb(), user, Number(form.get("storyId")), fromForm(StoryChangeSchema, { title: form.get("title"), points: form.get("points"), acceptanceCriteria: parseCriteria(String(form.get("criteria") ?? "")) }));
    // Back to the grooming page of the story's own project, whatever the address said.
    return redirectWithFlash(`/projects/${story.projectId}/grooming#story-${story.id}`, `“${story.title}” groomed.`);
  } catch (error) {
    return formError(error, form);
  }
}

type Change = { storyId: number; story: string; field: string; fromValue: string | null; toValue: string | null; by: string; at: string };

/** One line per story of a session, its changes in the order points, criteria, title, Ready. */
function byStory<C extends Change>(changes: readonly C[]): { storyId: number; story: string; changes: C[] }[] {
  const groups = new Map<number, { storyId: number; story: string; changes: C[] }>();
  for (const c of changes) {
    const group = groups.get(c.storyId) ?? { storyId: c.storyId, story: c.story, changes: [] };
    group.changes.push(c);
    groups.set(c.storyId, group);
  }
  const order = ["points", "criteria", "title", "ready"];
  for (const g of groups.values()) g.changes.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return [...groups.values()];
}

function describe(c: Change): string {
  if (c.field === "ready") return c.toValue === "Ready" ? "became Ready" : "no longer Ready";
  if (c.field === "criteria") return c.fromValue ? "acceptance criteria rewritten" : "acceptance criteria written";
  if (c.field === "points") return `points ${c.fromValue ?? "—"} → ${c.toValue ?? "—"}`;
  return `title was “${c.fromValue}”`;
}

export default function Grooming() {
  const { project, today, stories, sessions, nextGrooming, canGroom } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const readyCount = stories.filter((s) => s.ready).length;
  return (
    <>
      <ProjectNav projectId={project.id} current="backlog" timeZone={project.timeZone} />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title="Backlog grooming" actions={
          <>
            <div className="actions">
              <Link to={`/projects/${project.id}/backlog`} className="button button--quiet">
                Whole backlog
              </Link>
            </div>
          </>
        }>
        <p>
          The top {stories.length} stories not yet in a sprint: {readyCount} Ready. A story is Ready once it has points and at least one acceptance criterion.
          {nextGrooming ? (
            <>
              {" "}
              Next session: <Link to={`/ceremonies/${nextGrooming.id}`}>{nextGrooming.date === today ? "today" : formatDay(nextGrooming.date)} at {nextGrooming.time}</Link>.
            </>
          ) : null}
        </p>
      </PageHeader>

      <div className="two-col">
        <section aria-labelledby="walk-title">
          <h2 id="walk-title" className="visually-hidden">
            Top of the backlog
          </h2>
          {stories.length === 0 ? <p className="empty-state">Nothing to groom: every story is planned into a sprint. Add stories on the backlog.</p> : null}
          {stories.map((s, i) => {
            const mine = errors?.values.storyId === String(s.id) ? errors : undefined;
            return (
              <article key={s.id} id={`story-${s.id}`} className="card" data-testid={`groom-${s.id}`}>
                <div className="row-actions" style={{ justifyContent: "space-between" }}>
                  <span className="muted">
                    #{i + 1} · {s.type}
                  </span>
                  {s.ready ? <span className="status status--accepted">Ready</span> : <span className="status status--community_review">Not ready</span>}
                </div>
                {canGroom ? (
                  <PostForm className="form" noValidate>
                    <input type="hidden" name="storyId" value={s.id} />
                    {mine && !Object.keys(mine.fields).length ? <p className="field__error">{mine.message}</p> : null}
                    <Field label="Title" name="title" id={`title-${s.id}`} defaultValue={mine?.values.title ?? s.title} error={mine?.fields.title} />
                    <div className={mine?.fields.points ? "field field--error" : "field"} style={{ maxWidth: "12rem" }}>
                      <label htmlFor={`points-${s.id}`}>Points</label>
                      <select id={`points-${s.id}`} name="points" defaultValue={mine?.values.points ?? (s.points === null ? "" : String(s.points))}>
                        <option value="">Not estimated</option>
                        {POINTS.map((p) => (
                          <option key={p} value={p}>
                            {p}
                          </option>
                        ))}
                      </select>
                      {mine?.fields.points ? <p className="field__error">{mine.fields.points}</p> : null}
                    </div>
                    <div className={mine?.fields.acceptanceCriteria ? "field field--error" : "field"}>
                      <label htmlFor={`criteria-${s.id}`}>Acceptance criteria, one per line</label>
                      <textarea id={`criteria-${s.id}`} name="criteria" rows={Math.max(3, s.acceptanceCriteria.length + 1)} defaultValue={mine?.values.criteria ?? s.acceptanceCriteria.join("\n")} />
                      {mine?.fields.acceptanceCriteria ? <p className="field__error">{mine.fields.acceptanceCriteria}</p> : null}
                    </div>
                    <button type="submit" className="button button--quiet" aria-label={`Save ${s.title}`}>
                      Save
                    </button>
                  </PostForm>
                ) : (
                  <>
                    <h3>{s.title}</h3>
                    <p className="muted">{s.points === null ? "Not estimated" : `${s.points} points`}</p>
                    <ul>
                      {s.acceptanceCriteria.map((c, n) => (
                        <li key={n}>{c}</li>
                      ))}
                    </ul>
                  </>
                )}
              </article>
            );
          })}
        </section>

        <aside>
          <section className="card" aria-labelledby="log-title">
            <h2 id="log-title">What each session changed</h2>
            {sessions.length === 0 ? <p className="empty-state">No grooming changes yet. Saving a story here records what changed in today's session.</p> : null}
            {sessions.map((session) => (
              <div key={session.date} data-testid={`session-${session.date}`}>
                <h3>
                  {session.ceremonyId ? <Link to={`/ceremonies/${session.ceremonyId}`}>{formatDay(session.date)}</Link> : formatDay(session.date)}
                  <span className="muted"> · {session.changes.length} changes</span>
                </h3>
                <ul className="grooming-log">
                  {byStory(session.changes).map((group) => (
                    <li key={group.storyId}>
                      <strong>{group.story}</strong>: {group.changes.map(describe).join("; ")}
                      <span className="muted">
                        {" "}
                        · {[...new Set(group.changes.map((c) => c.by))].join(", ")} · {formatTimestamp(group.changes[0].at, project.timeZone).slice(11)}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
