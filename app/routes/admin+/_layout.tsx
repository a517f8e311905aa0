import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.users");
  return null;
}

export default function Admin() {
  return (
    <>
      <div className="page-header">
        <h1>Administration</h1>
      </div>
      <nav className="sub-nav" aria-label="Administration">
        <NavLink to="/admin/users">Users</NavLink>
        <NavLink to="/admin/holidays">Holidays</NavLink>
        <NavLink to="/admin/calendars">Calendars</NavLink>
        <NavLink to="/admin/portals">Portals</NavLink>
        <NavLink to="/admin/vote-requests">Votes</NavLink>
        <NavLink to="/admin/access-requests">Access requests</NavLink>
        <NavLink to="/admin/language">Language</NavLink>
        <NavLink to="/admin/checklist">Checklist</NavLink>
        <NavLink to="/admin/outbox">Outbox</NavLink>
        <NavLink to="/admin/audit">Audit log</NavLink>
      </nav>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
