import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { StatusBadge } from "~/components/status-badge";
import { Pagination } from "~/components/pagination";
import { PostForm } from "~/components/post-form";
import { ConfirmStep } from "~/components/confirm-step";
import { FieldError, FormMessage } from "~/components/field";
import { pmBoard } from "~/ideas/sla.server";
import { pmBoardPage, type BoardRow } from "~/ideas/pm-board.server";
import { BOARD_SORT_LABELS, ariaSort, sortLink, type BoardSort } from "~/ideas/pm-board";
import { addComment } from "~/ideas/comments.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { STATUS_LABELS, latestTargetDate } from "~/ideas/lifecycle";
import { appToday } from "~/lib/app-time";
import { confirmationOf, formError, readForm, type FormErrors } from "~/lib/forms.server";
import { redirectWithFlash } from "~/web/flash.server";
import type { IdeaStatus } from "../../../db/schema/ideas";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("PM board · Ideas Lab · Sprintlab", "The product managers' board of the Ideas Lab's ideas.");

/** The board's query as one flat record; the old `scope=all` link still shows every owner. */
function boardInput(url: URL): Record<string, string> {
  const input = Object.fromEntries(url.searchParams);
  if (!input.owner && input.scope === "all") input.owner = "all";
  delete input.scope;
  return input;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "ideas.slaBoard");
  const db = getDb();
  const board = pmBoardPage(db, user.id, boardInput(new URL(request.url)));
  const lists = pmBoard(db, typeof board.owner === "number" ? board.owner : user.id, board.owner === "all" ? "all" : "mine");
  return json({ board, late: { items: lists.late, total: lists.lateTotal }, stale: { items: lists.stale, total: lists.staleTotal }, today: appToday() });
}

/** Row actions: the same use cases as the idea page, answered back on the board with its filters kept. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ideas.slaBoard");
  const form = await readForm(request);
  const db = getDb();
  const key = String(form.get("key") ?? "");
  const back = `/pm${new URL(request.url).search}`;
  try {
    switch (form.get("intent")) {
      case "official":
        addComment(db, user, key, { kind: "official", body: form.get("body") });
        return redirectWithFlash(back, `Official update posted on ${key}.`);
      case "move": {
        const idea = moveIdea(
          db,
          user,
          key,
          {
            status: form.get("status"),
            note: form.get("note") ?? "",
            targetDate: form.get("targetDate") || null,
            releaseNoteUrl: form.get("releaseNoteUrl") || null,
            mergeInto: form.get("mergeInto") || null,
          },
          confirmationOf(form),
        );
        return redirectWithFlash(back, `${key} moved to ${STATUS_LABELS[idea.status]}.`);
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

const COLUMNS: BoardSort[] = ["key", "title", "votes", "customerVotes", "companies", "category", "owner", "due"];

export default function PmBoard() {
  const { board, late, stale, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors = answer && "errors" in answer ? answer.errors : undefined;
  const [params] = useSearchParams();
  const current = { sort: board.sort, dir: board.dir };
  const ownerValue = String(board.owner);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>PM board</h1>
          <p>
            {board.owner === "mine" ? "Your categories" : board.owner === "all" ? "All categories" : `Categories of ${board.owners.find((o) => o.id === board.owner)?.name ?? "one owner"}`}
            {" · "}
            <span data-testid="overdue-count">{board.overdue} overdue update{board.overdue === 1 ? "" : "s"}</span>
          </p>
        </div>
      </div>
      {board.notices.map((n) => (
        <p key={n} className="alert alert--info" role="status">
          {n}
        </p>
      ))}

      <section className="card" aria-labelledby="board-title">
        <h2 id="board-title">Open ideas ({board.total})</h2>
        <Form method="get" className="form form--inline" aria-label="Filter the board">
          <input type="hidden" name="sort" value={board.sort} />
          <input type="hidden" name="dir" value={board.dir} />
          <div className="field">
            <label htmlFor="board-category">Category</label>
            <select id="board-category" name="category" defaultValue={board.category ?? ""}>
              <option value="">Every category</option>
              {board.categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.portal} · {c.name} ({c.key})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="board-owner">Owner</label>
            <select id="board-owner" name="owner" defaultValue={ownerValue}>
              <option value="mine">My categories</option>
              <option value="all">Every owner</option>
              {board.owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="button button--quiet">
              Filter
            </button>
          </div>
        </Form>
        <p className="muted">
          An idea under review is owed a public update within 30 business days; an official update answers it. Sorted by {BOARD_SORT_LABELS[board.sort].toLowerCase()}, {board.dir === "asc" ? "ascending" : "descending"}.
        </p>
        {board.rows.length === 0 ? (
          <p className="muted">No open idea in these categories.</p>
        ) : (
          <div className="table-wrap">
            <table className="responsive-table pm-board-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" aria-sort={ariaSort(current, c)}>
                      <Link to={sortLink(current, c, params)}>
                        {BOARD_SORT_LABELS[c]}
                        {current.sort === c ? (current.dir === "asc" ? " ↑" : " ↓") : ""}
                      </Link>
                    </th>
                  ))}
                  <th scope="col">Act</th>
                </tr>
              </thead>
              <tbody>
                {board.rows.map((r) => (
                  <BoardRowView key={r.key} row={r} today={today} errors={errors?.values.key === r.key ? errors : undefined} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {board.total > 0 ? (
          <p className="muted" data-testid="board-showing">
            {`Showing ${((board.page - 1) * board.pageSize + 1).toLocaleString("en-US")}–${((board.page - 1) * board.pageSize + board.rows.length).toLocaleString("en-US")} of ${board.total.toLocaleString("en-US")} open idea${board.total === 1 ? "" : "s"}`}
          </p>
        ) : null}
        <Pagination page={board.page} pageSize={board.pageSize} total={board.total} />
      </section>

      <section className="card" aria-labelledby="late-title">
        <h2 id="late-title">Late ({late.total})</h2>
        {late.total > late.items.length ? <p className="muted">The {late.items.length} furthest past their target date.</p> : null}
        {late.items.length === 0 ? (
          <p className="muted">No accepted idea is past its target date.</p>
        ) : (
          <ul>
            {late.items.map((i) => (
              <li key={i.key}>
                <Link to={`/ideas/${i.key}`}>{i.title}</Link> <StatusBadge status={i.status as IdeaStatus} /> target {i.targetDate}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="stale-title">
        <h2 id="stale-title">Stale ({stale.total})</h2>
        <p className="muted">In Development with no official update for 30 days{stale.total > stale.items.length ? `; the first ${stale.items.length} by key` : ""}.</p>
        {stale.items.length === 0 ? (
          <p className="muted">Every idea in development had an update this month.</p>
        ) : (
          <ul>
            {stale.items.map((i) => (
              <li key={i.key}>
                <Link to={`/ideas/${i.key}`}>{i.title}</Link> · last official update {i.lastOfficial ? i.lastOfficial.slice(0, 10) : "never"}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** One idea's row, and under it (a disclosure, open again after a refusal) its official update and move forms. */
function BoardRowView({ row, today, errors }: { row: BoardRow; today: string; errors: FormErrors | undefined }) {
  const intent = errors?.values.intent;
  const id = row.key.toLowerCase();
  const err = (intent_: string, field: string) => (intent === intent_ ? errors?.fields[field] : undefined);
  return (
    <tr data-testid={`board-${row.key}`}>
      <td data-label="Key" className="mono">
        {row.key}
      </td>
      <td data-label="Title">
        <Link to={`/ideas/${row.key}`}>{row.title}</Link> <StatusBadge status={row.status} />
      </td>
      <td data-label="Votes">{row.votes}</td>
      <td data-label="Customer and partner votes">
        {row.thresholdVotes} of {row.voteThreshold}
      </td>
      <td data-label="Voting companies">{row.companies}</td>
      <td data-label="Category">
        {row.categoryName} <span className="muted">{row.portal}</span>
      </td>
      <td data-label="Owner">{row.owner ?? "Nobody"}</td>
      <td data-label="Due">{row.due.late ? <span className="status status--late">{row.due.text}</span> : row.due.text}</td>
      <td data-label="Act">
        <details open={Boolean(errors)}>
          <summary>Update or move</summary>
          <PostForm className="form" noValidate>
            <input type="hidden" name="intent" value="official" />
            <input type="hidden" name="key" value={row.key} />
            {intent === "official" && errors && !Object.keys(errors.fields).length ? <FormMessage message={errors.message} /> : null}
            <div className={err("official", "body") ? "field field--error" : "field"}>
              <label htmlFor={`${id}-body`}>Official update on {row.key}</label>
              <textarea id={`${id}-body`} name="body" defaultValue={intent === "official" ? errors?.values.body : ""} aria-describedby={err("official", "body") ? `${id}-body-error` : undefined} />
              <FieldError id={`${id}-body-error`} message={err("official", "body")} />
            </div>
            <button type="submit" className="button">
              Post update
            </button>
          </PostForm>
          {row.moves.length ? (
            <PostForm className="form" noValidate>
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="key" value={row.key} />
              {intent === "move" && errors && !Object.keys(errors.fields).length && !errors.consequence ? <FormMessage message={errors.message} /> : null}
              <div className={err("move", "status") ? "field field--error" : "field"}>
                <label htmlFor={`${id}-status`}>Move {row.key} to</label>
                <select id={`${id}-status`} name="status" defaultValue={intent === "move" ? errors?.values.status : ""}>
                  <option value="">Choose a status…</option>
                  {row.moves.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
                <FieldError id={`${id}-status-error`} message={err("move", "status")} />
              </div>
              <div className={err("move", "note") ? "field field--error" : "field"}>
                <label htmlFor={`${id}-note`}>Public note (for Not Planned, the reason)</label>
                <textarea id={`${id}-note`} name="note" defaultValue={intent === "move" ? errors?.values.note : ""} />
                <FieldError id={`${id}-note-error`} message={err("move", "note")} />
              </div>
              {row.moves.includes("accepted") ? (
                <div className={err("move", "targetDate") ? "field field--error" : "field"}>
                  <label htmlFor={`${id}-target`}>Target date (for Accepted)</label>
                  <input id={`${id}-target`} name="targetDate" type="date" min={today} max={latestTargetDate(today)} defaultValue={intent === "move" ? errors?.values.targetDate : ""} />
                  <FieldError id={`${id}-target-error`} message={err("move", "targetDate")} />
                </div>
              ) : null}
              {row.moves.includes("delivered") ? (
                <div className={err("move", "releaseNoteUrl") ? "field field--error" : "field"}>
                  <label htmlFor={`${id}-release`}>Release-note link (for Delivered)</label>
                  <input id={`${id}-release`} name="releaseNoteUrl" type="url" defaultValue={intent === "move" ? errors?.values.releaseNoteUrl : ""} />
                  <FieldError id={`${id}-release-error`} message={err("move", "releaseNoteUrl")} />
                </div>
              ) : null}
              {row.moves.includes("merged") ? (
                <div className={err("move", "mergeInto") ? "field field--error" : "field"}>
                  <label htmlFor={`${id}-merge`}>Merge into idea (its key, for Merged)</label>
                  <input id={`${id}-merge`} name="mergeInto" defaultValue={intent === "move" ? errors?.values.mergeInto : ""} />
                  <FieldError id={`${id}-merge-error`} message={err("move", "mergeInto")} />
                </div>
              ) : null}
              <ConfirmStep errors={intent === "move" ? errors : undefined} id={`${id}-confirm`} />
              <button type="submit" className="button button--quiet">
                Move
              </button>
            </PostForm>
          ) : null}
        </details>
      </td>
    </tr>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
