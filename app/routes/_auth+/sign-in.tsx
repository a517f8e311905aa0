import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { clientAddress } from "~/lib/request-context.server";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { useEffect, useRef } from "react";
import { getDb } from "~/lib/db.server";
import { getUser, safeRedirect, startSession } from "~/auth/session.server";
import { verifyCredentials } from "~/auth/sign-in.server";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Sign in · Sprintlab", "Sign in to Sprintlab with your email and password.");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  try {
    const user = await verifyCredentials(getDb(), { email: form.get("email"), password: form.get("password") }, new Date(), { address: clientAddress() });
    return startSession(request, user.id, safeRedirect(form.get("redirectTo")));
  } catch (error) {
    return formError(error, form);
  }
}

export default function SignIn() {
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const passwordRef = useRef<HTMLInputElement>(null);
  // After a refused attempt the password is cleared, as it is without JavaScript, and takes the focus.
  useEffect(() => {
    if (errors && passwordRef.current) {
      passwordRef.current.value = "";
      if (errors.values.email) passwordRef.current.focus();
    }
  }, [errors]);
  return (
    <div className="auth-page">
      <div className="card">
        <h1>Sign in to Sprintlab</h1>
        <p className="lead">Delivery projects and the Ideas Lab, in one place.</p>
        <PostForm className="form" noValidate>
          <FormMessage message={errors?.message} />
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={errors?.values.email ?? ""}
            error={errors?.fields.email}
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            ref={passwordRef}
            required
            error={errors?.fields.password}
          />
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </PostForm>
        <p className="muted" style={{ marginTop: "1rem" }}>
          <Link to="/forgot-password">Forgot your password?</Link> · <Link to="/request-access">Request access</Link>
        </p>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
