import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { todayOnAxis } from "../../delivery/burndown";
import { forecastFinishOf, type BurnupPoint } from "../../delivery/burnup";
import { ChartFrame } from "./chart-frame";
import { ChartLegend, type LegendItem } from "./chart-legend";
import { OKABE_ITO as C } from "./palette";

const AXIS = { fontSize: 11 } as const;
const yLabel = { value: "Points", angle: -90, position: "insideLeft", fontSize: 11 } as const;
const legend = (items: LegendItem[]) => <Legend verticalAlign="bottom" content={() => <ChartLegend items={items} />} />;

type Day = { date: string; ideal: number; remaining: number | null; notAccepted: number | null; projection: number | null };

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function BurndownChart({ days, committed, scopeChanges, today }: { days: Day[]; committed: number; scopeChanges: { date: string; points: number }[]; today: string }) {
  const changeOn = new Map(scopeChanges.map((c) => [c.date, c.points]));
  const todayAt = todayOnAxis(days.map((d) => d.date), today);
  const now = days.find((d) => d.date === todayAt);
  const items: LegendItem[] = [
    { label: "Ideal", color: C.grey, shape: "dashed" },
    { label: "Remaining", color: C.blue, shape: "line" },
    { label: "Not yet accepted", color: C.orange, shape: "line" },
    { label: "Projection", color: C.vermillion, shape: "dotted" },
    ...(scopeChanges.length ? [{ label: "Scope change", color: C.reddishPurple, shape: "dot" } as const] : []),
    ...(todayAt ? [{ label: "Today", color: C.black, shape: "vertical" } as const] : []),
  ];
  return (
    <ChartFrame
      title={`Sprint burndown, ${committed} points committed`}
      empty={days.length ? null : "This sprint has no working days."}
      table={
        <table>
          <caption className="muted">
            Points at the end of each working day ({committed} committed at start)
            {now ? `; today (${now.date}) ${now.remaining ?? 0} remaining` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Ideal</th>
              <th scope="col">Remaining</th>
              <th scope="col">Not yet accepted</th>
              <th scope="col">Projection</th>
              <th scope="col">Scope change</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date} aria-current={d.date === todayAt ? "date" : undefined}>
                <td>
                  {d.date}
                  {d.date === todayAt ? " (today)" : ""}
                </td>
                <td>{d.ideal}</td>
                <td>{d.remaining ?? "—"}</td>
                <td>{d.notAccepted ?? "—"}</td>
                <td>{d.projection ?? "—"}</td>
                <td>{changeOn.has(d.date) ? signed(changeOn.get(d.date)!) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={days} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" {...AXIS} tickFormatter={(d: string) => d.slice(5)} />
          <YAxis allowDecimals={false} {...AXIS} label={yLabel} />
          <Tooltip />
          {legend(items)}
          <Line isAnimationActive={false} dataKey="ideal" name="Ideal" stroke={C.grey} strokeDasharray="6 3" dot={false} />
          <Line isAnimationActive={false} dataKey="remaining" name="Remaining" stroke={C.blue} strokeWidth={2.5} connectNulls={false} />
          <Line isAnimationActive={false} dataKey="notAccepted" name="Not yet accepted" stroke={C.orange} strokeWidth={2} connectNulls={false} />
          <Line isAnimationActive={false} dataKey="projection" name="Projection" stroke={C.vermillion} strokeWidth={2} strokeDasharray="2 3" dot={false} connectNulls={false} />
          {todayAt ? <ReferenceLine x={todayAt} stroke={C.black} strokeDasharray="3 3" label={{ value: "Today", position: "top", fontSize: 11 }} /> : null}
          {scopeChanges.map((c) => {
            const day = days.find((d) => d.date === c.date);
            return day && day.remaining !== null ? <ReferenceDot key={c.date} x={c.date} y={day.remaining} r={6} fill={C.reddishPurple} stroke="#fff" label={{ value: signed(c.points), position: "top", fontSize: 11 }} /> : null;
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function VelocityChart({ sprints, mean }: { sprints: { sprint: number; committed: number; accepted: number }[]; mean: number | null }) {
  const rows = sprints.map((s) => ({ ...s, label: `Sprint ${s.sprint}` }));
  const items: LegendItem[] = [
    { label: "Committed", color: C.skyBlue, shape: "bar" },
    { label: "Accepted", color: C.blue, shape: "bar" },
    ...(mean !== null ? [{ label: `Mean accepted (${mean})`, color: C.vermillion, shape: "dashed" } as const] : []),
  ];
  return (
    <ChartFrame
      title="Velocity"
      empty={sprints.length ? null : "No sprint closed yet: velocity appears after the first sprint closes."}
      table={
        <table>
          <caption className="muted">Committed at start vs accepted at close{mean !== null ? `; mean accepted ${mean}` : ""}</caption>
          <thead>
            <tr>
              <th scope="col">Sprint</th>
              <th scope="col">Committed</th>
              <th scope="col">Accepted</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.sprint}>
                <td>{s.label}</td>
                <td>{s.committed}</td>
                <td>{s.accepted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" {...AXIS} />
          <YAxis allowDecimals={false} {...AXIS} label={yLabel} />
          <Tooltip />
          {legend(items)}
          <Bar isAnimationActive={false} dataKey="committed" name="Committed" fill={C.skyBlue} />
          <Bar isAnimationActive={false} dataKey="accepted" name="Accepted" fill={C.blue} />
          {mean !== null ? <ReferenceLine y={mean} stroke={C.vermillion} strokeWidth={2} strokeDasharray="6 3" label={{ value: `Mean ${mean}`, position: "insideTopRight", fontSize: 11 }} /> : null}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

type BurnupRow = Omit<BurnupPoint, "state"> & { state?: BurnupPoint["state"]; goLives: string[] };

/** "Go-live 1: inbound voice" is labelled "Go-live 1" on the chart; the table has the full name. */
const shortName = (name: string) => (name.includes(":") ? name.slice(0, name.indexOf(":")) : name.length > 22 ? `${name.slice(0, 21)}…` : name);

const STATE_NOTE = { closed: "", running: " (running: so far)", planned: "", beyond: " (after the planned sprints)" } as const;

export function BurnupChart({ points }: { points: BurnupRow[] }) {
  const full = points.map((p) => ({ ...p, state: p.state ?? "planned" }));
  const finish = forecastFinishOf(full);
  const running = full.findIndex((p) => p.state === "running");
  const rows = full.map((p, i) => {
    // The closed sprints are drawn solid; the running sprint's figures are partial, so the step
    // into it is dashed (from the last closed sprint) and ends on a hollow point.
    const bridge = running >= 0 && (i === running || (i === running - 1 && p.state === "closed"));
    return {
      ...p,
      label: `S${p.sprint}`,
      scopeClosed: p.state === "closed" ? p.scope : null,
      acceptedClosed: p.state === "closed" ? p.accepted : null,
      scopeRunning: bridge ? p.scope : null,
      acceptedRunning: bridge ? p.accepted : null,
    };
  });
  const goLiveLines = rows.filter((r) => r.goLives.length);
  const items: LegendItem[] = [
    { label: "Scope", color: C.vermillion, shape: "line" },
    { label: "Accepted", color: C.bluishGreen, shape: "line" },
    ...(running >= 0 ? [{ label: "Running sprint (so far)", color: C.black, shape: "hollow" } as const] : []),
    { label: "Baseline", color: C.grey, shape: "dashed" },
    { label: "Forecast (mean)", color: C.blue, shape: "dashed" },
    { label: "Forecast (low / high)", color: C.skyBlue, shape: "dotted" },
    ...(goLiveLines.length ? [{ label: "Go-live (planned sprint)", color: C.reddishPurple, shape: "vertical" } as const] : []),
    ...(finish !== null ? [{ label: `Forecast finish (sprint ${finish})`, color: C.blue, shape: "vertical" } as const] : []),
  ];
  return (
    <ChartFrame
      title="Release burnup"
      empty={points.length ? null : "No sprints yet: the burnup starts with sprint 1."}
      table={
        <table>
          <caption className="muted">
            Scope and accepted points per sprint, baseline and forecast band{finish !== null ? `; the mean forecast reaches the scope in sprint ${finish}` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Sprint</th>
              <th scope="col">Scope</th>
              <th scope="col">Accepted</th>
              <th scope="col">Baseline</th>
              <th scope="col">Forecast (low / mean / high)</th>
              <th scope="col">Go-lives</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.sprint}>
                <td>
                  Sprint {p.sprint}
                  {STATE_NOTE[p.state]}
                </td>
                <td>{p.scope ?? "—"}</td>
                <td>{p.accepted ?? "—"}</td>
                <td>{p.baseline ?? "—"}</td>
                <td>{p.forecastMean === null ? "—" : `${p.forecastLow} / ${p.forecastMean} / ${p.forecastHigh}`}</td>
                <td>{p.goLives.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 20, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" {...AXIS} />
          <YAxis allowDecimals={false} {...AXIS} label={yLabel} />
          <Tooltip />
          {legend(items)}
          <Line isAnimationActive={false} dataKey="baseline" name="Baseline" stroke={C.grey} strokeDasharray="6 3" dot={false} />
          <Line isAnimationActive={false} dataKey="forecastHigh" name="Forecast (high)" stroke={C.skyBlue} strokeDasharray="2 3" dot={false} />
          <Line isAnimationActive={false} dataKey="forecastMean" name="Forecast (mean)" stroke={C.blue} strokeWidth={2} strokeDasharray="6 3" dot={false} />
          <Line isAnimationActive={false} dataKey="forecastLow" name="Forecast (low)" stroke={C.skyBlue} strokeDasharray="2 3" dot={false} />
          <Line isAnimationActive={false} dataKey="scopeClosed" name="Scope" stroke={C.vermillion} strokeWidth={2} />
          <Line isAnimationActive={false} dataKey="acceptedClosed" name="Accepted" stroke={C.bluishGreen} strokeWidth={2.5} />
          <Line isAnimationActive={false} dataKey="scopeRunning" name="Scope (so far)" stroke={C.vermillion} strokeWidth={2} strokeDasharray="4 3" dot={{ r: 4, fill: "#fff", strokeWidth: 2 }} legendType="none" />
          <Line isAnimationActive={false} dataKey="acceptedRunning" name="Accepted (so far)" stroke={C.bluishGreen} strokeWidth={2} strokeDasharray="4 3" dot={{ r: 4, fill: "#fff", strokeWidth: 2 }} legendType="none" />
          {goLiveLines.map((r) => (
            <ReferenceLine key={r.sprint} x={r.label} stroke={C.reddishPurple} strokeWidth={1.5} strokeDasharray="3 3" label={{ value: r.goLives.map(shortName).join(", "), position: "insideTopLeft", fontSize: 10, fill: "#333" }} />
          ))}
          {finish !== null ? <ReferenceLine x={`S${finish}`} stroke={C.blue} strokeDasharray="3 3" label={{ value: "Forecast finish", position: "insideTopRight", fontSize: 10, fill: "#333" }} /> : null}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
