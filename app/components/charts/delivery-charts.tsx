import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";

type Day = { date: string; ideal: number; remaining: number | null; notAccepted: number | null; projection: number | null };

export function BurndownChart({ days, committed, scopeChanges }: { days: Day[]; committed: number; scopeChanges: { date: string; points: number }[] }) {
  const changeOn = new Map(scopeChanges.map((c) => [c.date, c.points]));
  return (
    <ChartFrame
      title={`Sprint burndown, ${committed} points committed`}
      empty={days.length ? null : "This sprint has no working days."}
      table={
        <table>
          <caption className="muted">Points at the end of each working day ({committed} committed at start)</caption>
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
              <tr key={d.date}>
                <td>{d.date}</td>
                <td>{d.ideal}</td>
                <td>{d.remaining ?? "—"}</td>
                <td>{d.notAccepted ?? "—"}</td>
                <td>{d.projection ?? "—"}</td>
                <td>{changeOn.has(d.date) ? (changeOn.get(d.date)! > 0 ? `+${changeOn.get(d.date)}` : changeOn.get(d.date)) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={days} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" fontSize={11} tickFormatter={(d: string) => d.slice(5)} />
          <YAxis allowDecimals={false} fontSize={11} label={{ value: "Points", angle: -90, position: "insideLeft", fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line isAnimationActive={false} dataKey="ideal" name="Ideal" stroke="#8a99ad" strokeDasharray="5 5" dot={false} />
          <Line isAnimationActive={false} dataKey="remaining" name="Remaining" stroke="#2f5d8a" strokeWidth={2} connectNulls={false} />
          <Line isAnimationActive={false} dataKey="notAccepted" name="Not yet accepted" stroke="#c9a227" strokeWidth={2} connectNulls={false} />
          <Line isAnimationActive={false} dataKey="projection" name="Projection" stroke="#2f5d8a" strokeDasharray="2 4" dot={false} connectNulls={false} />
          {scopeChanges.map((c) => {
            const day = days.find((d) => d.date === c.date);
            return day && day.remaining !== null ? <ReferenceDot key={c.date} x={c.date} y={day.remaining} r={6} fill="#b3493f" stroke="none" label={{ value: c.points > 0 ? `+${c.points}` : String(c.points), position: "top", fontSize: 11 }} /> : null;
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function VelocityChart({ sprints, mean }: { sprints: { sprint: number; committed: number; accepted: number }[]; mean: number | null }) {
  const rows = sprints.map((s) => ({ ...s, label: `Sprint ${s.sprint}` }));
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
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} label={{ value: "Points", angle: -90, position: "insideLeft", fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar isAnimationActive={false} dataKey="committed" name="Committed" fill="#8a99ad" />
          <Bar isAnimationActive={false} dataKey="accepted" name="Accepted" fill="#2e8b57" />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

type BurnupRow = { sprint: number; scope: number | null; accepted: number | null; baseline: number | null; forecastMean: number | null; forecastLow: number | null; forecastHigh: number | null; goLives: string[] };

export function BurnupChart({ points }: { points: BurnupRow[] }) {
  const rows = points.map((p) => ({ ...p, label: `S${p.sprint}${p.goLives.length ? " ★" : ""}` }));
  return (
    <ChartFrame
      title="Release burnup"
      empty={points.length ? null : "No sprints yet: the burnup starts with sprint 1."}
      table={
        <table>
          <caption className="muted">Scope and accepted points per sprint, baseline and forecast band (★ = go-live)</caption>
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
                <td>Sprint {p.sprint}</td>
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
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} label={{ value: "Points", angle: -90, position: "insideLeft", fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line isAnimationActive={false} dataKey="baseline" name="Baseline" stroke="#8a99ad" strokeDasharray="6 3" dot={false} />
          <Line isAnimationActive={false} dataKey="scope" name="Scope" stroke="#b3493f" strokeWidth={2} />
          <Line isAnimationActive={false} dataKey="accepted" name="Accepted" stroke="#2e8b57" strokeWidth={2} />
          <Line isAnimationActive={false} dataKey="forecastHigh" name="Forecast (high)" stroke="#2f5d8a" strokeDasharray="2 4" dot={false} />
          <Line isAnimationActive={false} dataKey="forecastMean" name="Forecast (mean)" stroke="#2f5d8a" strokeDasharray="5 3" dot={false} />
          <Line isAnimationActive={false} dataKey="forecastLow" name="Forecast (low)" stroke="#2f5d8a" strokeDasharray="2 4" dot={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
