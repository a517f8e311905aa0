import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/client.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { listOutbox } from "~/ideas/language.server";

export const meta: MetaFunction = () => [{ title: "Email outbox · Administration · Sprintlab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.users");
  return json({ mails: listOutbox(getDb()) });
}

export default function Outbox() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Email outbox</h2>
      <p className="muted">One digest per user per day, collecting that day's notifications, plus one-time sign-in links. The latest 100.</p>
      {mails.length === 0 ? (
        <p className="muted">Empty. Digests appear when users get notifications.</p>
      ) : (
        mails.map((m) => (
          <article key={m.id} className="comment" data-testid={`mail-${m.id}`}>
            <div className="comment__meta">
              <strong>To {m.to}</strong> · {m.day} · {m.subject} {m.sentAt ? <span className="badge badge--active">Sent</span> : <span className="badge badge--inactive">Not sent</span>}
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
