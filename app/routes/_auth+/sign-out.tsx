import { PostForm } from "~/components/post-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { endSession, requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  return endSession(request);
}

/** No GET changes data: a plain visit asks to confirm. */
export default function SignOut() {
  return (
    <div className="auth-page">
      <div className="card">
        <h1>Sign out?</h1>
        <PostForm>
          <button type="submit" className="button">
            Sign out
          </button>
        </PostForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
