import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { AUDIT_KIND_LABELS, listAudit, type AuditKind } from "~/auth/audit.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Pagination } from "~/components/pagination";
import { STATUS_LABELS } from "~/ideas/lifecycle";
import { formatTimestamp } from "~/lib/dates";
import { orErrorPage } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Audit log · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.users");
  const log = orErrorPage(() => listAudit(getDb(), Object.fromEntries(new URL(request.url).searchParams)));
  return json({ ...log, kinds: AUDIT_KIND_LABELS });
}

/** A subject like `idea:COANA-I-1` or `user:12`, linked where it has a page. */
function Subject({ subject }: { subject: string }) {
  const [type, id] = subject.split(":");
  if (type === "idea")
    return (
      <Link to={`/ideas/${id}`} className="nowrap">
        {id}
      </Link>
    );
  return <span className="mono nowrap">{subject}</span>;
}

function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : (STATUS_LABELS as Record<string, string>)[String(v)] ?? String(v)}`)
    .join(" · ");
}

export default function AuditLog() {
  const { rows, total, page, pageSize, actors, filters, kinds } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.actor || filters.kind || filters.from || filters.to);
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p className="muted">Every audited action: role changes, deactivations, vote grants, status moves, hidden comments, go-lives marked done, ideas linked to delivery.</p>
      <Form method="get" className="filters" role="search" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-actor">Who</label>
          <select id="audit-actor" name="actor" defaultValue={filters.actor ?? ""}>
            <option value="">Anyone</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-kind">What</label>
          <select id="audit-kind" name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Any action</option>
            {Object.entries(kinds).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit" className="button">
          Apply
        </button>
      </Form>
      <p className="muted" aria-live="polite">
        {total} {total === 1 ? "entry" : "entries"}
        {filtered ? (
          <>
            {" "}
            · <Link to="/admin/audit">Clear filters</Link>
          </>
        ) : null}
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{filtered ? "No entry matches these filters." : "Nothing audited yet."}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">On</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid={`audit-${r.id}`}>
                  <td className="mono">{formatTimestamp(r.at).replace(" UTC", "")}</td>
                  <td>{r.actor ?? "system"}</td>
                  <td>{kinds[r.kind as AuditKind] ?? r.kind}</td>
                  <td>
                    <Subject subject={r.subject} />
                  </td>
                  <td className="muted">{detailText(r.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
