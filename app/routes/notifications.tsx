import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { listNotifications, markRead } from "~/notifications/notify.server";
import { formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Notifications · Sprintlab", "Your Sprintlab notifications.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ items: listNotifications(getDb(), user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  markRead(getDb(), user.id);
  return redirectWithFlash("/notifications", "All notifications marked as read.");
}

export default function Notifications() {
  const { items } = useLoaderData<typeof loader>();
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Notifications</h1>
          <p>Status changes, official updates and returned votes on ideas you follow. The same reaches you as a daily email digest.</p>
        </div>
        {unread ? (
          <PostForm>
            <button type="submit" className="button button--quiet">
              Mark all as read
            </button>
          </PostForm>
        ) : null}
      </div>
      <section className="card">
        {items.length === 0 ? (
          <div className="empty-state">
            <h2>Nothing yet</h2>
            <p>Vote for, comment on or follow an idea, and you will hear here when it moves.</p>
          </div>
        ) : (
          <ul className="idea-list">
            {items.map((n) => (
              <li key={n.id} className="comment" style={{ fontWeight: n.readAt ? 400 : 600 }}>
                <Link to={n.link}>{n.text}</Link>
                <div className="comment__meta">
                  {formatTimestamp(n.createdAt)}
                  {n.readAt ? null : <span className="badge badge--role-customer">New</span>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
