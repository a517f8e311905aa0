import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { getProject, projectToday } from "~/delivery/projects.server";
import { releasePlan } from "~/delivery/release.server";
import { sprintEndOn } from "~/delivery/portfolio";
import { dayAt, position, timeline, timelineAxis } from "~/delivery/timeline";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";
import { ChartLegend, type LegendItem } from "~/components/charts/chart-legend";
import { OKABE_ITO } from "~/components/charts/palette";

export const meta: MetaFunction = () => pageMeta("Timeline · Sprintlab");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  orErrorPage(() => getProject(db, user, Number(params.id)));
  const plan = releasePlan(db, user, Number(params.id));
  const goLives = plan.goLives.map((g) => ({ ...g, forecastOn: g.doneAt || g.forecastSprint === null ? null : sprintEndOn(plan.sprints, g.forecastSprint) }));
  const t = timeline({ kickoff: plan.kickoff, sprints: plan.sprints, goLives });
  return json({ project: { id: plan.project.id, name: plan.project.name }, today: projectToday(plan.project), axis: timelineAxis(t.start, t.end), ...t });
}

const COLORS = { kickoff: OKABE_ITO.grey, sprint: OKABE_ITO.blue, cutover: OKABE_ITO.vermillion, hypercare: OKABE_ITO.orange, transition: OKABE_ITO.bluishGreen } as const;

const LEGEND: LegendItem[] = [
  { label: "Kickoff", color: COLORS.kickoff, shape: "bar" },
  { label: "Sprint", color: COLORS.sprint, shape: "bar" },
  { label: "Cutover", color: COLORS.cutover, shape: "bar" },
  { label: "Hypercare", color: COLORS.hypercare, shape: "bar" },
  { label: "Transition", color: COLORS.transition, shape: "bar" },
  { label: "Forecast ready", color: OKABE_ITO.reddishPurple, shape: "hollow" },
  { label: "Today", color: OKABE_ITO.black, shape: "vertical" },
];

const ROW = { display: "grid", gridTemplateColumns: "minmax(8rem, 16rem) 1fr", gap: "0.75rem", alignItems: "center" } as const;

export default function Timeline() {
  const { project, entries, start, end, today, axis } = useLoaderData<typeof loader>();
  const todayAt = dayAt(today, start, end);
  const todayLine = todayAt === null ? null : <span className="timeline-today" style={{ left: `${todayAt}%` }} />;
  const weekLines = axis.weeks.map((left) => <span key={left} className="timeline-week" style={{ left: `${left}%` }} />);
  return (
    <>
      <ProjectNav projectId={project.id} current="timeline" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title="Timeline">
        <p>
          {start} → {end}: kickoff, sprints, cutovers and hypercare, then the Transition to Customer Care. Today is {today}
          {todayAt === null ? (today < start ? ", before the timeline starts" : ", after the timeline ends") : ""}.
        </p>
      </PageHeader>
      <section className="card release-timeline">
        <div style={ROW} aria-hidden="true">
          <span />
          <span className="timeline-axis">
            {axis.months.map((m) => (
              <span key={m.left} className="timeline-month" style={{ left: `${m.left}%` }}>
                {m.label}
              </span>
            ))}
            {todayAt === null ? null : (
              <span className="timeline-today-label" style={{ left: `${todayAt}%` }}>
                Today
              </span>
            )}
          </span>
        </div>
        <ol style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {entries.map((e, i) => {
            const p = position(e, start, end);
            const forecastAt = e.forecastOn ? dayAt(e.forecastOn, start, end) : null;
            return (
              <li key={i} style={{ ...ROW, padding: "0.25rem 0" }}>
                <span style={{ fontSize: "0.85rem" }}>
                  {e.label}
                  <span className="muted"> · {e.start === e.end ? e.start : `${e.start} → ${e.end}`}</span>
                  {e.forecastOn ? (
                    <span className="muted">
                      {" "}
                      · forecast ready {e.forecastOn}
                      {e.forecastOn > e.start ? " (late)" : ""}
                    </span>
                  ) : null}
                </span>
                <span className="timeline-track" aria-hidden="true">
                  {weekLines}
                  <span style={{ position: "absolute", left: `${p.left}%`, width: `${p.width}%`, top: 0, bottom: 0, background: COLORS[e.kind], borderRadius: 4 }} />
                  {forecastAt === null ? null : <span className="timeline-forecast" style={{ left: `${forecastAt}%` }} />}
                  {todayLine}
                </span>
              </li>
            );
          })}
        </ol>
        <ChartLegend items={LEGEND} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
