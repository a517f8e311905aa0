import { PostForm } from "~/components/post-form";
import { FieldError } from "~/components/field";
import type { Comment } from "~/ideas/comments.server";
import { formatTimestamp } from "~/lib/dates";
import type { FormErrors } from "~/lib/forms.server";

type Props = {
  comments: Comment[];
  meId: number;
  can: { comment: boolean; hide: boolean; official: boolean };
  errors: FormErrors | undefined;
};

/** An idea's comments, each with "works for me" and hiding, and the form that adds one. */
export function IdeaComments({ comments, meId, can, errors }: Props) {
  const intent = errors?.values.intent;
  return (
    <section className="card" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments ({comments.filter((c) => !c.hidden).length})</h2>
      {comments.length === 0 ? <p className="muted">No comments yet. Add what you need, or a work-around that helped you.</p> : null}
      {comments.map((c) => (
        <article key={c.id} id={`comment-${c.id}`} className={`comment${c.kind === "official" ? " comment--official" : ""}${c.hidden ? " comment--hidden" : ""}`} data-testid={`comment-${c.id}`}>
          <div className="comment__meta">
            <strong>{c.author.name}</strong>
            <span>{formatTimestamp(c.createdAt)}</span>
            {c.kind === "workaround" ? <span className="badge badge--role-pm">Work-around · {c.confirmations} confirmed</span> : null}
            {c.kind === "official" ? <span className="badge badge--role-staff">Official update</span> : null}
            {c.hidden ? <span className="badge badge--inactive">Hidden: {c.hiddenReason}</span> : null}
          </div>
          <p className="prose">{c.body}</p>
          <div className="actions">
            {c.kind === "workaround" && !c.hidden && c.author.id !== meId && can.comment ? (
              <PostForm>
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="commentId" value={c.id} />
                <button type="submit" className="button button--quiet" aria-pressed={c.confirmedByMe}>
                  {c.confirmedByMe ? "Works for me ✓" : "Works for me"}
                </button>
              </PostForm>
            ) : null}
            {can.hide && !c.hidden ? (
              <details>
                <summary className="muted">Hide…</summary>
                <PostForm className="form form--inline">
                  <input type="hidden" name="intent" value="hide" />
                  <input type="hidden" name="commentId" value={c.id} />
                  <div className="field">
                    <label htmlFor={`reason-${c.id}`}>Reason for hiding</label>
                    <input id={`reason-${c.id}`} name="reason" defaultValue={intent === "hide" && errors?.values.commentId === String(c.id) ? errors.values.reason : ""} />
                    {intent === "hide" && errors?.values.commentId === String(c.id) ? <FieldError id={`reason-${c.id}-error`} message={errors.fields.reason ?? errors.message} /> : null}
                  </div>
                  <button type="submit" className="button button--danger">
                    Hide comment
                  </button>
                </PostForm>
              </details>
            ) : null}
          </div>
        </article>
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
