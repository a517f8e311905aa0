import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { listNotifications, markRead } from "~/notifications/notify.server";
import { groupByDayAndPlace } from "~/notifications/digest";
import { appTimeZone, todayIn } from "~/lib/app-time";
import { formatDay, formatTimestamp } from "~/lib/dates";
import { readForm } from "~/lib/forms.server";
import { redirectWithFlash } from "~/web/flash.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Notifications · Sprintlab", "Your Sprintlab notifications.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const zone = appTimeZone();
  const items = listNotifications(getDb(), user.id).map((n) => ({ ...n, where: n.portal ?? n.project ?? null }));
  return json({ days: groupByDayAndPlace(items, (at) => todayIn(zone, new Date(at))), unread: items.filter((n) => !n.readAt).length });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  if (form.get("intent") === "read") {
    const id = Number(form.get("id"));
    if (Number.isSafeInteger(id) && id > 0) markRead(getDb(), user.id, [id]);
    return redirectWithFlash("/notifications", "Notification marked as read.");
  }
  markRead(getDb(), user.id);
  return redirectWithFlash("/notifications", "All notifications marked as read.");
}

export default function Notifications() {
  const { days, unread } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Notifications</h1>
          <p>
            Status changes, official updates and returned votes on ideas you follow, and what needs you in your projects. The same reaches you by email as you chose in{" "}
            <a href="/settings#email-title">your settings</a>.
          </p>
        </div>
        {unread ? (
          <PostForm>
            <button type="submit" className="button button--quiet">
              Mark all as read
            </button>
          </PostForm>
        ) : null}
      </div>
      {days.length === 0 ? (
        <section className="card">
          <div className="empty-state">
            <h2>Nothing yet</h2>
            <p>Vote for, comment on or follow an idea, and you will hear here when it moves.</p>
          </div>
        </section>
      ) : (
        days.map((d) => (
          <section key={d.day} className="card notification-day" aria-labelledby={`day-${d.day}`}>
            <h2 id={`day-${d.day}`}>{formatDay(d.day)}</h2>
            {d.groups.map((g) => (
              <div key={g.where ?? ""} className="notification-group">
                <h3>{g.where ?? "Sprintlab"}</h3>
                <ul className="notification-list">
                  {g.items.map((n) => (
                    <li key={n.id} className={`notification${n.readAt ? "" : " notification--unread"}`} data-testid={`notification-${n.id}`}>
                      <PostForm action={`/notifications/${n.id}/open`} className="notification__open">
                        <button type="submit" className="notification__link" id={`notification-text-${n.id}`}>
                          {n.text}
                        </button>
                      </PostForm>
                      {n.detail ? <p className="notification__detail">{n.detail}</p> : null}
                      <div className="comment__meta">
                        {n.ideaKey ? <span className="mono">{n.ideaKey}</span> : null}
                        {n.ideaKey && n.portal ? <> · {n.portal} · </> : null}
                        {formatTimestamp(n.createdAt)}
                        {n.readAt ? null : (
                          <>
                            <span className="badge badge--role-customer">New</span>
                            <PostForm className="notification__read">
                              <input type="hidden" name="intent" value="read" />
                              <input type="hidden" name="id" value={n.id} />
                              <button type="submit" className="button button--quiet" aria-describedby={`notification-text-${n.id}`}>
                                Mark as read
                              </button>
                            </PostForm>
                          </>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
