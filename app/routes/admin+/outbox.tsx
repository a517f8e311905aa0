import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { listOutbox } from "~/ideas/language.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Email outbox · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.users");
  return json({ mails: listOutbox(getDb()), smtp: Boolean(process.env.SMTP_URL) });
}

export default function Outbox() {
  const { mails, smtp } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Email outbox</h2>
      <p className="muted">
        One digest per user per day or week, as each chose, collecting its notifications (sent once the day or week is over), plus one-time sign-in links and the official updates some asked for at once (both sent at once). The latest 100.{" "}
        {smtp ? "SMTP_URL is set: the server sends due mail every minute." : "SMTP_URL is not set: nothing is sent; set it to send through your mail server."}
      </p>
      {mails.length === 0 ? (
        <p className="muted">Empty. Digests appear when users get notifications.</p>
      ) : (
        mails.map((m) => (
          <article key={m.id} className="comment" data-testid={`mail-${m.id}`}>
            <div className="comment__meta">
              <strong>To {m.to}</strong> · {m.day} · {m.subject} {m.sentAt ? <span className="badge badge--active">Sent</span> : <span className="badge badge--inactive">Not sent</span>}
              {m.lastError ? <span className="field__error"> · attempt {m.attempts} failed: {m.lastError}</span> : null}
            </div>
            <p className="prose mono">{m.body}</p>
          </article>
        ))
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
