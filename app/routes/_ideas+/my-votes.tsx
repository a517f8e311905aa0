import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { globalCan } from "~/auth/permissions";
import { forbidden, requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { StatusBadge } from "~/components/status-badge";
import { VoteButton } from "~/components/vote-button";
import { isOpen } from "~/ideas/lifecycle";
import { myVotes, requestMoreVotes } from "~/ideas/votes.server";
import { formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import type { IdeaStatus } from "../../../db/schema/ideas";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("My votes · Ideas Lab · Sprintlab", "The ideas you voted for and the votes you have left.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!globalCan(user.role, "ideas.vote")) forbidden("Your role does not vote on ideas.");
  return json(myVotes(getDb(), user.id));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  try {
    requestMoreVotes(getDb(), user, { reason: form.get("reason") });
    return redirectWithFlash("/my-votes", "Request sent. An admin will look at it.");
  } catch (error) {
    return formError(error, form);
  }
}

const KIND_LABELS: Record<string, string> = { spend: "Spent", return: "Returned", grant: "Granted" };

export default function MyVotes() {
  const { balance, active, history, pendingRequest } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>My votes</h1>
          <p>Your budget is 10 votes plus any an admin granted. A vote comes back when you take it back or when the idea is delivered or not planned.</p>
        </div>
      </div>
      <div className="stat-grid" style={{ marginBottom: "1.5rem" }}>
        <div className="stat">
          <div className="stat__value" data-testid="balance-available">{balance.available}</div>
          <div className="stat__label">available</div>
        </div>
        <div className="stat">
          <div className="stat__value">{balance.used}</div>
          <div className="stat__label">spent on open ideas</div>
        </div>
        <div className="stat">
          <div className="stat__value">{balance.budget}</div>
          <div className="stat__label">budget</div>
        </div>
      </div>

      <section className="card" aria-labelledby="where-title">
        <h2 id="where-title">Where your votes sit</h2>
        {active.length === 0 ? (
          <p className="muted">
            No votes spent. Browse the <Link to="/ideas">Ideas Lab</Link> and vote for what matters most to you.
          </p>
        ) : (
          <ul className="idea-list">
            {active.map((v) => (
              <li key={v.key} className="idea-row">
                <VoteButton ideaKey={v.key} title={v.title} votes={v.votes} voted canVote={isOpen(v.status as IdeaStatus)} />
                <div>
                  <Link to={`/ideas/${v.key}`} className="idea-row__title">
                    {v.title}
                  </Link>
                  <div className="idea-row__meta">
                    <span className="mono">{v.key}</span> <StatusBadge status={v.status as IdeaStatus} /> <span>voted {formatTimestamp(v.at)}</span>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="more-title">
        <h2 id="more-title">Need more votes?</h2>
        {pendingRequest ? (
          <p className="muted">Your request is waiting for an admin.</p>
        ) : (
          <PostForm className="form" noValidate>
            <div className={errors ? "field field--error" : "field"}>
              <label htmlFor="reason">Why do you need more?</label>
              <textarea id="reason" name="reason" defaultValue={errors?.values.reason ?? ""} aria-invalid={errors ? true : undefined} aria-describedby={errors ? "reason-error" : undefined} style={{ minHeight: "4rem" }} />
              {errors ? (
                <p className="field__error" id="reason-error">
                  {errors.fields.reason ?? errors.message}
                </p>
              ) : null}
            </div>
            <div>
              <button type="submit" className="button button--quiet">
                Ask an admin
              </button>
            </div>
          </PostForm>
        )}
      </section>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {history.length === 0 ? (
          <p className="muted">Nothing yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="responsive-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Votes</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id}>
                    <td data-label="When">{formatTimestamp(h.at)}</td>
                    <td data-label="What">
                      {KIND_LABELS[h.kind]} {h.key ? <Link to={`/ideas/${h.key}`}>{h.key}</Link> : null}
                    </td>
                    <td data-label="Votes">{h.amount > 0 ? `+${h.amount}` : h.amount}</td>
                    <td data-label="Why">{h.reason}</td>
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
