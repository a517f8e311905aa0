import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { listCalendars } from "~/calendar/calendars.server";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { ProjectSchema, createProject } from "~/delivery/projects.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, fromForm, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("New project · Delivery · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "projects.create");
  return json({ calendars: listCalendars(getDb()).map((c) => ({ id: c.id, name: c.name })) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "projects.create");
  const form = await readForm(request);
  try {
    const project = createProject(getDb(), user, fromForm(ProjectSchema, { ...Object.fromEntries(form), kickoffStart: form.get("kickoffStart") || null, calendarId: form.get("calendarId") || null }));
    return redirectWithFlash(`/projects/${project.id}`, `${project.name} created. Kickoff is planned; generate sprints when the release plan is ready.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function NewProject() {
  const errors = useActionData<typeof action>()?.errors;
  const { calendars } = useLoaderData<typeof loader>();
  const v = errors?.values ?? {};
  const f = errors?.fields ?? {};
  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted">
            <Link to="/projects">Delivery</Link> /
          </p>
          <h1>New project</h1>
          <p>Kickoff / Release Planning starts on the later of the SOW signature and staffing-complete dates and lasts 3 or 4 weeks.</p>
        </div>
      </div>
      <div className="card">
        <PostForm className="form" noValidate>
          <FormMessage message={errors && !Object.keys(f).length ? errors.message : null} />
          <Field label="Name" name="name" defaultValue={v.name} error={f.name} placeholder="e.g. Acme Health — cloud contact center migration" />
          <Field label="Customer" name="customer" defaultValue={v.customer} error={f.customer} />
          <div className="field">
            <label htmlFor="kind">Kind</label>
            <select id="kind" name="kind" defaultValue={v.kind ?? "customer_engagement"}>
              <option value="customer_engagement">Customer engagement</option>
              <option value="product_release">Product release</option>
            </select>
          </div>
          <Field label="SOW signed on" name="sowSignedOn" type="date" defaultValue={v.sowSignedOn} error={f.sowSignedOn} />
          <Field label="Staffing complete on" name="staffedOn" type="date" defaultValue={v.staffedOn} error={f.staffedOn} />
          <Field label="Kickoff start (optional, a later date)" name="kickoffStart" type="date" defaultValue={v.kickoffStart} error={f.kickoffStart} />
          <div className={f.kickoffWeeks ? "field field--error" : "field"}>
            <label htmlFor="kickoffWeeks">Kickoff length</label>
            <select id="kickoffWeeks" name="kickoffWeeks" defaultValue={v.kickoffWeeks ?? "3"}>
              <option value="3">3 weeks</option>
              <option value="4">4 weeks</option>
            </select>
            {f.kickoffWeeks ? <p className="field__error">{f.kickoffWeeks}</p> : null}
          </div>
          <div className={f.calendarId ? "field field--error" : "field"}>
            <label htmlFor="calendarId">Holiday calendar</label>
            <select id="calendarId" name="calendarId" defaultValue={v.calendarId ?? ""}>
              <option value="">Installation default</option>
              {calendars.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {f.calendarId ? <p className="field__error">{f.calendarId}</p> : null}
          </div>
          <Field label="Time zone" name="timeZone" defaultValue={v.timeZone ?? "UTC"} error={f.timeZone} hint="Sprint days and ceremonies are counted in it, e.g. America/Chicago." />
          <div>
            <button type="submit" className="button">
              Create project
            </button>
          </div>
        </PostForm>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
