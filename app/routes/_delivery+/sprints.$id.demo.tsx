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
import { DemoSchema, decideAtDemo, demoList } from "~/delivery/demo.server";
import { DOC_KIND_LABELS } from "~/delivery/docs";
import { formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Sprint demo · Sprintlab");

const LABEL = { accept: "Accepted", accept_with_follow_up: "Accepted with follow-up", reject: "Rejected" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const demo = orErrorPage(() => demoList(getDb(), user, Number(params.id)));
  return json({
    project: { id: demo.project.id, name: demo.project.name, timeZone: demo.project.timeZone },
    sprint: demo.sprint,
    stories: demo.stories,
    coProductOwners: demo.coProductOwners,
    can: { decide: projectCan(user.role, demo.role, "demo.decide"), onBehalf: projectCan(user.role, demo.role, "demo.decideOnBehalf") },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const id = Number(params.id);
  try {
    const story = decideAtDemo(
      getDb(),
      user,
      id,
      fromForm(DemoSchema, {
        storyId: form.get("storyId"),
        decision: form.get("decision"),
        comment: form.get("comment") ?? "",
        unmetCriteria: form.getAll("unmetCriteria"),
        then: form.get("then") || undefined,
        followUp: form.get("followUpTitle") ? { title: form.get("followUpTitle") } : undefined,
        onBehalfOf: form.get("onBehalfOf") || undefined,
      })
    );
    return redirectWithFlash(`/sprints/${id}/demo#story-${story.id}`, `Decision recorded for “${story.title}”.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function Demo() {
  const { project, sprint, stories, coProductOwners, can } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const mayDecide = (can.decide || can.onBehalf) && sprint.state === "active";
  return (
    <>
      <ProjectNav projectId={project.id} current="ceremonies" timeZone={project.timeZone} />
      <PageHeader
        crumbs={
          <>
            <Link to={`/projects/${project.id}`}>{project.name}</Link> / <Link to={`/sprints/${sprint.id}`}>Sprint {sprint.number}</Link> /
          </>
        }
        title={<>Sprint {sprint.number} demo</>}
        actions={
          <>
            <Link to={`/sprints/${sprint.id}/acceptance`} className="button button--quiet">
              Acceptance record
            </Link>
          </>
        }
      >
        <p>The co-product owner accepts or rejects each done story against its acceptance criteria. The decision is the acceptance.</p>
      </PageHeader>
      {stories.length === 0 ? (
        <div className="card empty-state">
          <h2>Nothing to demonstrate yet</h2>
          <p>Stories the team moves to Done appear here for a decision.</p>
        </div>
      ) : null}
      {stories.map((s) => {
        const current = s.decisions.find((d) => d.supersededById === null);
        const mine = errors?.values.storyId === String(s.id) ? errors : undefined;
        return (
          <section key={s.id} id={`story-${s.id}`} className="card" aria-labelledby={`demo-${s.id}`} data-testid={`demo-${s.id}`}>
            <div className="page-header" style={{ marginBottom: "0.5rem" }}>
              <h2 id={`demo-${s.id}`}>
                {s.key ? <><span className="mono muted">{s.key}</span>{" "}</> : null}
                <Link to={`/stories/${s.id}`} className="story-link">
                  {s.title}
                </Link>{" "}
                <span className="points">{s.points ?? "?"}</span>
              </h2>
              {current ? (
                <span className={`status ${current.decision === "reject" ? "status--late" : "status--delivered"}`}>{LABEL[current.decision]}</span>
              ) : (
                <span className="status status--under_pm_review">Awaiting decision</span>
              )}
            </div>
            {s.missingDocs.length ? (
              <p className="alert alert--info" data-testid={`missing-docs-${s.id}`}>
                Changes {s.missingDocs.map((k) => DOC_KIND_LABELS[k]).join(" and ")}, but no such document got a revision this sprint.
              </p>
            ) : null}
            <ol>
              {s.acceptanceCriteria.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ol>
            {s.decisions.length ? (
              <ul className="muted">
                {s.decisions.map((d) => (
                  <li key={d.id} style={{ textDecoration: d.supersededById ? "line-through" : undefined }}>
                    {LABEL[d.decision]} by {d.decidedBy} · {formatTimestamp(d.at, project.timeZone)}
                    {d.unmetCriteria.length ? ` · not met: ${d.unmetCriteria.map((i) => `#${i + 1}`).join(", ")}` : ""}
                    {d.comment ? ` — “${d.comment}”` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            {s.carriedOver ? <p className="muted">Done in an earlier sprint and carried over: it awaits its decision here.</p> : null}
            {mayDecide && s.allowed.length === 0 && sprint.state === "active" ? (
              <p className="muted" data-testid={`back-in-workflow-${s.id}`}>
                Back in the workflow after its rejection: it can be decided again once the team moves it to Done.
              </p>
            ) : null}
            {mayDecide && s.allowed.length ? (
              <PostForm className="form" style={{ maxWidth: "none" }} noValidate>
                <input type="hidden" name="storyId" value={s.id} />
                {mine ? (
                  <p className="field__error" role="alert">
                    {Object.values(mine.fields)[0] ?? mine.message}
                  </p>
                ) : null}
                {!can.decide ? <MemberSelect id={`behalf-${s.id}`} name="onBehalfOf" label="On behalf of" members={coProductOwners} /> : null}
                <div className="field">
                  <label htmlFor={`comment-${s.id}`}>Comment</label>
                  <input id={`comment-${s.id}`} name="comment" defaultValue={mine?.values.comment ?? ""} />
                </div>
                {s.allowed.includes("reject") ? (
                  <fieldset className="field" style={{ border: 0, padding: 0 }}>
                    <legend style={{ fontWeight: 600, fontSize: "0.875rem" }}>Criteria not met (to reject)</legend>
                    {s.acceptanceCriteria.map((c, i) => (
                      <label key={i} style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
                        <input type="checkbox" name="unmetCriteria" value={i} defaultChecked={(mine?.lists.unmetCriteria ?? []).includes(String(i))} style={{ width: "auto", minHeight: 0 }} /> {c}
                      </label>
                    ))}
                  </fieldset>
                ) : null}
                <div className="form--inline" style={{ marginBottom: 0 }}>
                  {s.allowed.includes("reject") ? (
                    <div className="field" style={{ maxWidth: "14rem" }}>
                      <label htmlFor={`then-${s.id}`}>A rejected story goes</label>
                      <select id={`then-${s.id}`} name="then" defaultValue={mine?.values.then ?? "in_progress"}>
                        <option value="in_progress">back to in progress</option>
                        <option value="backlog">to the backlog</option>
                      </select>
                    </div>
                  ) : null}
                  {s.allowed.includes("accept_with_follow_up") ? (
                    <div className="field" style={{ flex: "1 1 16rem" }}>
                      <label htmlFor={`follow-${s.id}`}>Follow-up story (to accept with follow-up)</label>
                      <input id={`follow-${s.id}`} name="followUpTitle" defaultValue={mine?.values.followUpTitle ?? ""} />
                    </div>
                  ) : null}
                </div>
                <div className="actions">
                  {s.allowed.includes("accept") ? (
                    <button type="submit" name="decision" value="accept" className="button" aria-label={`Accept ${s.title}`}>
                      Accept
                    </button>
                  ) : null}
                  {s.allowed.includes("accept_with_follow_up") ? (
                    <button type="submit" name="decision" value="accept_with_follow_up" className="button button--quiet" aria-label={`Accept with follow-up: ${s.title}`}>
                      Accept with follow-up
                    </button>
                  ) : null}
                  {s.allowed.includes("reject") ? (
                    <button type="submit" name="decision" value="reject" className="button button--danger" aria-label={`Reject ${s.title}`}>
                      Reject
                    </button>
                  ) : null}
                </div>
              </PostForm>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
