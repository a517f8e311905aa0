import { useEffect, useState, type ReactNode } from "react";

/** React 18 knows no `inert` prop; an empty string is passed to the DOM as the attribute. */
const INERT = { inert: "" } as Record<string, string>;

/**
 * A chart with its numbers as a table. The table is what the server renders (recharts draws no
 * SVG there), what a browser without JavaScript shows, and what screen readers read; once the
 * page is hydrated the chart is drawn and the table stays for assistive technology only.
 */
export function ChartFrame({ title, table, children, empty }: { title: string; table: ReactNode; children: ReactNode; empty?: string | null }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (empty) return <p className="muted">{empty}</p>;
  return (
    <figure className="chart" style={{ margin: 0 }}>
      <figcaption className="visually-hidden">{title}</figcaption>
      {hydrated ? (
        // Hidden from screen readers, and inert so that nothing in it takes the keyboard focus
        // either (the chart library makes its drawing and parts focusable).
        <div aria-hidden="true" {...INERT} style={{ width: "100%", height: 240 }}>
          {children}
        </div>
      ) : null}
      <div className={hydrated ? "visually-hidden" : "table-wrap"}>{table}</div>
    </figure>
  );
}
