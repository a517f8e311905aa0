import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { clientAddress } from "~/lib/request-context.server";
import { json } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { forgotPassword } from "~/auth/access.server";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/field";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Forgot password · Sprintlab", "Ask for a link to set a new Sprintlab password.");

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  try {
    forgotPassword(getDb(), { email: form.get("email") }, { address: clientAddress() });
    return json({ sent: true as const, errors: null });
  } catch (error) {
    return formError(error, form);
  }
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  return (
    <div className="auth-page">
      <div className="card">
        <h1>Forgot your password?</h1>
        {data && "sent" in data && data.sent ? (
          <p role="status">If that email has an active account, a link to reset the password is on its way. It works for one hour.</p>
        ) : (
          <PostForm className="form" noValidate>
            <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={errors?.values.email ?? ""} error={errors?.fields.email} />
            <button type="submit" className="button">
              Send me a link
            </button>
          </PostForm>
        )}
        <p className="muted">
          <Link to="/sign-in" className="standalone-link">
            Back to sign in
          </Link>
        </p>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
