import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { projectCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { listUsers } from "~/auth/users.server";
import { VelocityChart } from "~/components/charts/delivery-charts";
import { ErrorPage } from "~/components/error-page";
import { FormMessage } from "~/components/field";
import { reportStatus } from "~/delivery/portfolio.server";
import { endKickoff, getBaseline, updateProject } from "~/delivery/baseline.server";
import { listCalendars } from "~/calendar/calendars.server";
import { openActions } from "~/delivery/retro.server";
import { TEST_LABELS } from "~/delivery/customer-test";
import { acceptedNotPassed } from "~/delivery/customer-test.server";
import { Field } from "~/components/field";
import { MemberSchema, addMember, getProject, listMembers, projectPhase } from "~/delivery/projects.server";
import { MemberChangeSchema, changeMember, removeMember } from "~/delivery/members.server";
import { MembersCard, PROJECT_ROLE_LABELS } from "~/components/members-card";
import { GenerateSprintsSchema, generateSprints, listSprints, projectVelocity, startSprint } from "~/delivery/sprints.server";
import { redirectWithFlash } from "~/web/flash.server";
import { confirmationOf, formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { memberRemovedMessage } from "~/delivery/edit-rules";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data?.project.name ?? "Project"} · Delivery · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const { project, kickoff, role } = orErrorPage(() => getProject(db, user, Number(params.id)));
  const manage = projectCan(user.role, role, "sprints.manage");
  return json({
    project,
    kickoff,
    role,
    phase: projectPhase(db, project),
    members: listMembers(db, project.id),
    sprints: listSprints(db, project.id),
    velocity: projectVelocity(db, project.id),
    candidates: projectCan(user.role, role, "members.manage") ? listUsers(db).filter((u) => u.active) : [],
    baseline: getBaseline(db, project.id),
    actions: openActions(db, user, project.id),
    untested: acceptedNotPassed(db, project.id),
    calendars: listCalendars(db).map((c) => ({ id: c.id, name: c.name })),
    can: { manage, members: projectCan(user.role, role, "members.manage"), edit: projectCan(user.role, role, "project.manage") },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const db = getDb();
  const id = Number(params.id);
  try {
    switch (form.get("intent")) {
      case "generate": {
        const made = generateSprints(db, user, id, fromForm(GenerateSprintsSchema, { count: form.get("count") }));
        return redirectWithFlash(`/projects/${id}`, `Sprints ${made[0].number}–${made.at(-1)!.number} generated.`);
      }
      case "start": {
        const sprint = startSprint(db, user, Number(form.get("sprintId")));
        return redirectWithFlash(`/sprints/${sprint.id}`, `Sprint ${sprint.number} started.`);
      }
      case "member":
        addMember(db, user, id, fromForm(MemberSchema, { userId: form.get("userId"), role: form.get("role"), side: form.get("side") || undefined }));
        return redirectWithFlash(`/projects/${id}`, "Member added.");
      case "member-role": {
        const m = changeMember(db, user, id, Number(form.get("userId")), fromForm(MemberChangeSchema, { role: form.get("role"), side: form.get("side") || undefined }));
        return redirectWithFlash(`/projects/${id}`, `${m.name} is now ${PROJECT_ROLE_LABELS[m.role]}${m.side === "customer" ? " (customer side)" : ""}.`);
      }
      case "remove-member": {
        const gone = removeMember(db, user, id, Number(form.get("userId")), { confirmation: confirmationOf(form) });
        return redirectWithFlash(`/projects/${id}`, memberRemovedMessage(gone));
      }
      case "edit":
        updateProject(db, user, id, {
          name: form.get("name"),
          customer: form.get("customer"),
          kind: form.get("kind"),
          sowSignedOn: form.get("sowSignedOn"),
          staffedOn: form.get("staffedOn"),
          kickoffStart: form.get("kickoffStart") || null,
          kickoffWeeks: form.get("kickoffWeeks"),
          timeZone: form.get("timeZone"),
          calendarId: form.get("calendarId") || null,
        });
        return redirectWithFlash(`/projects/${id}`, "Project saved; planned sprints follow the kickoff dates.");
      case "end-kickoff":
        endKickoff(db, user, id, { agreedBy: form.get("agreedBy") });
        return redirectWithFlash(`/projects/${id}`, "Kickoff ended: the release baseline is frozen.");
      case "status":
        reportStatus(db, user, id, { rag: form.get("rag"), note: form.get("note") });
        return redirectWithFlash(`/projects/${id}`, "Weekly status recorded.");
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

export default function ProjectPage() {
  const { project, kickoff, phase, members, sprints, velocity, candidates, can, baseline, calendars, actions, untested } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const hasActive = sprints.some((s) => s.state === "active");
  return (
    <>
      <ProjectNav projectId={project.id} current="overview" />
      <div className="page-header">
        <div>
          <p className="muted">
            <Link to="/projects">Delivery</Link> / {project.customer}
          </p>
          <h1>{project.name}</h1>
          <p>
            {phase} · Kickoff {kickoff.start} → {kickoff.end} ({kickoff.weeks} weeks) · {project.kind === "product_release" ? "Product release" : "Customer engagement"} · {project.timeZone}
          </p>
        </div>
        <div className="actions">
          <Link to={`/projects/${project.id}/grooming`} className="button button--quiet">
            Grooming
          </Link>
          <Link to={`/projects/${project.id}/transition`} className="button button--quiet">
            Transition
          </Link>
        </div>
      </div>
      <FormMessage message={["member-role", "remove-member"].includes(errors?.values.intent ?? "") ? null : errors?.message} />

      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="sprints-title">
            <h2 id="sprints-title">Sprints</h2>
            {sprints.length === 0 ? <p className="muted">No sprints yet. Sprint 1 starts on the first working day after kickoff ({kickoff.end}).</p> : null}
            <div className="table-wrap">
              <table className="responsive-table">
                <tbody>
                  {sprints.map((s) => (
                    <tr key={s.id}>
                      <td data-label="Sprint">
                        <Link to={`/sprints/${s.id}`}>Sprint {s.number}</Link>
                      </td>
                      <td data-label="Dates">
                        {s.start} → {s.end}
                      </td>
                      <td data-label="State">
                        <span className={`status ${s.state === "active" ? "status--in_development" : s.state === "closed" ? "status--merged" : "status--community_review"}`}>{s.state}</span>
                      </td>
                      <td data-label="Report">{s.report ? `${s.report.completed} of ${s.report.committed} pts accepted` : ""}</td>
                      <td>
                        {can.manage && s.state === "planned" && !hasActive && s.number === Math.min(...sprints.filter((x) => x.state === "planned").map((x) => x.number)) ? (
                          <PostForm>
                            <input type="hidden" name="intent" value="start" />
                            <input type="hidden" name="sprintId" value={s.id} />
                            <button type="submit" className="button button--quiet">
                              Start sprint {s.number}
                            </button>
                          </PostForm>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {can.manage ? (
              <PostForm className="form form--inline" style={{ marginTop: "1rem" }}>
                <input type="hidden" name="intent" value="generate" />
                <div className="field" style={{ maxWidth: "8rem" }}>
                  <label htmlFor="count">Sprints to add</label>
                  <input id="count" name="count" type="number" min={1} max={12} defaultValue={errors?.values.count ?? 3} />
                  {errors?.fields.count ? <p className="field__error">{errors.fields.count}</p> : null}
                </div>
                <button type="submit" className="button button--quiet">
                  Generate sprints
                </button>
              </PostForm>
            ) : null}
          </section>
          <section className="card" aria-labelledby="actions-title">
            <h2 id="actions-title">Open retrospective actions</h2>
            {actions.length === 0 ? (
              <p className="muted">None open. Actions agreed at a retrospective show here until they are closed.</p>
            ) : (
              <ul>
                {actions.map((a) => (
                  <li key={a.id}>
                    {a.text} — {a.owner} · <Link to={`/sprints/${a.sprintId}/retro`}>sprint {a.number}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="untested-title">
            <h2 id="untested-title">Accepted, not yet passed customer testing ({untested.length})</h2>
            {untested.length === 0 ? (
              <p className="muted">Every accepted story has passed customer testing.</p>
            ) : (
              <ul data-testid="untested">
                {untested.map((s) => (
                  <li key={s.id}>
                    <Link to={`/stories/${s.id}`}>{s.title}</Link> <span className="muted">· {s.testStatus ? TEST_LABELS[s.testStatus] : "not started"}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="velocity-title">
            <h2 id="velocity-title">Velocity</h2>
            <VelocityChart sprints={velocity.sprints} mean={velocity.mean} />
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="baseline-title">
            <h2 id="baseline-title">Release baseline</h2>
            {baseline ? (
              <>
                <p>
                  {baseline.totalPoints} points, frozen {baseline.at.slice(0, 10)}, agreed by {members.find((m) => m.userId === baseline.agreedById)?.name ?? "the co-product owner"}.
                </p>
                <ul className="muted">
                  {baseline.goLives.map((g) => (
                    <li key={g.id}>
                      {g.name}: {g.points} pts, cutover {g.cutoverOn}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="muted">Frozen when kickoff ends; later charts show scope growth against it.</p>
            )}
            {can.edit && !baseline ? (
              <PostForm className="form">
                <input type="hidden" name="intent" value="end-kickoff" />
                <div className={errors?.fields.agreedBy ? "field field--error" : "field"}>
                  <label htmlFor="agreedBy">Agreed by (co-product owner)</label>
                  <select id="agreedBy" name="agreedBy">
                    {members
                      .filter((m) => m.role === "co_product_owner")
                      .map((m) => (
                        <option key={m.userId} value={m.userId}>
                          {m.name}
                        </option>
                      ))}
                  </select>
                  {errors?.fields.agreedBy ? <p className="field__error">{errors.fields.agreedBy}</p> : null}
                </div>
                <div>
                  <button type="submit" className="button button--quiet">
                    End kickoff and freeze the baseline
                  </button>
                </div>
              </PostForm>
            ) : null}
          </section>
          <MembersCard members={members} candidates={candidates} manage={can.members} errors={errors} />
          {can.edit ? (
            <section className="card" aria-labelledby="edit-title">
              <details>
                <summary>
                  <h2 id="edit-title" style={{ display: "inline", fontSize: "1.1rem" }}>
                    Edit project
                  </h2>
                </summary>
                <PostForm className="form" style={{ marginTop: "0.75rem" }} noValidate>
                  <input type="hidden" name="intent" value="edit" />
                  <Field label="Name" name="name" id="edit-name" defaultValue={errors?.values.name ?? project.name} error={errors?.values.intent === "edit" ? errors.fields.name : undefined} />
                  <Field label="Customer" name="customer" id="edit-customer" defaultValue={errors?.values.customer ?? project.customer} />
                  <div className="field">
                    <label htmlFor="edit-kind">Kind</label>
                    <select id="edit-kind" name="kind" defaultValue={project.kind}>
                      <option value="customer_engagement">Customer engagement</option>
                      <option value="product_release">Product release</option>
                    </select>
                  </div>
                  <Field label="SOW signed on" name="sowSignedOn" id="edit-sow" type="date" defaultValue={project.sowSignedOn} />
                  <Field label="Staffing complete on" name="staffedOn" id="edit-staffed" type="date" defaultValue={project.staffedOn} />
                  <Field label="Kickoff start (a later date, optional)" name="kickoffStart" id="edit-kickoff" type="date" defaultValue={project.kickoffStart ?? ""} error={errors?.values.intent === "edit" ? errors.fields.kickoffStart : undefined} />
                  <div className="field">
                    <label htmlFor="edit-weeks">Kickoff length</label>
                    <select id="edit-weeks" name="kickoffWeeks" defaultValue={String(project.kickoffWeeks)}>
                      <option value="3">3 weeks</option>
                      <option value="4">4 weeks</option>
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="edit-calendar">Holiday calendar</label>
                    <select id="edit-calendar" name="calendarId" defaultValue={project.calendarId ?? ""}>
                      <option value="">Installation default</option>
                      {calendars.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Field label="Time zone" name="timeZone" id="edit-tz" defaultValue={project.timeZone} error={errors?.values.intent === "edit" ? errors.fields.timeZone : undefined} />
                  <div>
                    <button type="submit" className="button button--quiet">
                      Save project
                    </button>
                  </div>
                </PostForm>
              </details>
            </section>
          ) : null}
          {can.manage ? (
            <section className="card" aria-labelledby="rag-title">
              <h2 id="rag-title">Weekly status</h2>
              <PostForm className="form">
                <input type="hidden" name="intent" value="status" />
                <div className="field">
                  <label htmlFor="rag">Status</label>
                  <select id="rag" name="rag" defaultValue="green">
                    <option value="green">Green</option>
                    <option value="amber">Amber</option>
                    <option value="red">Red</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="rag-note">Note</label>
                  <input id="rag-note" name="note" defaultValue={errors?.values.note ?? ""} />
                  {errors?.fields.note ? <p className="field__error">{errors.fields.note}</p> : null}
                </div>
                <div>
                  <button type="submit" className="button button--quiet">
                    Record status
                  </button>
                </div>
              </PostForm>
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
