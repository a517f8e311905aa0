import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { checkPasswordLink, usePasswordLink } from "~/auth/access.server";
import { startSession } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/field";
import { isDomainError } from "~/lib/errors";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Set your password · Sprintlab", "Choose the password for your Sprintlab account.");

export async function loader({ params }: LoaderFunctionArgs) {
  try {
    const link = checkPasswordLink(getDb(), params.token ?? "");
    return json({ valid: true as const, email: link.email, name: link.name });
  } catch (error) {
    if (isDomainError(error)) return json({ valid: false as const, message: error.message }, { status: 404 });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  try {
    const userId = await usePasswordLink(getDb(), params.token ?? "", { password: form.get("password"), confirm: form.get("confirm") });
    return startSession(request, userId, "/");
  } catch (error) {
    return formError(error, form);
  }
}

export default function SetPassword() {
  const data = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <div className="auth-page">
      <div className="card">
        {data.valid ? (
          <>
            <h1>Set your password</h1>
            <p className="lead">
              Welcome, {data.name}. Choose a password for {data.email}.
            </p>
            <PostForm className="form" noValidate>
              {errors && !Object.keys(errors.fields).length ? <p className="field__error">{errors.message}</p> : null}
              <Field label="New password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." error={errors?.fields.password} />
              <Field label="Repeat it" name="confirm" type="password" autoComplete="new-password" error={errors?.fields.confirm} />
              <button type="submit" className="button">
                Set password and sign in
              </button>
            </PostForm>
          </>
        ) : (
          <>
            <h1>This link no longer works</h1>
            <p>{data.message}</p>
            <p>
              <Link to="/forgot-password">Ask for a new link</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
