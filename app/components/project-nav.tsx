import { Link } from "@remix-run/react";

export type ProjectTab = "overview" | "backlog" | "board" | "release" | "ceremonies" | "docs" | "blockers" | "timeline";

const TABS: { tab: ProjectTab; label: string; path: string }[] = [
  { tab: "overview", label: "Overview", path: "" },
  { tab: "backlog", label: "Backlog", path: "/backlog" },
  { tab: "board", label: "Board", path: "/board" },
  { tab: "release", label: "Release plan", path: "/release" },
  { tab: "ceremonies", label: "Ceremonies", path: "/ceremonies" },
  { tab: "docs", label: "Documents", path: "/docs" },
  { tab: "blockers", label: "Blockers", path: "/blockers" },
  { tab: "timeline", label: "Timeline", path: "/timeline" },
];

/**
 * The project's tabs, on every page under a project, with the page's own tab marked. The board is
 * the running sprint (or the next one), found by /projects/:id/board. A page that shows times
 * passes the project's zone: they are shown in it, and it is named here, once.
 */
export function ProjectNav({ projectId, current, timeZone }: { projectId: number; current: ProjectTab; timeZone?: string }) {
  return (
    <>
      <nav className="project-nav no-print" aria-label="Project">
        <ul>
          {TABS.map((t) => (
            <li key={t.tab}>
              <Link to={`/projects/${projectId}${t.path}`} aria-current={t.tab === current ? "page" : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {timeZone ? <p className="zone-note muted">Times are in {timeZone.replace(/_/g, " ")}, the project's time zone.</p> : null}
    </>
  );
}
