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
 * the running sprint (or the next one), found by /projects/:id/board.
 */
export function ProjectNav({ projectId, current }: { projectId: number; current: ProjectTab }) {
  return (
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
  );
}
