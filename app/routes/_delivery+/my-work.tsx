import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/auth/session.server";
import { BurndownSparkline } from "~/components/charts/burndown-sparkline";
import { ErrorPage } from "~/components/error-page";
import { PageHeader } from "~/components/page-header";
import { pageMeta } from "~/components/page-meta";
import { STORY_STATUS_LABELS } from "~/delivery/backlog";
import { myWork } from "~/delivery/my-work.server";
import { getDb } from "~/lib/db.server";
import { formatDay } from "~/lib/dates";

export const meta: MetaFunction = () => pageMeta("My work · Sprintlab", "Your stories in running sprints, the decisions awaiting you, your blockers and retrospective actions, and today's ceremonies.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(myWork(getDb(), user));
}

const points = (n: number | null) => (n === null ? "unestimated" : `${n} ${n === 1 ? "pt" : "pts"}`);

/** One section of the page: a heading with its count, the items, or a sentence saying what to do next. */
function Section({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: ReactNode; children: ReactNode }) {
  return (
    <section className="card my-work__section" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>
        {title} <span className="count-pill">{count}</span>
      </h2>
      {count ? <ul className="delivery-links">{children}</ul> : <p className="muted">{empty}</p>}
    </section>
  );
}

function StoryName({ id, storyKey, title }: { id: number; storyKey: string | null; title: string }) {
  return (
    <Link to={`/stories/${id}`}>
      {storyKey ? <span className="mono">{storyKey}</span> : null} {title}
    </Link>
  );
}

const PHASE = { over: "over", now: "under way", later: null } as const;

export default function MyWork() {
  const work = useLoaderData<typeof loader>();
  const decisions = work.demoDecisions.length + work.goNoGo.length;
  return (
    <>
      <PageHeader title="My work">
        <p>
          {work.projectCount
            ? `What waits for you today on your ${work.projectCount === 1 ? "project" : `${work.projectCount} projects`}.`
            : "You are not a member of any project yet: once a scrum master adds you, your work shows here."}
        </p>
      </PageHeader>
      <div className="my-work">
        {work.roles.coProductOwner ? (
          <Section
            id="my-decisions"
            title="Awaiting your decision"
            count={decisions}
            empty="Nothing awaits your decision. Stories the team moves to Done in a running sprint appear here to accept or reject at the demo, and go-lives when their go / no-go is due."
          >
            {work.demoDecisions.map((s) => (
              <li key={`story-${s.id}`} data-testid={`decide-story-${s.id}`}>
                <StoryName id={s.id} storyKey={s.key} title={s.title} />
                <div className="muted">
                  {s.projectName} · {points(s.points)}
                  {s.carriedOver ? " · done in an earlier sprint" : ""} ·{" "}
                  <Link to={`/sprints/${s.sprintId}/demo#story-${s.id}`}>
                    Decide at the Sprint {s.sprintNumber} demo<span className="visually-hidden"> for “{s.title}”</span>
                  </Link>
                </div>
              </li>
            ))}
            {work.goNoGo.map((g) => (
              <li key={`go-live-${g.id}`} data-testid={`decide-go-live-${g.id}`}>
                <Link to={`/projects/${g.projectId}/release#gl-${g.id}`}>Go / no-go: {g.name}</Link>
                <div className="muted">
                  {g.projectName} · cutover {formatDay(g.cutoverOn)} · sprint {g.sprintNumber}
                </div>
              </li>
            ))}
          </Section>
        ) : null}

        {work.roles.scrumMaster ? (
          <section className="card my-work__section" aria-labelledby="my-sprints-title" data-testid="my-sprints">
            <h2 id="my-sprints-title">
              Your sprints at a glance <span className="count-pill">{work.sprints.length}</span>
            </h2>
            {work.sprints.length ? (
              <ul className="delivery-links">
                {work.sprints.map((g) => {
                  const said = `Burndown of sprint ${g.sprint.number}: ${g.burndown.committed} points committed, ${g.burndown.remainingToday ?? g.burndown.committed} remaining today.`;
                  return (
                    <li key={g.sprint.id} className="sprint-glance" data-testid={`glance-sprint-${g.sprint.id}`}>
                      <div>
                        <Link to={`/sprints/${g.sprint.id}`}>
                          {g.projectName} · Sprint {g.sprint.number}
                        </Link>
                        <div className="muted">
                          {g.workingDaysLeft} working {g.workingDaysLeft === 1 ? "day" : "days"} left (ends {formatDay(g.sprint.end)})
                        </div>
                        <div>
                          {g.points.done} of {g.points.total} pts done · {g.points.doneNotAccepted} pts done, not yet accepted
                        </div>
                      </div>
                      <BurndownSparkline days={g.burndown.days} committed={g.burndown.committed} label={said} />
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="muted">None of the projects you run has a sprint under way: start the next one from its sprint page.</p>
            )}
          </section>
        ) : null}

        <Section
          id="my-stories"
          title="Assigned to you"
          count={work.assigned.length}
          empty={
            <>
              No story of a running sprint is assigned to you. Take an unassigned one from your sprint board (filter “Unassigned”), or see <Link to="/projects">your projects</Link>.
            </>
          }
        >
          {work.assigned.map((s) => (
            <li key={s.id} data-testid={`my-story-${s.id}`}>
              <StoryName id={s.id} storyKey={s.key} title={s.title} />
              <div className="muted">
                {s.projectName} · <Link to={`/sprints/${s.sprintId}`}>Sprint {s.sprintNumber}</Link> · {STORY_STATUS_LABELS[s.status]} · {points(s.points)}
              </div>
            </li>
          ))}
        </Section>

        <Section id="my-ceremonies" title="Today and next" count={work.ceremonies.length} empty="No ceremony is coming up on your projects: they are laid on the calendar when the scrum master plans sprints.">
          {work.ceremonies.map((c) => (
            <li key={c.id} data-testid={`my-ceremony-${c.id}`}>
              <Link to={`/ceremonies/${c.id}`}>{c.name}</Link> · {c.today ? "today" : formatDay(c.date)} <span className="mono">{c.time}</span>
              {c.phase && PHASE[c.phase] ? <span className="muted"> · {PHASE[c.phase]}</span> : null}
              <div className="muted">
                {c.projectName} · sprint {c.sprintNumber} · {c.minutes} min
              </div>
            </li>
          ))}
        </Section>

        <Section id="my-blockers" title="Your open blockers" count={work.blockers.length} empty="No open blocker is yours. When something stops the work, raise it from the board, a standup or the project's blocker list.">
          {work.blockers.map((b) => (
            <li key={b.id} data-testid={`my-blocker-${b.id}`}>
              <Link to={`/projects/${b.projectId}/blockers#blocker-${b.id}`}>{b.title}</Link>
              <div className="muted">
                {b.projectName} · {b.side === "customer" ? "customer side" : "delivery side"} · raised {b.ageDays === 0 ? "today" : `${b.ageDays} ${b.ageDays === 1 ? "day" : "days"} ago`}
                {b.dueOn ? (b.overdue ? <span className="status status--late"> overdue since {formatDay(b.dueOn)}</span> : ` · due ${formatDay(b.dueOn)}`) : ""}
              </div>
            </li>
          ))}
        </Section>

        <Section id="my-actions" title="Your retrospective actions" count={work.retroActions.length} empty="No open retrospective action is yours. Actions given to you at a retrospective stay here until they are closed.">
          {work.retroActions.map((a) => (
            <li key={a.id} data-testid={`my-action-${a.id}`}>
              <Link to={`/sprints/${a.sprintId}/retro#retro-${a.id}`}>{a.text}</Link>
              <div className="muted">
                {a.projectName} · from the sprint {a.sprintNumber} retrospective
              </div>
            </li>
          ))}
        </Section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
