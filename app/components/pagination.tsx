import { Link, useLocation } from "@remix-run/react";

export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? <Link to={link(page - 1)}>← Previous</Link> : <span />}
      <span className="muted">
        Page {page} of {pages}
      </span>
      {page < pages ? <Link to={link(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}
