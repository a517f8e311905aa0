import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { clientAddress } from "~/lib/request-context.server";
import { json } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requestAccess } from "~/auth/access.server";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/field";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Request access · Sprintlab", "Ask for a Sprintlab account: an administrator reviews each request.");

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  try {
    requestAccess(getDb(), Object.fromEntries(form), { address: clientAddress() });
    return json({ sent: true as const, errors: null });
  } catch (error) {
    return formError(error, form);
  }
}

export default function RequestAccess() {
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const v = errors?.values ?? {};
  if (data && "sent" in data && data.sent) {
    return (
      <div className="auth-page">
        <div className="card" role="status">
          <h1>Thanks — request received</h1>
          <p>An admin will look at it. When it is approved you get an email with a link to set your password.</p>
          <Link to="/sign-in">Back to sign in</Link>
        </div>
      </div>
    );
  }
  return (
    <div className="auth-page">
      <div className="card">
        <h1>Request access</h1>
        <p className="lead">Customers and partners join the Ideas Lab to submit ideas, vote and comment.</p>
        <PostForm className="form" noValidate>
          <Field label="Name" name="name" autoComplete="name" defaultValue={v.name} error={errors?.fields.name} />
          <Field label="Work email" name="email" type="email" autoComplete="email" defaultValue={v.email} error={errors?.fields.email} />
          <Field label="Company" name="company" autoComplete="organization" defaultValue={v.company} error={errors?.fields.company} />
          <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600, fontSize: "0.875rem" }}>I am a</legend>
            <label>
              <input type="radio" name="role" value="customer" defaultChecked={v.role !== "partner"} style={{ width: "auto", minHeight: 0 }} /> Customer
            </label>
            <label>
              <input type="radio" name="role" value="partner" defaultChecked={v.role === "partner"} style={{ width: "auto", minHeight: 0 }} /> Partner
            </label>
            {errors?.fields.role ? <p className="field__error">{errors.fields.role}</p> : null}
          </fieldset>
          <div className={errors?.fields.reason ? "field field--error" : "field"}>
            <label htmlFor="reason">Why would you like access?</label>
            <textarea id="reason" name="reason" defaultValue={v.reason} style={{ minHeight: "4rem" }} aria-invalid={errors?.fields.reason ? true : undefined} />
            {errors?.fields.reason ? <p className="field__error">{errors.fields.reason}</p> : null}
          </div>
          <div aria-hidden="true" style={{ position: "absolute", left: "-9999px" }}>
            <label htmlFor="website">Leave this empty</label>
            <input id="website" name="website" tabIndex={-1} autoComplete="off" />
          </div>
          <button type="submit" className="button">
            Send request
          </button>
          <p className="muted">
            Already have an account? <Link to="/sign-in">Sign in</Link>
          </p>
        </PostForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
