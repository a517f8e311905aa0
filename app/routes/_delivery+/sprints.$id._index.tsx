import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useState, type DragEvent } from "react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { projectCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { BurndownChart } from "~/components/charts/delivery-charts";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { ConfirmStep } from "~/components/confirm-step";
import { FormMessage } from "~/components/field";
import { isReady } from "~/delivery/backlog";
import { commitmentOf, planningSummary, planningWarnings } from "~/delivery/planning";
import { completeReport } from "~/delivery/burndown";
import { closeSummary, type CloseSummaryGroup } from "~/delivery/sprints";
import { SprintChangeSchema, closeSprint, findSprint, projectHolidays, projectVelocity, sprintBoard, sprintBurndown, startSprint, updateSprint } from "~/delivery/sprints.server";
import { DayOffRemovalSchema, addDayOff, capacitySuggestion, myDaysOff, removeDayOff, removeMemberDayOff } from "~/delivery/days-off.server";
import { openActions } from "~/delivery/retro.server";
import { ceremonyGlance, projectNow } from "~/delivery/ceremonies.server";
import { formatDay } from "~/lib/dates";
import { StoryChangeSchema, listBacklog, updateStory } from "~/delivery/stories.server";
import { ASSIGNEE_FILTERS, ASSIGNEE_FILTER_LABELS, filterByAssignee, type AssigneeFilter } from "~/delivery/assignees";
import { listMembers } from "~/delivery/projects.server";
import type { Db } from "../../../db/client.server";
import { lastThree } from "~/delivery/velocity";
import { redirectWithFlash } from "~/web/flash.server";
import { confirmationOf, formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Sprint ${data?.sprint.number ?? ""} · ${data?.project.name ?? ""} · Sprintlab`);

const COLUMNS = [
  { status: "todo", label: "To do" },
  { status: "in_progress", label: "In progress" },
  { status: "done", label: "Done" },
  { status: "accepted", label: "Accepted" },
] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const board = orErrorPage(() => sprintBoard(db, user, Number(params.id)));
  // An unknown filter in the address shows everything, with a notice.
  const asked = new URL(request.url).searchParams.get("who");
  const who: AssigneeFilter = (ASSIGNEE_FILTERS as readonly string[]).includes(asked ?? "") ? (asked as AssigneeFilter) : "all";
  // A card shows its key, title, type, points, assignee and blocked flag: the page sends just that
  // (descriptions and criteria live on the story page), and once, with the filter as ids.
  const cards = board.stories.map(({ id, key, title, type, status, points, assigneeId, assignee, blocked }) => ({ id, key, title, type, status, points, assigneeId, assignee, blocked }));
  const shownIds = who === "all" ? null : filterByAssignee(board.stories, who, user.id).map((s) => s.id);
  const burndown = sprintBurndown(db, user, board.sprint.id);
  const { commitment, scopeChange } = commitmentOf({
    started: board.sprint.startSeq !== null,
    committedAtStart: burndown.committed,
    inSprintNow: board.stories.reduce((n, s) => n + (s.points ?? 0), 0),
  });
  const mean = lastThree(projectVelocity(db, board.project.id).closed)?.mean ?? null;
  const planning = board.sprint.state === "closed" ? null : {
    commitment,
    scopeChange,
    meanVelocity: mean,
    warnings: planningWarnings({ commitment, capacity: board.sprint.capacity, meanVelocity: mean }),
    ready: listBacklog(db, user, board.project.id, { sprint: "none" }).filter(isReady).slice(0, 15).map(({ id, title, points }) => ({ id, title, points })),
    capacity: capacitySuggestion(db, board.project.id, board.sprint, projectHolidays(db, board.project), mean),
    actions: openActions(db, user, board.project.id),
    myDaysOff: board.role ? myDaysOff(db, user.id, board.sprint) : [],
  };
  return json({
    planning,
    project: board.project,
    sprint: board.sprint,
    stories: cards,
    shownIds,
    who,
    whoNotice: asked !== null && asked !== who ? `There is no “${asked}” filter, so the board shows every story.` : null,
    members: board.members,
    nextSprintNumber: board.nextSprintNumber,
    burndown,
    report: board.sprint.report ? completeReport(board.sprint.report) : null,
    glance: board.sprint.state === "closed" ? null : ceremonyGlance(db, user, board.project, board.sprint.id),
    today: projectNow(board.project).slice(0, 10),
    can: {
      move: projectCan(user.role, board.role, "stories.moveStatus"),
      assign: projectCan(user.role, board.role, "stories.editContent"),
      manage: projectCan(user.role, board.role, "sprints.manage"),
      plan: projectCan(user.role, board.role, "backlog.order"),
      member: board.role !== null,
    },
  });
}

/** The board's filter, kept across a move or an assignment made from it. */
function boardFilter(form: FormData): string {
  const who = form.get("who");
  return typeof who === "string" && who !== "all" && (ASSIGNEE_FILTERS as readonly string[]).includes(who) ? `?who=${who}` : "";
}

const listedName = (db: Db, projectId: number, userId: number) => listMembers(db, projectId).find((m) => m.userId === userId)?.name ?? null;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const db = getDb();
  const id = Number(params.id);
  try {
    switch (form.get("intent")) {
      case "status": {
        const story = updateStory(db, user, Number(form.get("storyId")), { status: form.get("status") });
        return redirectWithFlash(`/sprints/${id}${boardFilter(form)}`, `${story.key} “${story.title}” is now ${story.status.replace("_", " ")}.`);
      }
      case "assign": {
        const story = updateStory(db, user, Number(form.get("storyId")), fromForm(StoryChangeSchema, { assigneeId: form.get("assigneeId") || null }));
        const name = story.assigneeId ? listedName(db, story.projectId, story.assigneeId) : null;
        return redirectWithFlash(`/sprints/${id}${boardFilter(form)}`, name ? `${story.key} is now assigned to ${name}.` : `${story.key} is now unassigned.`);
      }
      case "plan": {
        const story = updateStory(db, user, Number(form.get("storyId")), { sprintId: id });
        return redirectWithFlash(`/sprints/${id}`, `“${story.title}” added to the sprint.`);
      }
      case "day-off": {
        addDayOff(db, user, id, { date: form.get("date") });
        return redirectWithFlash(`/sprints/${id}`, `Day off on ${form.get("date")} recorded.`);
      }
      case "remove-day-off": {
        removeDayOff(db, user, id, { date: form.get("date") });
        return redirectWithFlash(`/sprints/${id}`, `Day off on ${form.get("date")} removed.`);
      }
      case "remove-member-day-off": {
        removeMemberDayOff(db, user, id, fromForm(DayOffRemovalSchema, { date: form.get("date"), userId: form.get("userId") }));
        return redirectWithFlash(`/sprints/${id}`, `Day off on ${form.get("date")} removed; the suggested capacity counts it no more.`);
      }
      case "settings": {
        const before = findSprint(db, id);
        const sprint = updateSprint(db, user, id, fromForm(SprintChangeSchema, { goal: form.get("goal") ?? "", capacity: form.get("capacity") === "" ? null : form.get("capacity"), startOn: form.get("startOn") || undefined }));
        return redirectWithFlash(`/sprints/${id}`, sprint.start !== before.start ? `Sprint ${sprint.number} now starts on ${sprint.start}; later planned sprints follow.` : "Sprint goal and capacity saved.");
      }
      case "start":
        startSprint(db, user, id);
        return redirectWithFlash(`/sprints/${id}`, "Sprint started: its committed points are fixed now.");
      case "close": {
        const sprint = closeSprint(db, user, id, { unfinished: form.get("unfinished") }, new Date(), confirmationOf(form));
        return redirectWithFlash(`/sprints/${id}`, `Sprint ${sprint.number} closed: ${sprint.report?.completed ?? 0} of ${sprint.report?.committed ?? 0} committed points accepted.`);
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

export default function SprintPage() {
  const { project, sprint, stories, shownIds, who, whoNotice, members, nextSprintNumber, burndown, report, can, planning, glance, today } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const settingsErrors = errors?.values.intent === "settings" ? errors : undefined;
  const dayOffErrors = errors?.values.intent === "day-off" ? errors : undefined;
  const closeErrors = errors?.values.intent === "close" ? errors : undefined;
  const daysLeft = burndown.days.filter((d) => d.date >= today).length;
  const shown = shownIds === null ? stories : stories.filter((s) => shownIds.includes(s.id));
  const drag = useBoardDrag(shown, who);
  const statusOf = (s: (typeof shown)[number]) => drag.placed(s.id) ?? s.status;
  const points = (status: string) => shown.filter((s) => statusOf(s) === status).reduce((n, s) => n + (s.points ?? 0), 0);
  const movable = can.move && sprint.state === "active";
  return (
    <>
      <ProjectNav projectId={project.id} current="board" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title={<>Sprint {sprint.number}</>} actions={
          <>
            {sprint.state !== "planned" ? (
              <div className="actions">
                <Link to={`/sprints/${sprint.id}/demo`} className="button button--quiet">
                  Demo
                </Link>
                <Link to={`/sprints/${sprint.id}/retro`} className="button button--quiet">
                  Retrospective
                </Link>
              </div>
            ) : null}
            {can.manage && sprint.state === "planned" ? (
              <PostForm>
                <input type="hidden" name="intent" value="start" />
                <button type="submit" className="button">
                  Start sprint
                </button>
              </PostForm>
            ) : null}
          </>
        }>
        <p>
          {sprint.start} → {sprint.end} · {sprint.state}
          {sprint.goal ? ` · Goal: ${sprint.goal}` : ""}
        </p>
      </PageHeader>
      <FormMessage message={errors?.consequence ? null : errors?.message} />

      {glance ? (
        <section className="card glance" aria-labelledby="glance-title">
          <h2 id="glance-title" className="visually-hidden">
            Ceremonies
          </h2>
          <div className="glance__item" data-testid="glance-today">
            <div className="glance__label">Today</div>
            {glance.today.length ? (
              glance.today.map((c) => (
                <div key={c.id}>
                  <Link to={`/ceremonies/${c.id}`}>{c.name}</Link> <span className="mono">{c.time}</span>
                  {c.phase === "over" ? <span className="muted"> · over</span> : c.phase === "now" ? <span className="status status--today"> under way</span> : null}
                </div>
              ))
            ) : (
              <div className="muted">No ceremony today.</div>
            )}
          </div>
          <div className="glance__item" data-testid="glance-next">
            <div className="glance__label">Next</div>
            {glance.next ? (
              <div>
                <Link to={`/ceremonies/${glance.next.id}`}>{glance.next.name}</Link> · {glance.next.date === today ? "today" : formatDay(glance.next.date)} <span className="mono">{glance.next.time}</span>
              </div>
            ) : (
              <div className="muted">No more ceremonies this sprint.</div>
            )}
          </div>
          <div className="glance__item">
            <Link to={`/projects/${project.id}/ceremonies?sprint=${sprint.id}`}>All ceremonies of the sprint</Link>
            {sprint.state === "active" ? (
              <>
                {" · "}
                <Link to={`/sprints/${sprint.id}/standup`}>Standup</Link>
              </>
            ) : null}
          </div>
        </section>
      ) : null}

      {report ? (
        <section aria-labelledby="report-title" style={{ marginBottom: "1.5rem" }}>
          <h2 id="report-title" className="visually-hidden">
            Sprint report
          </h2>
          <div className="stat-grid" data-testid="sprint-report">
            {(
              [
                ["committed", "committed at start"],
                ["added", "added after start"],
                ["removed", "removed after start"],
                ["reestimated", "re-estimated"],
                ["completed", "completed (accepted)"],
                ["notCompleted", "not completed"],
              ] as const
            ).map(([key, label]) => (
              <div className="stat" key={key}>
                <div className="stat__value">{key === "reestimated" && report[key] > 0 ? `+${report[key]}` : report[key]}</div>
                <div className="stat__label">{label}</div>
              </div>
            ))}
          </div>
          <p className="muted" data-testid="report-sum">
            {report.committed} committed + {report.added} added − {report.removed} removed {report.reestimated < 0 ? "−" : "+"} {Math.abs(report.reestimated)} re-estimated = {report.completed} completed + {report.notCompleted} not completed
          </p>
        </section>
      ) : null}

      {planning ? (
        <PlanningPanel folded={sprint.state === "active"} open={Boolean(settingsErrors || dayOffErrors)} summary={planningSummary({ commitment: planning.commitment, scopeChange: planning.scopeChange, capacity: sprint.capacity, daysLeft, actions: planning.actions.length, warnings: planning.warnings.length })}>
          <div className="stat-grid" style={{ marginBottom: "1rem" }}>
            <div className="stat">
              <div className="stat__value" data-testid="commitment">{planning.commitment}</div>
              <div className="stat__label">{planning.scopeChange === null ? "points committed" : "points committed at start"}</div>
            </div>
            {planning.scopeChange ? (
              <div className="stat">
                <div className="stat__value" data-testid="scope-change">{planning.scopeChange > 0 ? `+${planning.scopeChange}` : planning.scopeChange}</div>
                <div className="stat__label">scope change since the start</div>
              </div>
            ) : null}
            <div className="stat">
              <div className="stat__value">{sprint.capacity ?? "—"}</div>
              <div className="stat__label">capacity</div>
            </div>
            <div className="stat">
              <div className="stat__value">{planning.meanVelocity === null ? "—" : Math.round(planning.meanVelocity * 10) / 10}</div>
              <div className="stat__label">mean velocity, last 3 sprints</div>
            </div>
          </div>
          <p className="muted" data-testid="suggested-capacity">
            {planning.capacity.suggested === null
              ? "No suggested capacity yet: it needs a closed sprint's velocity and team members."
              : `Suggested capacity: ${planning.capacity.suggested} points — the mean velocity scaled by ${planning.capacity.members.length} team members' days off over ${planning.capacity.workingDays} working days.`}
          </p>
          {planning.capacity.members.length ? (
            <ul className="muted">
              {planning.capacity.members.map((m) => (
                <li key={m.userId} data-testid={`days-off-${m.userId}`}>
                  {m.name}: {!m.daysOff.length ? "no days off" : can.manage ? `${m.daysOff.length} ${m.daysOff.length === 1 ? "day" : "days"} off` : m.daysOff.join(", ")}
                  {can.manage && m.daysOff.length ? (
                    <ul className="chip-list" aria-label={`${m.name}'s days off in this sprint`}>
                      {m.daysOff.map((date) => (
                        <li key={date}>
                          <PostForm className="chip">
                            <input type="hidden" name="intent" value="remove-member-day-off" />
                            <input type="hidden" name="userId" value={m.userId} />
                            <input type="hidden" name="date" value={date} />
                            <span>{formatDay(date)}</span>
                            <button type="submit" className="button button--quiet" aria-label={`Remove ${m.name}'s day off on ${formatDay(date)}`}>
                              Remove
                            </button>
                          </PostForm>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {can.member ? (
            <PostForm className="form form--inline">
              <input type="hidden" name="intent" value="day-off" />
              <div className={dayOffErrors?.fields.date ? "field field--error" : "field"} style={{ maxWidth: "12rem" }}>
                <label htmlFor="day-off">My day off</label>
                <input id="day-off" name="date" type="date" min={sprint.start} max={sprint.end} defaultValue={dayOffErrors?.values.date ?? ""} aria-invalid={dayOffErrors?.fields.date ? true : undefined} aria-describedby={dayOffErrors?.fields.date ? "day-off-error" : undefined} />
                {dayOffErrors?.fields.date ? (
                  <p className="field__error" id="day-off-error">
                    {dayOffErrors.fields.date}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button button--quiet">
                Add day off
              </button>
            </PostForm>
          ) : null}
          {planning.myDaysOff.length ? (
            <ul className="chip-list" aria-label="My days off in this sprint" data-testid="my-days-off">
              {planning.myDaysOff.map((date) => (
                <li key={date}>
                  <PostForm className="chip">
                    <input type="hidden" name="intent" value="remove-day-off" />
                    <input type="hidden" name="date" value={date} />
                    <span>{formatDay(date)}</span>
                    <button type="submit" className="button button--quiet" aria-label={`Remove my day off on ${formatDay(date)}`}>
                      Remove
                    </button>
                  </PostForm>
                </li>
              ))}
            </ul>
          ) : null}
          {planning.actions.length ? (
            <div className="alert alert--info" data-testid="open-actions">
              <strong>Open retrospective actions:</strong>
              <ul style={{ margin: "0.25rem 0 0" }}>
                {planning.actions.map((a) => (
                  <li key={a.id}>
                    {a.text} — {a.owner ?? "no owner"} (sprint {a.number})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {planning.warnings.map((w) => (
            <div key={w} className="alert alert--error" role="alert">
              {w}
            </div>
          ))}
          {can.manage ? (
            <PostForm className="form form--inline">
              <input type="hidden" name="intent" value="settings" />
              <div className="field" style={{ flex: "2 1 16rem" }}>
                <label htmlFor="goal">Sprint goal</label>
                <input id="goal" name="goal" defaultValue={settingsErrors ? settingsErrors.values.goal : sprint.goal} />
                {settingsErrors?.fields.goal ? <p className="field__error">{settingsErrors.fields.goal}</p> : null}
              </div>
              <div className="field" style={{ maxWidth: "8rem" }}>
                <label htmlFor="capacity">Capacity (points)</label>
                <input id="capacity" name="capacity" type="number" min={0} defaultValue={settingsErrors ? settingsErrors.values.capacity : (sprint.capacity ?? "")} />
                {settingsErrors?.fields.capacity ? <p className="field__error">{settingsErrors.fields.capacity}</p> : null}
              </div>
              {sprint.state === "planned" ? (
                <div className={settingsErrors?.fields.startOn ? "field field--error" : "field"} style={{ maxWidth: "12rem" }}>
                  <label htmlFor="start-on">Starts on</label>
                  <input id="start-on" name="startOn" type="date" defaultValue={settingsErrors ? settingsErrors.values.startOn : sprint.start} aria-describedby="start-on-hint" />
                  <p className="field__hint" id="start-on-hint">
                    A later date leaves a gap (a change freeze); later planned sprints follow.
                  </p>
                  {settingsErrors?.fields.startOn ? <p className="field__error">{settingsErrors.fields.startOn}</p> : null}
                </div>
              ) : null}
              <button type="submit" className="button button--quiet">
                Save
              </button>
            </PostForm>
          ) : null}
          {can.plan && planning.ready.length ? (
            <>
              <h3 style={{ fontSize: "1rem" }}>Ready stories at the top of the backlog</h3>
              <ul className="idea-list">
                {planning.ready.map((s) => (
                  <li key={s.id} className="backlog-row" style={{ gridTemplateColumns: "auto 1fr auto" }}>
                    <span className="points">{s.points}</span>
                    <span>{s.title}</span>
                    <PostForm>
                      <input type="hidden" name="intent" value="plan" />
                      <input type="hidden" name="storyId" value={s.id} />
                      <button type="submit" className="button button--quiet" aria-label={`Add ${s.title} to the sprint`}>
                        Add
                      </button>
                    </PostForm>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </PlanningPanel>
      ) : null}

      <section className="card" aria-labelledby="board-title">
        <div className="section-head">
          <h2 id="board-title">Board</h2>
          <nav className="filter-links" aria-label="Whose stories">
            {ASSIGNEE_FILTERS.map((f) => (
              <Link key={f} to={f === "all" ? `/sprints/${sprint.id}` : `/sprints/${sprint.id}?who=${f}`} aria-current={who === f ? "page" : undefined} preventScrollReset>
                {ASSIGNEE_FILTER_LABELS[f]}
              </Link>
            ))}
          </nav>
        </div>
        {whoNotice ? (
          <p className="alert alert--info" data-testid="list-notice">
            {whoNotice}
          </p>
        ) : null}
        {stories.length === 0 ? <p className="muted">No stories planned. Plan Ready stories into this sprint from the <Link to={`/projects/${project.id}/backlog`}>backlog</Link>.</p> : null}
        {stories.length > 0 && shown.length === 0 ? (
          <p className="empty-state">{who === "mine" ? "Nothing in this sprint is assigned to you. Pick an unassigned story and assign it to yourself." : "Every story in this sprint has an assignee."}</p>
        ) : null}
        {/* Said when a drop is refused; always in the page so screen readers already watch it. */}
        <div className="board__message" aria-live="assertive" data-testid="board-message">
          {drag.message ? <p className="alert alert--error">{drag.message}</p> : null}
        </div>
        <div className="board">
          {COLUMNS.map((col, ci) => (
            <section
              className={drag.over === col.status ? "board__column board__column--target" : "board__column"}
              key={col.status}
              aria-labelledby={`col-${col.status}`}
              {...(movable && drag.enabled ? drag.target(col.status) : {})}>
              <h3 id={`col-${col.status}`}>
                <span>{col.label}</span> <span className="muted">{points(col.status)} pts</span>
              </h3>
              {shown
                .filter((s) => statusOf(s) === col.status)
                .map((s) => (
                  <article
                    key={s.id}
                    className={drag.placed(s.id) ? "story-card story-card--moving" : "story-card"}
                    data-testid={`card-${s.id}`}
                    {...(movable && drag.enabled && statusOf(s) !== "accepted" ? drag.source(s.id) : {})}>
                    <div className="story-card__head">
                      <span className="story-key">{s.key}</span>
                      {s.blocked ? <span className="badge badge--blocked">Blocked</span> : null}
                      {s.assignee ? (
                        <span className="avatar" title={s.assignee.name}>
                          <span aria-hidden="true">{s.assignee.initials}</span>
                          <span className="visually-hidden">Assigned to {s.assignee.name}</span>
                        </span>
                      ) : null}
                    </div>
                    <strong>
                      <Link to={`/stories/${s.id}`} className="story-link">
                        {s.title}
                      </Link>
                    </strong>
                    <div className="story-card__meta">
                      <span className="points">{s.points ?? "?"}</span> {s.type}
                      {col.status !== "accepted" ? (
                        <Link to={`/projects/${project.id}/blockers?story=${s.id}`} aria-label={`Blocked? Raise a blocker on ${s.title}`}>
                          Blocked?
                        </Link>
                      ) : null}
                    </div>
                    {can.move && sprint.state === "active" && col.status !== "accepted" ? (
                      <PostForm className="actions">
                        <input type="hidden" name="intent" value="status" />
                        <input type="hidden" name="storyId" value={s.id} />
                        <input type="hidden" name="who" value={who} />
                        {ci > 0 ? (
                          <button type="submit" name="status" value={COLUMNS[ci - 1].status} className="button button--quiet" aria-label={`Move ${s.title} back to ${COLUMNS[ci - 1].label}`}>
                            ←
                          </button>
                        ) : null}
                        {ci < 2 ? (
                          <button type="submit" name="status" value={COLUMNS[ci + 1].status} className="button button--quiet" aria-label={`Move ${s.title} to ${COLUMNS[ci + 1].label}`}>
                            →
                          </button>
                        ) : null}
                      </PostForm>
                    ) : null}
                    {can.assign && sprint.state !== "closed" ? (
                      <details className="card-assign">
                        <summary>{s.assignee ? "Reassign" : "Assign"}</summary>
                        <PostForm className="row-actions">
                          <input type="hidden" name="intent" value="assign" />
                          <input type="hidden" name="storyId" value={s.id} />
                          <input type="hidden" name="who" value={who} />
                          <label className="visually-hidden" htmlFor={`assignee-${s.id}`}>
                            Assignee of {s.key}
                          </label>
                          <select id={`assignee-${s.id}`} name="assigneeId" defaultValue={s.assigneeId ?? ""}>
                            <option value="">Nobody</option>
                            {members.map((m) => (
                              <option key={m.id} value={m.id}>
                                {m.name}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="button button--quiet">
                            Save
                          </button>
                        </PostForm>
                      </details>
                    ) : null}
                  </article>
                ))}
            </section>
          ))}
        </div>
      </section>

      <section className="card" aria-labelledby="burndown-title">
        <h2 id="burndown-title">Burndown</h2>
        {sprint.startedAt ? (
          <BurndownChart days={burndown.days} committed={burndown.committed} scopeChanges={burndown.scopeChanges} today={today} />
        ) : (
          <p className="muted">The burndown starts when the sprint starts; its committed points are what it holds then.</p>
        )}
      </section>

      {can.manage && sprint.state === "active" ? (
        <section className="card" aria-labelledby="close-title">
          <h2 id="close-title">Close the sprint</h2>
          <p className="muted">Every story not accepted is unfinished; done stories stay done and join the next demo.</p>
          <PostForm className="form form--inline">
            <input type="hidden" name="intent" value="close" />
            <div className="field">
              <label htmlFor="unfinished">Unfinished stories go</label>
              <select id="unfinished" name="unfinished" defaultValue={closeErrors ? closeErrors.values.unfinished : "backlog"}>
                <option value="backlog">to the top of the backlog</option>
                <option value="next">into the next sprint</option>
              </select>
            </div>
            {closeErrors?.consequence ? <CloseSummary groups={closeSummary(stories, closeErrors.values.unfinished === "next" ? "next" : "backlog", nextSprintNumber)} /> : null}
            <ConfirmStep errors={closeErrors} id="close-confirm" />
            <button type="submit" className="button button--danger">
              Close sprint {sprint.number}
            </button>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

/**
 * Drag and drop between the board's columns, once JavaScript runs. A drop sends the same
 * "status" intent the arrow buttons send, through a fetcher: the card shows in its new column
 * while the server decides (optimistic), and snaps back with the server's sentence, said in an
 * assertive live region, if the move is refused. Keyboards and pages without JavaScript keep
 * the arrow buttons; nothing here is needed to move a story.
 */
function useBoardDrag(shown: readonly { id: number; key: string | null; title: string; status: string }[], who: string) {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => setEnabled(true), []);
  const mover = useFetcher();
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const sending = mover.formData?.get("intent") === "status" ? { id: Number(mover.formData.get("storyId")), status: String(mover.formData.get("status")) } : null;
  const answer = mover.data as { errors?: { message: string; values: Record<string, string> } } | undefined;
  useEffect(() => {
    if (mover.state !== "idle" || !answer?.errors) return;
    const story = shown.find((s) => String(s.id) === answer.errors!.values.storyId);
    setMessage(`${story ? `${story.key ?? story.title} stays where it was: ` : ""}${answer.errors.message}`);
    // Only a new answer says something new; the board's own updates do not repeat it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mover.state, answer]);
  return {
    enabled,
    over,
    message,
    /** The column a card is shown in while its move is with the server. */
    placed: (id: number) => (sending && sending.id === id ? sending.status : null),
    source: (id: number) => ({
      draggable: true,
      onDragStart: (event: DragEvent) => {
        event.dataTransfer.setData("text/plain", String(id));
        event.dataTransfer.effectAllowed = "move";
        setDragged(id);
        setMessage(null);
      },
      onDragEnd: () => {
        setDragged(null);
        setOver(null);
      },
    }),
    target: (status: string) => ({
      onDragOver: (event: DragEvent) => {
        if (dragged === null) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (over !== status) setOver(status);
      },
      onDragLeave: (event: DragEvent) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
      },
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        setOver(null);
        const id = dragged ?? Number(event.dataTransfer.getData("text/plain"));
        setDragged(null);
        const story = shown.find((s) => s.id === id);
        if (!story || story.status === status) return;
        // The board stays where the person is looking after the redirect the move answers with.
        mover.submit({ intent: "status", storyId: String(id), status, who }, { method: "post", preventScrollReset: true });
      },
    }),
  };
}

/** The confirm step's list of what goes where, story by story, before the sprint closes. */
function CloseSummary({ groups }: { groups: CloseSummaryGroup[] }) {
  return (
    <div className="close-summary" data-testid="close-summary">
      {groups.map((g) => (
        <section key={g.kind} aria-labelledby={`close-${g.kind}`}>
          <h3 id={`close-${g.kind}`}>
            {g.title} <span className="muted">({g.stories.length === 1 ? "1 story" : `${g.stories.length} stories`}, {g.points} pts)</span>
          </h3>
          <ul>
            {g.stories.map((s) => (
              <li key={s.id}>
                {s.key ? <span className="story-key">{s.key}</span> : null} {s.title} <span className="points">{s.points ?? "?"}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/**
 * The planning panel. While the sprint runs it folds into one line of its key figures, so the
 * board is on the first screen; the disclosure opens to the whole panel (and opens by itself
 * when one of its forms was refused, so the message is seen). A planned sprint keeps it open.
 */
function PlanningPanel({ folded, open, summary, children }: { folded: boolean; open: boolean; summary: string; children: React.ReactNode }) {
  if (!folded) {
    return (
      <section className="card" aria-labelledby="planning-title">
        <h2 id="planning-title">Planning</h2>
        {children}
      </section>
    );
  }
  return (
    <section className="card planning-fold" aria-labelledby="planning-title">
      <details open={open || undefined}>
        <summary>
          <h2 id="planning-title">Planning</h2> <span className="planning-fold__line" data-testid="planning-summary">{summary}</span>
        </summary>
        <div className="planning-fold__body">{children}</div>
      </details>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
