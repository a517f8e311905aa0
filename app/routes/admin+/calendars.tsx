import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { createCalendar, listCalendars } from "~/calendar/calendars.server";
import { addCalendarHoliday, removeCalendarHoliday } from "~/delivery/holidays.server";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/field";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Holiday calendars · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.holidays");
  return json({ calendars: listCalendars(getDb()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requirePermission(request, "admin.holidays");
  const form = await readForm(request);
  const db = getDb();
  const calendarId = Number(form.get("calendarId"));
  try {
    switch (form.get("intent")) {
      case "calendar":
        createCalendar(db, me, { name: form.get("name") });
        return redirectWithFlash("/admin/calendars", "Calendar created. Add its holidays; projects can then pick it.");
      case "add":
        addCalendarHoliday(db, me, calendarId, { date: form.get("date"), name: form.get("name") });
        return redirectWithFlash("/admin/calendars", "Holiday added.");
      case "remove":
        removeCalendarHoliday(db, me, calendarId, String(form.get("date")));
        return redirectWithFlash("/admin/calendars", "Holiday removed.");
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

export default function Calendars() {
  const { calendars } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <>
      <section className="card">
        <h2>Holiday calendars</h2>
        <p className="muted">
          The installation's default calendar is on the <Link to="/admin/holidays">Holidays</Link> page (and behind <span className="mono">/api/v1/holidays</span>). Named calendars here
          are for projects in other countries; each project picks one.
        </p>
        <PostForm className="form form--inline" noValidate>
          <input type="hidden" name="intent" value="calendar" />
          <Field label="New calendar" name="name" placeholder="e.g. United States" error={errors?.values.intent === "calendar" ? errors.fields.name : undefined} />
          <button type="submit" className="button">
            Create
          </button>
        </PostForm>
      </section>
      {calendars.map((c) => {
        const mine = errors?.values.calendarId === String(c.id) ? errors : undefined;
        return (
          <section key={c.id} className="card" aria-labelledby={`cal-${c.id}`}>
            <h2 id={`cal-${c.id}`}>{c.name}</h2>
            {c.holidays.length === 0 ? <p className="muted">No holidays yet.</p> : null}
            <ul>
              {c.holidays.map((h) => (
                <li key={h.date}>
                  <PostForm className="row-actions">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="calendarId" value={c.id} />
                    <input type="hidden" name="date" value={h.date} />
                    {formatDay(h.date)} — {h.name}
                    <button type="submit" className="button button--quiet" aria-label={`Remove ${h.name} from ${c.name}`}>
                      ×
                    </button>
                  </PostForm>
                </li>
              ))}
            </ul>
            <PostForm className="form form--inline" noValidate>
              <input type="hidden" name="intent" value="add" />
              <input type="hidden" name="calendarId" value={c.id} />
              <Field label="Date" name="date" type="date" id={`date-${c.id}`} error={mine?.fields.date} defaultValue={mine?.values.date ?? ""} />
              <Field label="Name" name="name" id={`name-${c.id}`} error={mine?.fields.name} defaultValue={mine?.values.name ?? ""} />
              <button type="submit" className="button button--quiet">
                Add holiday
              </button>
            </PostForm>
          </section>
        );
      })}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
