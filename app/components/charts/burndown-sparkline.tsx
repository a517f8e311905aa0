import { OKABE_ITO as C } from "./palette";

type Day = { date: string; ideal: number; remaining: number | null };

const W = 120;
const H = 32;
const PAD = 2;

/**
 * A sprint's burndown in a word's space: the ideal line and the remaining points so far, drawn as
 * plain SVG on the server (recharts draws nothing there), so it shows without JavaScript. Its
 * name says the same numbers in words.
 */
export function BurndownSparkline({ days, committed, label }: { days: Day[]; committed: number; label: string }) {
  const top = Math.max(committed, ...days.map((d) => Math.max(d.ideal, d.remaining ?? 0)), 1);
  const x = (i: number) => PAD + (days.length > 1 ? (i * (W - 2 * PAD)) / (days.length - 1) : (W - 2 * PAD) / 2);
  const y = (v: number) => PAD + (1 - v / top) * (H - 2 * PAD);
  const path = (values: (number | null)[]) =>
    values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter(Boolean)
      .join(" ");
  const shown = days.map((d) => d.remaining);
  const last = shown.reduce<number>((at, v, i) => (v === null ? at : i), -1);
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
      <polyline points={path(days.map((d) => d.ideal))} fill="none" stroke={C.grey} strokeWidth={1} strokeDasharray="3 2" />
      {last >= 0 ? <polyline points={path(shown)} fill="none" stroke={C.blue} strokeWidth={2} strokeLinejoin="round" /> : null}
      {last >= 0 ? <circle cx={x(last)} cy={y(shown[last]!)} r={2.5} fill={C.blue} /> : null}
    </svg>
  );
}
