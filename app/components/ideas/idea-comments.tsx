import type { ReactNode } from "react";
import { PostForm } from "~/components/post-form";
import { FieldError } from "~/components/field";
import { CommentEditForm, CommentRevisions, ConfirmedRemoveForm, errorsFor } from "~/components/comment-change-forms";
import type { Comment } from "~/ideas/comments.server";
import { formatTimestamp } from "~/lib/dates";
import type { FormErrors } from "~/lib/forms.server";

type Can = { comment: boolean; hide: boolean; official: boolean };

type Props = {
  comments: Comment[];
  meId: number;
  can: Can;
  errors: FormErrors | undefined;
};

/**
 * An idea's comments, each top-level one with its replies under it (one level deep), "works for
 * me", hiding (PMs), and for its author "Edit" and "Delete"; then the form that adds one.
 */
export function IdeaComments({ comments, meId, can, errors }: Props) {
  const intent = errors?.values.intent;
  const shown = new Set(comments.map((c) => c.id));
  // A reply whose thread the viewer does not see (its top comment hidden) stands on its own.
  const tops = comments.filter((c) => c.parentId === null || !shown.has(c.parentId));
  const replies = new Map<number, Comment[]>();
  for (const c of comments) {
    if (c.parentId !== null && shown.has(c.parentId)) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  }
  return (
    <section className="card" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments ({comments.filter((c) => !c.hidden && !c.deleted).length})</h2>
      {comments.length === 0 ? <p className="muted">No comments yet. Add what you need, or a work-around that helped you.</p> : null}
      {tops.map((c) => (
        <CommentItem key={c.id} c={c} meId={meId} can={can} errors={errors}>
          {replies.get(c.id)?.length ? (
            <div className="comment__replies" aria-label={`Replies to ${c.author.name}`} role="group">
              {replies.get(c.id)!.map((r) => (
                <CommentItem key={r.id} c={r} meId={meId} can={can} errors={errors} />
              ))}
            </div>
          ) : null}
          {can.comment && c.parentId === null && !c.hidden && !c.deleted ? <ReplyForm c={c} errors={errors} /> : null}
        </CommentItem>
      ))}
      {can.comment ? (
        <PostForm className="form" style={{ maxWidth: "none", marginTop: "1rem" }} noValidate>
          <input type="hidden" name="intent" value="comment" />
          <div className={intent === "comment" && errors ? "field field--error" : "field"}>
            <label htmlFor="body">Add a comment</label>
            <textarea
              id="body"
              name="body"
              defaultValue={intent === "comment" ? errors?.values.body : ""}
              aria-invalid={intent === "comment" && errors ? true : undefined}
              aria-describedby={intent === "comment" && errors ? "body-error" : undefined}
            />
            {intent === "comment" ? <FieldError id="body-error" message={errors?.fields.body ?? errors?.message} /> : null}
          </div>
          <div className="form--inline" style={{ marginBottom: 0 }}>
            <div className="field">
              <label htmlFor="kind">Kind</label>
              <select id="kind" name="kind" defaultValue={intent === "comment" ? errors?.values.kind : "comment"}>
                <option value="comment">Comment</option>
                <option value="workaround">Work-around that helped me</option>
                {can.official ? <option value="official">Official update</option> : null}
              </select>
            </div>
            <button type="submit" className="button">
              Post
            </button>
          </div>
        </PostForm>
      ) : null}
    </section>
  );
}

function CommentItem({ c, meId, can, errors, children }: { c: Comment; meId: number; can: Can; errors: FormErrors | undefined; children?: ReactNode }) {
  const hideErrors = errorsFor(errors, "hide", c.id);
  const mine = c.author.id === meId && !c.deleted && !c.hidden;
  const classes = ["comment", c.kind === "official" ? "comment--official" : "", c.hidden ? "comment--hidden" : "", c.parentId !== null ? "comment--reply" : "", c.deleted ? "comment--deleted" : ""];
  return (
    <article id={`comment-${c.id}`} className={classes.filter(Boolean).join(" ")} data-testid={`comment-${c.id}`}>
      <div className="comment__meta">
        <strong>{c.author.name}</strong>
        <span>{formatTimestamp(c.createdAt)}</span>
        {c.kind === "workaround" && !c.deleted ? <span className="badge badge--role-pm">Work-around · {c.confirmations} confirmed</span> : null}
        {c.kind === "official" ? <span className="badge badge--role-staff">Official update</span> : null}
        {c.hidden ? <span className="badge badge--inactive">Hidden: {c.hiddenReason}</span> : null}
        {c.edited && !c.deleted && !c.revisions?.length ? <span>edited</span> : null}
      </div>
      {c.deleted ? <p className="comment__deleted">Deleted by its author.</p> : <p className="prose">{c.body}</p>}
      {c.revisions?.length ? <CommentRevisions revisions={c.revisions} deleted={c.deleted} /> : null}
      <div className="actions">
        {c.kind === "workaround" && !c.hidden && !c.deleted && c.author.id !== meId && can.comment ? (
          <PostForm>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="commentId" value={c.id} />
            <button type="submit" className="button button--quiet" aria-pressed={c.confirmedByMe}>
              {c.confirmedByMe ? "Works for me ✓" : "Works for me"}
            </button>
          </PostForm>
        ) : null}
        {mine ? <CommentEditForm intent="edit" commentId={c.id} body={c.body} errors={errorsFor(errors, "edit", c.id)} /> : null}
        {mine ? <ConfirmedRemoveForm intent="delete" id={c.id} errors={errorsFor(errors, "delete", c.id)} /> : null}
        {can.hide && !c.hidden && !c.deleted ? (
          <details open={hideErrors ? true : undefined}>
            <summary className="muted">Hide…</summary>
            <PostForm className="form form--inline">
              <input type="hidden" name="intent" value="hide" />
              <input type="hidden" name="commentId" value={c.id} />
              <div className="field">
                <label htmlFor={`reason-${c.id}`}>Reason for hiding</label>
                <input id={`reason-${c.id}`} name="reason" defaultValue={hideErrors ? hideErrors.values.reason : ""} />
                {hideErrors ? <FieldError id={`reason-${c.id}-error`} message={hideErrors.fields.reason ?? hideErrors.message} /> : null}
              </div>
              <button type="submit" className="button button--danger">
                Hide comment
              </button>
            </PostForm>
          </details>
        ) : null}
      </div>
      {children}
    </article>
  );
}

function ReplyForm({ c, errors: all }: { c: Comment; errors: FormErrors | undefined }) {
  const errors = errorsFor(all, "reply", c.id);
  const id = `reply-${c.id}`;
  return (
    <details className="comment__reply" open={errors ? true : undefined}>
      <summary>Reply</summary>
      <PostForm className="form" style={{ maxWidth: "none" }} noValidate>
        <input type="hidden" name="intent" value="reply" />
        <input type="hidden" name="commentId" value={c.id} />
        <div className={errors ? "field field--error" : "field"}>
          <label htmlFor={id}>Reply to {c.author.name}</label>
          <textarea
            id={id}
            name="body"
            defaultValue={errors ? errors.values.body : ""}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? `${id}-error` : undefined}
          />
          {errors ? <FieldError id={`${id}-error`} message={errors.fields.body ?? errors.message} /> : null}
        </div>
        <button type="submit" className="button">
          Post reply
        </button>
      </PostForm>
    </details>
  );
}
