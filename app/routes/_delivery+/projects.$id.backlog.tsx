import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { useEffect, useState } from "react";
import { getDb } from "~/lib/db.server";
import { STORY_TYPES } from "../../../db/schema/enums";
import { projectCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { FormMessage } from "~/components/field";
import { POINTS, isReady, parseCriteria } from "~/delivery/backlog";
import { getProject, listMembers } from "~/delivery/projects.server";
import { listSprints } from "~/delivery/sprints.server";
import { NewStorySchema, StoryChangeSchema, backlogPosition, createStory, listBacklog, listFeatures, moveStory, placeStory, updateStory } from "~/delivery/stories.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Backlog · ${data?.project.name ?? "Project"} · Sprintlab`, data?.project.name ? `The ordered backlog of ${data.project.name}: stories, estimates and sprints.` : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const { project, role } = orErrorPage(() => getProject(db, user, Number(params.id)));
  const filters = Object.fromEntries(new URL(request.url).searchParams);
  const stories = orErrorPage(() => listBacklog(db, user, project.id, filters));
  return json({
    project,
    stories: stories.map((s) => ({ ...s, ready: isReady(s) })),
    features: listFeatures(db, project.id),
    members: listMembers(db, project.id).map((m) => ({ id: m.userId, name: m.name })),
    sprints: listSprints(db, project.id).filter((s) => s.state !== "closed"),
    sprintNames: Object.fromEntries(listSprints(db, project.id).map((s) => [s.id, `Sprint ${s.number}`])),
    can: {
      create: projectCan(user.role, role, "stories.create"),
      order: projectCan(user.role, role, "backlog.order"),
      edit: projectCan(user.role, role, "stories.editContent"),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const db = getDb();
  const id = Number(params.id);
  const back = `/projects/${id}/backlog${new URL(request.url).search}`;
  try {
    const storyId = Number(form.get("storyId"));
    switch (form.get("intent")) {
      case "add": {
        const story = createStory(db, user, id, fromForm(NewStorySchema, { title: form.get("title"), type: form.get("type") ?? "story", points: form.get("points") || null }));
        return redirectWithFlash(back, `${story.key} “${story.title}” added at the bottom of the backlog.`);
      }
      case "move": {
        const move = String(form.get("move"));
        if (move !== "up" && move !== "down" && move !== "top") throw new Response("Unknown move", { status: 400 });
        const story = moveStory(db, user, storyId, move);
        return redirectWithFlash(`${back}#story-${story.id}`, `Moved ${story.key} “${story.title}” to position ${backlogPosition(db, story)}.`);
      }
      case "place": {
        const story = placeStory(db, user, storyId, form.get("afterId") ? Number(form.get("afterId")) : null);
        return redirectWithFlash(`${back}#story-${story.id}`, `Moved ${story.key} “${story.title}” to position ${backlogPosition(db, story)}.`);
      }
      case "plan": {
        const sprintId = form.get("sprintId") ? Number(form.get("sprintId")) : null;
        const story = updateStory(db, user, storyId, { sprintId });
        return redirectWithFlash(`${back}#story-${story.id}`, sprintId ? `${story.key} “${story.title}” planned into the sprint.` : `${story.key} “${story.title}” back in the backlog.`);
      }
      case "groom": {
        const story = updateStory(
          db,
          user,
          storyId,
          fromForm(StoryChangeSchema, {
            points: form.get("points") === "" ? null : form.get("points"),
            acceptanceCriteria: parseCriteria(String(form.get("acceptanceCriteria") ?? "")),
            description: String(form.get("description") ?? ""),
            ...(form.has("featureId") ? { featureId: form.get("featureId") || null } : {}),
            ...(form.has("assigneeId") ? { assigneeId: form.get("assigneeId") || null } : {}),
          }),
        );
        return redirectWithFlash(`${back}#story-${story.id}`, isReady(story) ? `${story.key} “${story.title}” is Ready.` : `${story.key} “${story.title}” saved.`);
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

export default function Backlog() {
  const { project, stories, features, members, sprints, sprintNames, can } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const [params] = useSearchParams();
  const adding = errors?.values.intent === "add";
  // Drag and drop, once JavaScript runs; the arrow buttons stay for keyboards and no-JS.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const drop = useFetcher();
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const onDrop = (targetIndex: number) => {
    const from = stories.findIndex((s) => s.id === dragged);
    setOver(null);
    if (dragged === null || from === targetIndex || from < 0) return;
    // Dropped on a row: take its place, moving it down when coming from above.
    const afterId = from < targetIndex ? stories[targetIndex].id : targetIndex > 0 ? stories[targetIndex - 1].id : null;
    drop.submit({ intent: "place", storyId: String(dragged), afterId: afterId === null ? "" : String(afterId) }, { method: "post" });
    setDragged(null);
  };
  return (
    <>
      <ProjectNav projectId={project.id} current="backlog" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title="Backlog" actions={
          <>
            <div className="actions">
              <a href={`/projects/${project.id}/backlog.csv`} className="button button--quiet" download>
                Export CSV
              </a>
              {can.order ? (
                <Link to={`/projects/${project.id}/import`} className="button button--quiet">
                  Import CSV
                </Link>
              ) : null}
            </div>
          </>
        }>
        <p>One ranked list. Ready means estimated with at least one acceptance criterion.</p>
      </PageHeader>
      {!adding ? <FormMessage message={errors?.message} /> : null}

      {can.create ? (
        <section className="card" aria-labelledby="add-title">
          <h2 id="add-title" className="visually-hidden">
            Add a story
          </h2>
          <PostForm className="form form--inline" style={{ marginBottom: 0 }} noValidate>
            <input type="hidden" name="intent" value="add" />
            <div className={adding && errors?.fields.title ? "field field--error" : "field"} style={{ flex: "1 1 20rem" }}>
              <label htmlFor="quick-title">Add a story at the bottom</label>
              <input id="quick-title" name="title" placeholder="As a caller I want to be offered a callback…" defaultValue={adding ? errors?.values.title : ""} />
              {adding && errors?.fields.title ? <p className="field__error">{errors.fields.title}</p> : null}
            </div>
            <div className="field" style={{ maxWidth: "8rem" }}>
              <label htmlFor="quick-type">Type</label>
              <select id="quick-type" name="type" defaultValue="story">
                {STORY_TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </div>
            <div className="field" style={{ maxWidth: "7rem" }}>
              <label htmlFor="quick-points">Points</label>
              <select id="quick-points" name="points" defaultValue="">
                <option value="">?</option>
                {POINTS.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              Add
            </button>
          </PostForm>
        </section>
      ) : null}

      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title" className="visually-hidden">
          Stories
        </h2>
        <Form method="get" className="filters" aria-label="Filter the backlog">
          <div className="field">
            <label htmlFor="f-feature">Feature</label>
            <select id="f-feature" name="feature" defaultValue={params.get("feature") ?? ""}>
              <option value="">All features</option>
              {features.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-type">Type</label>
            <select id="f-type" name="type" defaultValue={params.get("type") ?? ""}>
              <option value="">All types</option>
              {STORY_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-ready">Ready</label>
            <select id="f-ready" name="ready" defaultValue={params.get("ready") ?? ""}>
              <option value="">Any</option>
              <option value="yes">Ready</option>
              <option value="no">Not ready</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-unestimated">Estimate</label>
            <select id="f-unestimated" name="unestimated" defaultValue={params.get("unestimated") ?? ""}>
              <option value="">Any</option>
              <option value="yes">Unestimated</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-sprint">Planned</label>
            <select id="f-sprint" name="sprint" defaultValue={params.get("sprint") ?? ""}>
              <option value="">All stories</option>
              <option value="none">Not in a sprint</option>
            </select>
          </div>
          <button type="submit" className="button button--quiet">
            Filter
          </button>
        </Form>
        {stories.length === 0 ? (
          <div className="empty-state">
            <h2>No stories here</h2>
            <p>{can.create ? "Add the first one above; grooming gives it points and acceptance criteria." : "The team adds stories during kickoff and grooming."}</p>
          </div>
        ) : (
          <ol style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {stories.map((s, index) => (
              <li
                key={s.id}
                id={`story-${s.id}`}
                className={`backlog-row${over === index ? " backlog-row--over" : ""}`}
                data-testid={`story-${s.id}`}
                draggable={hydrated && can.order}
                onDragStart={(e) => {
                  setDragged(s.id);
                  e.dataTransfer.effectAllowed = "move";
                }}
                onDragOver={(e) => {
                  if (dragged === null) return;
                  e.preventDefault();
                  setOver(index);
                }}
                onDragLeave={() => setOver((o) => (o === index ? null : o))}
                onDrop={(e) => {
                  e.preventDefault();
                  onDrop(index);
                }}
              >
                {can.order ? (
                  <PostForm className="move-buttons" aria-label={`Move ${s.title}`}>
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="storyId" value={s.id} />
                    <button type="submit" name="move" value="top" className="button button--quiet" aria-label={`Move ${s.title} to the top`} disabled={index === 0}>
                      ⤒
                    </button>
                    <button type="submit" name="move" value="up" className="button button--quiet" aria-label={`Move ${s.title} up`} disabled={index === 0}>
                      ↑
                    </button>
                    <button type="submit" name="move" value="down" className="button button--quiet" aria-label={`Move ${s.title} down`} disabled={index === stories.length - 1}>
                      ↓
                    </button>
                  </PostForm>
                ) : (
                  <span className="muted mono">{index + 1}</span>
                )}
                <div>
                  <span className="story-key">{s.key}</span>{" "}
                  <strong>
                    <Link to={`/stories/${s.id}`} className="story-link">
                      {s.title}
                    </Link>
                  </strong>
                  <div className="story-card__meta">
                    <span className="points">
                      {s.points === null ? (
                        <>
                          <span aria-hidden="true">?</span>
                          <span className="visually-hidden">Unestimated</span>
                        </>
                      ) : (
                        <>
                          {s.points}
                          <span className="visually-hidden"> points</span>
                        </>
                      )}
                    </span>
                    <span>{s.type}</span>
                    <span className={`status status--${s.status === "accepted" ? "delivered" : s.status === "done" ? "accepted" : s.status === "in_progress" ? "in_development" : "community_review"}`}>{s.status.replace("_", " ")}</span>
                    {s.ready ? <span className="badge badge--active">Ready</span> : null}
                    {s.sprintId ? <span>{sprintNames[s.sprintId]}</span> : null}
                    {s.featureId ? <Link to={`/features/${s.featureId}`}>{features.find((f) => f.id === s.featureId)?.name}</Link> : null}
                    {s.assigneeId ? <span>{members.find((m) => m.id === s.assigneeId)?.name ?? "A former member"}</span> : null}
                  </div>
                  {can.edit ? (
                    <details>
                      <summary className="muted">Groom</summary>
                      <PostForm className="form" style={{ maxWidth: "36rem", marginTop: "0.5rem" }}>
                        <input type="hidden" name="intent" value="groom" />
                        <input type="hidden" name="storyId" value={s.id} />
                        <div className="field">
                          <label htmlFor={`desc-${s.id}`}>Description</label>
                          <textarea id={`desc-${s.id}`} name="description" defaultValue={s.description} style={{ minHeight: "3rem" }} />
                        </div>
                        <div className="field">
                          <label htmlFor={`ac-${s.id}`}>Acceptance criteria (one per line)</label>
                          <textarea id={`ac-${s.id}`} name="acceptanceCriteria" defaultValue={s.acceptanceCriteria.join("\n")} style={{ minHeight: "4rem" }} />
                        </div>
                        <div className="field" style={{ maxWidth: "8rem" }}>
                          <label htmlFor={`pts-${s.id}`}>Points</label>
                          <select id={`pts-${s.id}`} name="points" defaultValue={s.points ?? ""}>
                            <option value="">?</option>
                            {POINTS.map((p) => (
                              <option key={p}>{p}</option>
                            ))}
                          </select>
                        </div>
                        <div className="field">
                          <label htmlFor={`assignee-${s.id}`}>Assignee</label>
                          <select id={`assignee-${s.id}`} name="assigneeId" defaultValue={s.assigneeId ?? ""}>
                            <option value="">Nobody yet</option>
                            {members.map((m) => (
                              <option key={m.id} value={m.id}>
                                {m.name}
                              </option>
                            ))}
                          </select>
                        </div>
                        {can.order ? (
                          <div className="field">
                            <label htmlFor={`feature-${s.id}`}>Feature</label>
                            <select id={`feature-${s.id}`} name="featureId" defaultValue={s.featureId ?? ""}>
                              <option value="">No feature</option>
                              {features.map((f) => (
                                <option key={f.id} value={f.id}>
                                  {f.name}
                                </option>
                              ))}
                            </select>
                          </div>
                        ) : null}
                        <div>
                          <button type="submit" className="button button--quiet">
                            Save
                          </button>
                        </div>
                      </PostForm>
                    </details>
                  ) : null}
                </div>
                {can.order && s.status !== "accepted" ? (
                  <PostForm className="row-actions">
                    <input type="hidden" name="intent" value="plan" />
                    <input type="hidden" name="storyId" value={s.id} />
                    <label className="visually-hidden" htmlFor={`plan-${s.id}`}>
                      Sprint for {s.title}
                    </label>
                    <select id={`plan-${s.id}`} name="sprintId" defaultValue={s.sprintId ?? ""}>
                      <option value="">Backlog</option>
                      {sprints.map((sp) => (
                        <option key={sp.id} value={sp.id}>
                          Sprint {sp.number}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button button--quiet" aria-label={`Plan ${s.title}`}>
                      Plan
                    </button>
                  </PostForm>
                ) : (
                  <span />
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
