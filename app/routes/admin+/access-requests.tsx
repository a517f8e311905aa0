import { absoluteUrl } from "~/lib/app-url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { approveAccessRequest, listAccessRequests, rejectAccessRequest } from "~/auth/access.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { FormMessage } from "~/components/field";
import { formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Access requests · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.accessRequests");
  return json({ requests: listAccessRequests(getDb()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requirePermission(request, "admin.accessRequests");
  const form = await readForm(request);
  const id = Number(form.get("requestId"));
  try {
    if (form.get("intent") === "approve") {
      const { user, link } = await approveAccessRequest(getDb(), me, id);
      const url = absoluteUrl(link);
      return json({ approved: { name: user.name, email: user.email, url }, errors: null });
    }
    rejectAccessRequest(getDb(), me, id, { reason: form.get("reason") });
    return redirectWithFlash("/admin/access-requests", "Request declined.");
  } catch (error) {
    return formError(error, form);
  }
}

export default function AccessRequests() {
  const { requests } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const approved = data && "approved" in data ? data.approved : null;
  const errors = data?.errors;
  return (
    <section className="card" aria-labelledby="access-title">
      <h2 id="access-title">Access requests ({requests.length})</h2>
      {approved ? (
        <div className="alert alert--info" role="status">
          <strong>{approved.name}</strong> ({approved.email}) has an account. The set-password link (valid 7 days) is in the outbox; this is the only time it is shown here:
          <code className="token-secret mono" data-testid="set-password-link">
            {approved.url}
          </code>
        </div>
      ) : null}
      <FormMessage message={errors?.message} />
      {requests.length === 0 ? (
        <p className="muted">No requests waiting. People ask for access from the sign-in page.</p>
      ) : (
        requests.map((r) => (
          <article key={r.id} className="comment" data-testid={`access-${r.email}`}>
            <div className="comment__meta">
              <strong>{r.name}</strong> · {r.email} · {r.company} · {r.role} · {formatTimestamp(r.createdAt)}
            </div>
            <p className="prose">{r.reason}</p>
            <div className="actions">
              <PostForm>
                <input type="hidden" name="requestId" value={r.id} />
                <button type="submit" name="intent" value="approve" className="button">
                  Approve
                </button>
              </PostForm>
              <PostForm className="form form--inline" noValidate>
                <input type="hidden" name="requestId" value={r.id} />
                <div className="field">
                  <label htmlFor={`reason-${r.id}`}>Reason to decline</label>
                  <input id={`reason-${r.id}`} name="reason" />
                </div>
                <button type="submit" name="intent" value="reject" className="button button--danger">
                  Decline
                </button>
              </PostForm>
            </div>
          </article>
        ))
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
