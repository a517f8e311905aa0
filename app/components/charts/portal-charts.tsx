import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { IdeaStatus } from "../../../db/schema/ideas";
import { STATUS_LABELS } from "../../ideas/lifecycle";
import type { FunnelStage } from "../../ideas/insights";
import { ChartFrame } from "./chart-frame";
import { OKABE_ITO } from "./palette";

/**
 * One colour per status, told apart also by people with the common colour-vision deficiencies
 * (the Okabe–Ito palette); legends list the statuses in lifecycle order.
 */
const COLORS: Record<IdeaStatus, string> = {
  community_review: OKABE_ITO.skyBlue,
  under_pm_review: OKABE_ITO.orange,
  accepted: OKABE_ITO.blue,
  in_development: OKABE_ITO.reddishPurple,
  delivered: OKABE_ITO.bluishGreen,
  not_planned: OKABE_ITO.vermillion,
  merged: OKABE_ITO.grey,
};

type Row = Record<string, string | number | null>;

function DataTable({ caption, rows, columns }: { caption: string; rows: Row[]; columns: { key: string; label: string }[] }) {
  return (
    <table>
      <caption className="muted">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.key}>{r[c.key] ?? "—"}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FunnelChart({ data }: { data: FunnelStage[] }) {
  const rows = data.map((d) => ({
    stage: STATUS_LABELS[d.status],
    ideas: d.ideas,
    ofPrevious: d.ofPrevious === null ? null : `${d.ofPrevious} %`,
    ofAll: d.ofAll === null ? null : `${d.ofAll} %`,
    label: d.ofPrevious === null ? String(d.ideas) : `${d.ideas} · ${d.ofPrevious} %`,
  }));
  return (
    <ChartFrame
      title="Status funnel"
      table={
        <DataTable
          caption="Ideas that reached each stage, and the share of the previous stage's ideas that got there"
          rows={rows}
          columns={[
            { key: "stage", label: "Stage" },
            { key: "ideas", label: "Ideas" },
            { key: "ofPrevious", label: "Of previous stage" },
            { key: "ofAll", label: "Of all submitted" },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ left: 40, right: 64, bottom: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={11} label={{ value: "Ideas", position: "insideBottom", offset: -8, fontSize: 11 }} />
          <YAxis type="category" dataKey="stage" width={110} fontSize={11} />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="ideas" name="Ideas" fill="#0072b2">
            <LabelList dataKey="label" position="right" fontSize={11} fill="#333" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

const STATUS_COLUMNS = (Object.keys(STATUS_LABELS) as IdeaStatus[]).map((s) => ({ key: s, label: STATUS_LABELS[s] }));

/** Legends follow the lifecycle (recharts sorts them by label unless told otherwise). */
const LIFECYCLE_ORDER = (item: { dataKey?: unknown }) => STATUS_COLUMNS.findIndex((c) => c.key === item.dataKey);

/** Stacked bars, one per month: counts at month end, never a curve inventing values between them. */
export function StatusOverTimeChart({ data }: { data: Row[] }) {
  return (
    <ChartFrame title="Ideas by status over time" table={<DataTable caption="Ideas in each status at month end" rows={data} columns={[{ key: "month", label: "Month" }, ...STATUS_COLUMNS]} />}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ right: 16, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} label={{ value: "Ideas", angle: -90, position: "insideLeft", fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={LIFECYCLE_ORDER} />
          {STATUS_COLUMNS.map((c) => (
            <Bar key={c.key} isAnimationActive={false} dataKey={c.key} name={c.label} stackId="status" fill={COLORS[c.key]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

const OPEN_COLUMNS = STATUS_COLUMNS.slice(0, 4);

export function TimeInStatusChart({ data }: { data: Row[] }) {
  return (
    <ChartFrame title="Median days in each status, by month left" table={<DataTable caption="Median days spent in a status, by the month ideas left it" rows={data} columns={[{ key: "month", label: "Month" }, ...OPEN_COLUMNS]} />}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ right: 16, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" fontSize={11} />
          <YAxis fontSize={11} label={{ value: "Days", angle: -90, position: "insideLeft", fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={LIFECYCLE_ORDER} />
          {OPEN_COLUMNS.map((c) => (
            <Bar key={c.key} isAnimationActive={false} dataKey={c.key} name={c.label} fill={COLORS[c.key]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function SlaChart({ data }: { data: Row[] }) {
  return (
    <ChartFrame title="SLA met and missed per month" table={<DataTable caption="PM responses within 30 business days, per month" rows={data} columns={[{ key: "month", label: "Month" }, { key: "met", label: "Met" }, { key: "missed", label: "Missed" }]} />}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ right: 16, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} label={{ value: "Clocks", angle: -90, position: "insideLeft", fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={(item) => (item.dataKey === "met" ? 0 : 1)} />
          <Bar isAnimationActive={false} dataKey="met" name="Met" stackId="sla" fill={COLORS.delivered} />
          <Bar isAnimationActive={false} dataKey="missed" name="Missed" stackId="sla" fill={COLORS.not_planned} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
