import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { sessionSecret } from "~/auth/secret.server";
import { ErrorPage } from "~/components/error-page";
import { isDomainError } from "~/lib/errors";
import { redirectWithFlash } from "~/web/flash.server";
import { unsubscribe, unsubscribeState, type UnsubscribeState } from "~/notifications/settings.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Unsubscribe · Sprintlab", "Stop Sprintlab emails from a link in one of them.");

type Answer = ({ valid: true } & UnsubscribeState) | { valid: false; message: string };

function answer(run: () => UnsubscribeState) {
  try {
    return json<Answer>({ valid: true, ...run() });
  } catch (error) {
    if (isDomainError(error)) return json<Answer>({ valid: false, message: error.message }, { status: error.status });
    throw error;
  }
}

/** The link from a mail shows what it would stop and asks first: a GET never changes anything. */
export async function loader({ params }: LoaderFunctionArgs) {
  return answer(() => unsubscribeState(getDb(), params.token ?? "", sessionSecret()));
}

/**
 * The page's button, or a mail client's one-click unsubscribe (RFC 8058 posts
 * `List-Unsubscribe=One-Click` to the same address): no session needed, the signed token says whose.
 */
export async function action({ params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const done = answer(() => unsubscribe(getDb(), token, sessionSecret()));
  if (done.status !== 200) return done;
  const state = (await done.json()) as UnsubscribeState;
  return redirectWithFlash(`/unsubscribe/${token}`, state.stream === "digest" ? "Unsubscribed: no more digest emails." : "Unsubscribed: official updates wait for your digest.");
}

const WHAT: Record<UnsubscribeState["stream"], { mail: string; stopped: string }> = {
  digest: { mail: "the digest emails", stopped: "Digest emails are off" },
  updates: { mail: "the immediate emails of official updates", stopped: "Official updates are no longer mailed at once" },
};

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const data = refused && "valid" in refused ? refused : loaded;
  return (
    <div className="auth-page">
      <div className="card">
        {!data.valid ? (
          <>
            <h1>This unsubscribe link does not work</h1>
            <p>{data.message}</p>
            <p>
              <Link to="/sign-in">Sign in to Sprintlab</Link>
            </p>
          </>
        ) : data.stopped ? (
          <>
            <h1>{WHAT[data.stream].stopped}</h1>
            <p>
              Sprintlab sends no more of {WHAT[data.stream].mail} to <strong>{data.email}</strong>. Your notifications stay on the notifications page. To choose again,
              sign in and open <Link to="/settings#email-title">Settings</Link>.
            </p>
          </>
        ) : (
          <>
            <h1>Unsubscribe</h1>
            <p>
              Stop {WHAT[data.stream].mail} to <strong>{data.email}</strong>? Your notifications stay on the notifications page, and you can turn the email back on in
              your settings.
            </p>
            <PostForm className="form">
              <button type="submit" className="button">
                Unsubscribe
              </button>
            </PostForm>
          </>
        )}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
