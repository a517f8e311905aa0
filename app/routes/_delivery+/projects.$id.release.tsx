import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { WebLink } from "~/components/web-link";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { projectCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { MemberSelect } from "~/components/member-select";
import { ConfirmStep } from "~/components/confirm-step";
import { GoLiveDeleteForm, GoLiveEditForm, changeLine } from "~/components/go-live-forms";
import { Field, FieldError, FormMessage } from "~/components/field";
import { getProject } from "~/delivery/projects.server";
import { GoLiveSchema, changeCutover, createGoLive, decideGoLive, goLiveLog, moveFeatureToGoLive, releasePlan } from "~/delivery/release.server";
import { markGoLiveDone } from "~/ideas-delivery/go-live-done.server";
import { GoLiveChangeSchema, deleteGoLive, updateGoLive } from "~/delivery/go-live-edits.server";
import { projectBurnup } from "~/delivery/baseline.server";
import { listMembers } from "~/delivery/projects.server";
import { BurnupChart } from "~/components/charts/delivery-charts";
import { createFeature } from "~/delivery/stories.server";
import { redirectWithFlash } from "~/web/flash.server";
import { confirmationOf, formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Release plan · ${data?.plan.project.name ?? ""} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const { role } = orErrorPage(() => getProject(db, user, Number(params.id)));
  const plan = releasePlan(db, user, Number(params.id));
  return json({
    plan,
    burnup: projectBurnup(db, user, plan.project.id),
    logs: Object.fromEntries(plan.goLives.map((g) => [g.id, goLiveLog(db, g.id)])),
    coProductOwners: listMembers(db, plan.project.id).filter((m) => m.role === "co_product_owner"),
    can: {
      manage: projectCan(user.role, role, "goLives.manage"),
      features: projectCan(user.role, role, "features.manage"),
      decide: projectCan(user.role, role, "goLives.decide"),
      onBehalf: projectCan(user.role, role, "demo.decideOnBehalf"),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const db = getDb();
  const id = Number(params.id);
  try {
    switch (form.get("intent")) {
      case "go-live": {
        const g = createGoLive(db, user, id, fromForm(GoLiveSchema, { name: form.get("name"), sprintId: form.get("sprintId"), featureIds: form.getAll("featureIds"), cutoverOn: form.get("cutoverOn") || undefined }));
        return redirectWithFlash(`/projects/${id}/release`, `${g.name} planned for ${g.cutoverOn}.`);
      }
      case "feature": {
        const f = createFeature(db, user, id, { name: form.get("name") });
        return redirectWithFlash(`/projects/${id}/release`, `Feature “${f.name}” added.`);
      }
      case "decide": {
        const g = decideGoLive(db, user, Number(form.get("goLiveId")), { decision: form.get("decision"), onBehalfOf: form.get("onBehalfOf") || undefined, comment: form.get("comment") ?? "" });
        return redirectWithFlash(`/projects/${id}/release`, `${g.name}: ${g.decision === "go" ? "go" : "no-go"} recorded.`);
      }
      case "cutover": {
        const g = changeCutover(db, user, Number(form.get("goLiveId")), { cutoverOn: form.get("cutoverOn"), reason: form.get("reason") });
        return redirectWithFlash(`/projects/${id}/release`, `${g.name} now cuts over on ${g.cutoverOn}.`);
      }
      case "move-feature":
        moveFeatureToGoLive(db, user, Number(form.get("goLiveId")), { featureId: form.get("featureId"), reason: form.get("reason") });
        return redirectWithFlash(`/projects/${id}/release`, "Feature moved; the change is logged.");
      case "edit-go-live": {
        const g = updateGoLive(
          db,
          user,
          Number(form.get("goLiveId")),
          fromForm(GoLiveChangeSchema, {
            name: form.get("name"),
            // A done go-live's form has no scope or release note: absent fields do not change.
            ...(form.has("releaseNoteUrl") ? { releaseNoteUrl: form.get("releaseNoteUrl") || null, featureIds: form.getAll("featureIds") } : {}),
            hypercareEndsOn: form.get("hypercareEndsOn") || undefined,
            reason: form.get("reason") || undefined,
          }),
        );
        return redirectWithFlash(`/projects/${id}/release`, `${g.name} saved; the change log has what changed.`);
      }
      case "delete-go-live": {
        const gone = deleteGoLive(db, user, Number(form.get("goLiveId")), { confirmation: confirmationOf(form) });
        return redirectWithFlash(`/projects/${id}/release`, `${gone.name} deleted; its features are unplanned again.`);
      }
      case "done": {
        const g = markGoLiveDone(db, user, Number(form.get("goLiveId")), { releaseNoteUrl: form.get("releaseNoteUrl") }, confirmationOf(form));
        const ideas = g.deliveredIdeas.length ? ` Delivered with it: ${g.deliveredIdeas.join(", ")} (votes returned to their voters).` : "";
        return redirectWithFlash(`/projects/${id}/release`, `${g.name} is done.${ideas}`);
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

export default function ReleasePlan() {
  const { plan, can, burnup, logs, coProductOwners } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const intent = errors?.values.intent;
  const errorsOf = (name: string, goLiveId: number) => (errors && intent === name && errors.values.goLiveId === String(goLiveId) ? errors : undefined);
  const choices = [...plan.unscoped.map((f) => ({ ...f, goLive: null })), ...plan.goLives.flatMap((g) => g.features.map((f) => ({ ...f, goLive: g.name })))];
  return (
    <>
      <ProjectNav projectId={plan.project.id} current="release" />
      <PageHeader crumbs={<><Link to={`/projects/${plan.project.id}`}>{plan.project.name}</Link> /</>} title="Release plan">
        <p>
          Kickoff {plan.kickoff.start} → {plan.kickoff.end} · {plan.sprints.length} sprints ·{" "}
          {plan.velocity ? `velocity ${Math.round(plan.velocity.mean * 10) / 10} (${plan.velocity.low}–${plan.velocity.high})` : "no velocity yet: set a capacity on the first sprint"}
        </p>
      </PageHeader>
      <FormMessage message={!["go-live", "feature", "edit-go-live", "delete-go-live"].includes(intent ?? "") && !errors?.consequence ? errors?.message : null} />

      <section className="card" aria-labelledby="burnup-title">
        <h2 id="burnup-title">Release burnup</h2>
        <BurnupChart points={burnup} />
      </section>

      {plan.goLives.length === 0 ? (
        <div className="card empty-state">
          <h2>No go-lives yet</h2>
          <p>Group features into one or more go-lives; each gets a cutover date, hypercare and a forecast.</p>
        </div>
      ) : (
        plan.goLives.map((g) => (
          <section key={g.id} className="card" aria-labelledby={`gl-${g.id}`} data-testid={`go-live-${g.id}`}>
            <div className="page-header" style={{ marginBottom: "0.5rem" }}>
              <h2 id={`gl-${g.id}`}>{g.name}</h2>
              {g.doneAt ? (
                <span className="status status--delivered">Done</span>
              ) : g.noScope ? (
                <span className="status status--late">No scope</span>
              ) : g.atRisk ? (
                <span className="status status--late">At risk</span>
              ) : (
                <span className="status status--accepted">On track</span>
              )}
            </div>
            <p>
              Ships with sprint {g.sprint} · cutover {g.cutoverOn} · hypercare until {g.hypercareEnd}
              {g.releaseNoteUrl ? (
                <>
                  {" "}
                  · <WebLink href={g.releaseNoteUrl}>release note</WebLink>
                </>
              ) : null}
            </p>
            <p>
              {g.noScope ? (
                <>Nothing ships with it yet: move a feature with stories into its scope.</>
              ) : g.features.every((f) => f.remaining === 0) && !g.unestimated ? (
                <>All scope accepted.</>
              ) : (
                <>
                  Forecast: sprint <strong>{g.forecastSprint ?? "—"}</strong> (optimistic {g.optimisticSprint ?? "—"}, pessimistic {g.pessimisticSprint ?? "—"})
                </>
              )}
              {g.unestimated ? <> · {g.unestimated} unestimated {g.unestimated === 1 ? "story" : "stories"}</> : null}
            </p>
            <ul>
              {g.features.map((f) => (
                <li key={f.featureId}>
                  <Link to={`/features/${f.featureId}`}>{f.name}</Link>: {f.accepted ?? 0} of {f.total} stories accepted ({f.passed ?? 0} passed customer testing), {f.remaining} points to go
                </li>
              ))}
            </ul>
            <p>
              Go / no-go: <strong>{g.decision === "go" ? "Go" : g.decision === "no_go" ? "No-go" : "not decided"}</strong> · <Link to={`/go-lives/${g.id}/acceptance`}>Acceptance record</Link> · <Link to={`/go-lives/${g.id}/bundle`}>As-Delivered bundle</Link>
            </p>
            {(can.decide || can.onBehalf) && !g.doneAt ? (
              <PostForm className="form form--inline">
                <input type="hidden" name="intent" value="decide" />
                <input type="hidden" name="goLiveId" value={g.id} />
                {!can.decide ? (
                  <MemberSelect id={`behalf-${g.id}`} name="onBehalfOf" label="On behalf of" members={coProductOwners} />
                ) : null}
                <Field
                  label="Comment (required for a no-go)"
                  name="comment"
                  id={`decision-comment-${g.id}`}
                  defaultValue={errors?.values.goLiveId === String(g.id) && errors.values.intent === "decide" ? errors.values.comment : ""}
                  error={errors?.values.goLiveId === String(g.id) && errors.values.intent === "decide" ? errors.fields.comment : undefined}
                />
                <button type="submit" name="decision" value="go" className="button button--quiet">
                  Go
                </button>
                <button type="submit" name="decision" value="no_go" className="button button--danger">
                  No-go
                </button>
              </PostForm>
            ) : null}
            {can.manage && !g.doneAt ? (
              <details>
                <summary className="muted">Move the cutover or a feature</summary>
                <PostForm className="form form--inline" style={{ marginTop: "0.5rem" }}>
                  <input type="hidden" name="intent" value="cutover" />
                  <input type="hidden" name="goLiveId" value={g.id} />
                  <Field
                    label="New cutover date"
                    name="cutoverOn"
                    type="date"
                    id={`cut-${g.id}`}
                    defaultValue={intent === "cutover" && errors?.values.goLiveId === String(g.id) ? errors.values.cutoverOn : g.cutoverOn}
                    error={intent === "cutover" && errors?.values.goLiveId === String(g.id) ? errors.fields.cutoverOn : undefined}
                  />
                  <Field label="Why" name="reason" id={`cut-reason-${g.id}`} error={intent === "cutover" && errors?.values.goLiveId === String(g.id) ? errors.fields.reason : undefined} />
                  <button type="submit" className="button button--quiet">
                    Move cutover
                  </button>
                </PostForm>
                <PostForm className="form form--inline">
                  <input type="hidden" name="intent" value="move-feature" />
                  <input type="hidden" name="goLiveId" value={g.id} />
                  <div className="field">
                    <label htmlFor={`mf-${g.id}`}>Bring a feature into this go-live</label>
                    <select id={`mf-${g.id}`} name="featureId">
                      {[...plan.unscoped, ...plan.goLives.filter((o) => o.id !== g.id).flatMap((o) => o.features)].map((f) => (
                        <option key={f.featureId} value={f.featureId}>
                          {f.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Field label="Why" name="reason" id={`mf-reason-${g.id}`} error={intent === "move-feature" && errors?.values.goLiveId === String(g.id) ? errors.fields.reason : undefined} />
                  <button type="submit" className="button button--quiet">
                    Move feature
                  </button>
                </PostForm>
              </details>
            ) : null}
            {logs[g.id]?.length ? (
              <details>
                <summary className="muted">Change log ({logs[g.id].length})</summary>
                <ul className="muted">
                  {logs[g.id].map((l, i) => (
                    <li key={i}>
                      {l.at.slice(0, 10)} · {l.by ?? "system"} ·{" "}
                      {changeLine(l)}
                      {l.reason ? ` — ${l.reason}` : ""}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {can.manage ? <GoLiveEditForm goLive={g} choices={choices} errors={errorsOf("edit-go-live", g.id)} /> : null}
            {can.manage && !g.doneAt && !g.decision ? <GoLiveDeleteForm goLive={g} errors={errorsOf("delete-go-live", g.id)} /> : null}
            {can.manage && !g.doneAt ? (
              <PostForm className="form form--inline">
                <input type="hidden" name="intent" value="done" />
                <input type="hidden" name="goLiveId" value={g.id} />
                <Field
                  label="Release-note link"
                  name="releaseNoteUrl"
                  type="url"
                  id={`rn-${g.id}`}
                  defaultValue={intent === "done" && errors?.values.goLiveId === String(g.id) ? errors.values.releaseNoteUrl : g.releaseNoteUrl ?? ""}
                  error={intent === "done" && errors?.values.goLiveId === String(g.id) ? errors.fields.releaseNoteUrl : undefined}
                />
                <ConfirmStep errors={intent === "done" && errors?.values.goLiveId === String(g.id) ? errors : undefined} id={`done-confirm-${g.id}`} />
                <button type="submit" className="button button--quiet">
                  Mark done
                </button>
              </PostForm>
            ) : null}
          </section>
        ))
      )}

      {can.manage ? (
        <section className="card" aria-labelledby="new-go-live">
          <h2 id="new-go-live">Plan a go-live</h2>
          <PostForm className="form" noValidate>
            {intent === "go-live" ? <FormMessage message={errors?.message} /> : null}
            <input type="hidden" name="intent" value="go-live" />
            <Field label="Name" name="name" id="gl-name" defaultValue={intent === "go-live" ? errors?.values.name : ""} error={intent === "go-live" ? errors?.fields.name : undefined} placeholder="e.g. Go-live 1: inbound voice" />
            <div className="field">
              <label htmlFor="gl-sprint">Ships with</label>
              <select id="gl-sprint" name="sprintId" defaultValue={intent === "go-live" ? errors?.values.sprintId : undefined}>
                {plan.sprints.map((s) => (
                  <option key={s.id} value={s.id}>
                    Sprint {s.number} ({s.start} → {s.end})
                  </option>
                ))}
              </select>
            </div>
            <Field
              label="Cutover date (optional)"
              name="cutoverOn"
              id="gl-cutover"
              type="date"
              hint="Default: the sprint's last working day."
              defaultValue={intent === "go-live" ? errors?.values.cutoverOn : ""}
              error={intent === "go-live" ? errors?.fields.cutoverOn : undefined}
            />
            <fieldset className={intent === "go-live" && errors?.fields.featureIds ? "field field--error" : "field"} style={{ border: 0, padding: 0 }} aria-describedby={intent === "go-live" && errors?.fields.featureIds ? "gl-features-error" : undefined}>
              <legend style={{ fontWeight: 600, fontSize: "0.875rem" }}>Features in scope</legend>
              {intent === "go-live" ? <FieldError id="gl-features-error" message={errors?.fields.featureIds} /> : null}
              {plan.unscoped.length + plan.goLives.flatMap((g) => g.features).length === 0 ? <p className="field__hint">Add a feature first (below): a go-live needs at least one in its scope.</p> : null}
              {[...plan.unscoped, ...plan.goLives.flatMap((g) => g.features)].map((f) => (
                <label key={f.featureId} style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
                  <input type="checkbox" name="featureIds" value={f.featureId} defaultChecked={intent === "go-live" && (errors?.lists.featureIds ?? []).includes(String(f.featureId))} style={{ width: "auto", minHeight: 0 }} /> {f.name}
                </label>
              ))}
            </fieldset>
            <div>
              <button type="submit" className="button">
                Plan go-live
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}
      {can.features ? (
        <section className="card" aria-labelledby="new-feature">
          <h2 id="new-feature">Add a feature</h2>
          <PostForm className="form form--inline" noValidate>
            <input type="hidden" name="intent" value="feature" />
            <Field label="Feature name" name="name" id="feature-name" defaultValue={intent === "feature" ? errors?.values.name : ""} error={intent === "feature" ? errors?.fields.name : undefined} />
            <button type="submit" className="button button--quiet">
              Add feature
            </button>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
