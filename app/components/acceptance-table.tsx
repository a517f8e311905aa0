import type { AcceptanceRow as Row } from "~/delivery/demo.server";
import { formatTimestamp } from "~/lib/dates";

const LABEL = { accept: "Accepted", accept_with_follow_up: "Accepted with follow-up", reject: "Rejected" } as const;


/** The printable table of an acceptance record (a sprint demo's or a go-live's). */
export function AcceptanceTable({ rows, showSprint = false, timeZone }: { rows: readonly Row[]; showSprint?: boolean; timeZone?: string }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Story</th>
            {showSprint ? <th scope="col">Sprint</th> : null}
            <th scope="col">Points</th>
            <th scope="col">Acceptance criteria</th>
            <th scope="col">Decision</th>
            <th scope="col">Who, when</th>
            <th scope="col">Comment</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.storyId} data-testid={`record-${r.storyId}`}>
              <td>
                {r.title}
                {r.feature ? <div className="muted">{r.feature}</div> : null}
              </td>
              {showSprint ? <td>{r.sprintNumber ?? "—"}</td> : null}
              <td>{r.points ?? "?"}</td>
              <td>
                <ol style={{ margin: 0, paddingLeft: "1.2rem" }}>
                  {r.criteria.map((c, i) => (
                    <li key={i}>
                      {c}
                      {r.unmetCriteria.includes(i) ? <strong> — not met</strong> : null}
                    </li>
                  ))}
                </ol>
              </td>
              <td>{r.decision ? LABEL[r.decision] : <span className="muted">Not decided yet</span>}</td>
              <td>
                {r.decidedBy ? (
                  <>
                    {r.decidedBy}
                    {r.recordedBy && r.recordedBy !== r.decidedBy ? ` (recorded by ${r.recordedBy})` : ""}, {formatTimestamp(r.at, timeZone)}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td>{r.comment}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
