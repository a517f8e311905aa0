import type { ReactNode } from "react";

/**
 * The top of a page: where it sits (links back up, ending in " /"), its title, a line or two
 * about it, and the page's main actions on the right.
 */
export function PageHeader({ crumbs, title, children, actions, printCrumbs = true }: { crumbs?: ReactNode; title: ReactNode; children?: ReactNode; actions?: ReactNode; printCrumbs?: boolean }) {
  return (
    <div className="page-header">
      <div>
        {crumbs ? <p className={printCrumbs ? "muted" : "muted no-print"}>{crumbs}</p> : null}
        <h1>{title}</h1>
        {children}
      </div>
      {actions}
    </div>
  );
}
