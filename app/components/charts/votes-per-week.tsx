import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";

import type { VotesWeek } from "~/ideas/insights";

export function VotesPerWeekChart({ data }: { data: VotesWeek[] }) {
  return (
    <ChartFrame
      title="Votes cast and taken back per week"
      empty={data.length ? null : "No votes yet. The first vote starts this chart."}
      table={
        <table>
          <caption className="muted">Votes per week (week starting Monday)</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Cast</th>
              <th scope="col">Taken back</th>
            </tr>
          </thead>
          <tbody>
            {data.map((w) => (
              <tr key={w.week}>
                <td>{w.week}</td>
                <td>{w.cast}</td>
                <td>{w.withdrawn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" fontSize={11} label={{ value: "Week of", position: "insideBottom", offset: -16, fontSize: 11 }} />
          <YAxis allowDecimals={false} fontSize={11} label={{ value: "Votes", angle: -90, position: "insideLeft", fontSize: 11 }} />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="cast" name="Cast" fill="#2f5d8a" />
          <Bar isAnimationActive={false} dataKey="withdrawn" name="Taken back" fill="#c9a227" />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
