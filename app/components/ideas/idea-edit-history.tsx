import type { EditLine } from "~/ideas/edit-history";
import { formatTimestamp } from "~/lib/dates";

/** Short values read inline (old → new); long ones (a description) open to show both texts. */
const INLINE_LIMIT = 80;

function Value({ value }: { value: string | null }) {
  return value === null ? <em className="muted">none</em> : <q>{value}</q>;
}

function Line({ line }: { line: EditLine }) {
  const long = (line.from?.length ?? 0) > INLINE_LIMIT || (line.to?.length ?? 0) > INLINE_LIMIT;
  if (!long) {
    return (
      <li>
        <strong>{line.field}</strong>: <Value value={line.from} /> → <Value value={line.to} />
      </li>
    );
  }
  return (
    <li>
      <details>
        <summary>
          <strong>{line.field}</strong> changed
        </summary>
        <div className="edit-diff">
          <div>
            <div className="muted">Before</div>
            <p className="prose">{line.from ?? "none"}</p>
          </div>
          <div>
            <div className="muted">After</div>
            <p className="prose">{line.to ?? "none"}</p>
          </div>
        </div>
      </details>
    </li>
  );
}

/** An idea's edit history, newest first: who changed which field from what to what, and when. */
export function IdeaEditHistory({ edits }: { edits: { by: string; at: string; lines: EditLine[] }[] }) {
  if (!edits.length) return null;
  return (
    <section className="card" aria-labelledby="edits-title">
      <h2 id="edits-title">Edit history</h2>
      <ol className="edit-history">
        {edits.map((e, i) => (
          <li key={i}>
            <div className="muted">
              {e.by} · {formatTimestamp(e.at)}
            </div>
            <ul>
              {e.lines.map((line) => (
                <Line key={line.field} line={line} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
