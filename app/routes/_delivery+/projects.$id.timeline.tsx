import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { getProject } from "~/delivery/projects.server";
import { releasePlan } from "~/delivery/release.server";
import { position, timeline } from "~/delivery/timeline";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Timeline · Sprintlab");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  orErrorPage(() => getProject(db, user, Number(params.id)));
  const plan = releasePlan(db, user, Number(params.id));
  return json({ project: { id: plan.project.id, name: plan.project.name }, ...timeline({ kickoff: plan.kickoff, sprints: plan.sprints, goLives: plan.goLives }) });
}

const COLORS = { kickoff: "#8a99ad", sprint: "#2f5d8a", cutover: "#b3493f", hypercare: "#c9a227", transition: "#2e8b57" } as const;

export default function Timeline() {
  const { project, entries, start, end } = useLoaderData<typeof loader>();
  return (
    <>
      <ProjectNav projectId={project.id} current="timeline" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title="Timeline">
        <p>
          {start} → {end}: kickoff, sprints, cutovers and hypercare, then the Transition to Customer Care.
        </p>
      </PageHeader>
      <section className="card">
        <ol style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {entries.map((e, i) => {
            const p = position(e, start, end);
            return (
              <li key={i} style={{ display: "grid", gridTemplateColumns: "minmax(8rem, 16rem) 1fr", gap: "0.75rem", alignItems: "center", padding: "0.25rem 0" }}>
                <span style={{ fontSize: "0.85rem" }}>
                  {e.label}
                  <span className="muted"> · {e.start === e.end ? e.start : `${e.start} → ${e.end}`}</span>
                </span>
                <span style={{ position: "relative", height: "1rem", background: "#eef1f5", borderRadius: 4 }} aria-hidden="true">
                  <span style={{ position: "absolute", left: `${p.left}%`, width: `${p.width}%`, top: 0, bottom: 0, background: COLORS[e.kind], borderRadius: 4 }} />
                </span>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
