import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { listHolidays } from "~/calendar/holidays.server";
import { addHoliday, removeHoliday } from "~/delivery/holidays.server";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Holidays · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.holidays");
  return json({ holidays: listHolidays(getDb()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requirePermission(request, "admin.holidays");
  const form = await readForm(request);
  try {
    if (form.get("intent") === "remove") {
      const date = String(form.get("date"));
      removeHoliday(getDb(), me, date);
      return redirectWithFlash("/admin/holidays", `${formatDay(date)} is a working day again.`);
    }
    const holiday = addHoliday(getDb(), me, { date: form.get("date"), name: form.get("name") });
    return redirectWithFlash("/admin/holidays", `${holiday.name} (${formatDay(holiday.date)}) added.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function AdminHolidays() {
  const { holidays } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <>
      <section className="card" aria-labelledby="add-holiday-title">
        <h2 id="add-holiday-title">Add a holiday</h2>
        <p className="muted">
          Holidays are not working days: sprints, ceremonies and the 30-business-day SLA of the Ideas Lab skip them.
        </p>
        <PostForm className="form form--inline" noValidate>
          <FormMessage message={errors?.fields.date || errors?.fields.name ? null : errors?.message} />
          <input type="hidden" name="intent" value="add" />
          <Field label="Date" name="date" type="date" defaultValue={errors?.values.date ?? ""} error={errors?.fields.date} />
          <Field
            label="Name"
            name="name"
            placeholder="e.g. Christmas Day"
            defaultValue={errors?.values.name ?? ""}
            error={errors?.fields.name}
          />
          <button type="submit" className="button">
            Add holiday
          </button>
        </PostForm>
      </section>

      <section className="card" aria-labelledby="holidays-title">
        <h2 id="holidays-title">Holidays</h2>
        {holidays.length === 0 ? (
          <p className="muted">No holidays yet: every Monday to Friday counts as a working day. Add one above.</p>
        ) : (
          <div className="table-wrap">
            <table className="responsive-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Name</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {holidays.map((h) => (
                  <tr key={h.date}>
                    <td data-label="Date">
                      <time dateTime={h.date}>{formatDay(h.date)}</time>
                    </td>
                    <td data-label="Name">{h.name}</td>
                    <td>
                      <PostForm>
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="date" value={h.date} />
                        <button type="submit" className="button button--danger" aria-label={`Remove ${h.name}`}>
                          Remove
                        </button>
                      </PostForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
