/**
 * A chart's legend drawn from a list given by the chart, so that markers (today, a mean line,
 * scope changes, go-lives) are explained next to the series, each drawn as it is in the chart.
 */
export type LegendItem = { label: string; color: string; shape: "line" | "dashed" | "dotted" | "bar" | "dot" | "hollow" | "vertical" };

const DASH = { line: undefined, dashed: "6 3", dotted: "2 3", vertical: "3 3" } as const;

function Swatch({ item }: { item: LegendItem }) {
  if (item.shape === "bar") return <rect x={2} y={2} width={12} height={10} fill={item.color} />;
  if (item.shape === "dot") return <circle cx={8} cy={7} r={4.5} fill={item.color} />;
  if (item.shape === "hollow") return <><line x1={0} y1={7} x2={16} y2={7} stroke={item.color} strokeWidth={2} strokeDasharray="4 2" /><circle cx={8} cy={7} r={4} fill="#fff" stroke={item.color} strokeWidth={2} /></>;
  if (item.shape === "vertical") return <line x1={8} y1={0} x2={8} y2={14} stroke={item.color} strokeWidth={2} strokeDasharray={DASH.vertical} />;
  return <line x1={0} y1={7} x2={16} y2={7} stroke={item.color} strokeWidth={2} strokeDasharray={DASH[item.shape]} />;
}

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul style={{ display: "flex", flexWrap: "wrap", gap: "0.25rem 0.9rem", justifyContent: "center", listStyle: "none", margin: "0.25rem 0 0", padding: 0, fontSize: 11 }}>
      {items.map((item) => (
        <li key={item.label} style={{ display: "inline-flex", alignItems: "center", gap: "0.3rem" }}>
          <svg width={16} height={14} aria-hidden="true">
            <Swatch item={item} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
