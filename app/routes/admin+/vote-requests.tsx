import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { listUsers } from "~/auth/users.server";
import { ErrorPage } from "~/components/error-page";
import { FormMessage } from "~/components/field";
import { decideVoteRequest, grantVotes, listVoteRequests } from "~/ideas/votes.server";
import { formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import { DomainError } from "~/lib/errors";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Votes · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.voteGrants");
  const db = getDb();
  return json({ requests: listVoteRequests(db), voters: listUsers(db).filter((u) => u.active && u.role !== "pm") });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requirePermission(request, "admin.voteGrants");
  const form = await readForm(request);
  const db = getDb();
  try {
    const intent = form.get("intent");
    if (intent === "approve" || intent === "decline") {
      decideVoteRequest(db, me, Number(form.get("requestId")), { approve: intent === "approve", amount: Number(form.get("amount") || 5) });
      return redirectWithFlash("/admin/vote-requests", intent === "approve" ? "Request approved; the votes are granted." : "Request declined.");
    }
    const userId = Number(form.get("userId"));
    if (!userId) throw new DomainError("invalid", "Choose a user.", { fields: { userId: "Choose a user." } });
    const balance = grantVotes(db, me, userId, { amount: Number(form.get("amount")), reason: form.get("reason") });
    return redirectWithFlash("/admin/vote-requests", `Granted. Their budget is now ${balance.budget}.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function VoteRequests() {
  const { requests, voters } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const granting = errors?.values.intent === "grant";
  return (
    <>
      <section className="card" aria-labelledby="requests-title">
        <h2 id="requests-title">Requests for more votes ({requests.length})</h2>
        {!granting ? <FormMessage message={errors?.message} /> : null}
        {requests.length === 0 ? (
          <p className="muted">No requests waiting. Users ask for more votes from their “My votes” page.</p>
        ) : (
          requests.map((r) => (
            <article key={r.id} className="comment">
              <div className="comment__meta">
                <strong>{r.name}</strong> · {r.email} · {r.company ?? "no company"} · {formatTimestamp(r.createdAt)}
              </div>
              <p className="prose">{r.reason}</p>
              <p className="muted">
                Activity: {r.ideasSubmitted} ideas submitted · {r.comments} comments · {r.votesSpent} votes spent now
              </p>
              <PostForm className="form form--inline">
                <input type="hidden" name="requestId" value={r.id} />
                <div className="field" style={{ maxWidth: "8rem" }}>
                  <label htmlFor={`amount-${r.id}`}>Votes to grant</label>
                  <input id={`amount-${r.id}`} name="amount" type="number" min={1} max={100} defaultValue={5} />
                </div>
                <button type="submit" name="intent" value="approve" className="button">
                  Approve
                </button>
                <button type="submit" name="intent" value="decline" className="button button--danger">
                  Decline
                </button>
              </PostForm>
            </article>
          ))
        )}
      </section>
      <section className="card" aria-labelledby="grant-title">
        <h2 id="grant-title">Grant votes</h2>
        <PostForm className="form" noValidate>
          {granting ? <FormMessage message={errors?.message} /> : null}
          <input type="hidden" name="intent" value="grant" />
          <div className="field">
            <label htmlFor="grant-user">User</label>
            <select id="grant-user" name="userId" defaultValue={granting ? errors?.values.userId : ""}>
              <option value="">Choose a user</option>
              {voters.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </div>
          <div className={granting && errors?.fields.amount ? "field field--error" : "field"}>
            <label htmlFor="grant-amount">Votes</label>
            <input id="grant-amount" name="amount" type="number" min={1} max={100} defaultValue={granting ? errors?.values.amount : "5"} />
            {granting && errors?.fields.amount ? <p className="field__error">{errors.fields.amount}</p> : null}
          </div>
          <div className={granting && errors?.fields.reason ? "field field--error" : "field"}>
            <label htmlFor="grant-reason">Reason</label>
            <input id="grant-reason" name="reason" defaultValue={granting ? errors?.values.reason : ""} placeholder="e.g. Runs three contact centers" />
            {granting && errors?.fields.reason ? <p className="field__error">{errors.fields.reason}</p> : null}
          </div>
          <div>
            <button type="submit" className="button">
              Grant votes
            </button>
          </div>
        </PostForm>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
