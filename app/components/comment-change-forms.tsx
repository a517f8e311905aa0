import { PostForm } from "~/components/post-form";
import { FieldError } from "~/components/field";
import { ConfirmStep } from "~/components/confirm-step";
import { formatTimestamp } from "~/lib/dates";
import type { FormErrors } from "~/lib/forms.server";

/**
 * The forms that change a comment after it was written, and the step that removes something,
 * shared by the Ideas Lab's comments and a story's thread (decision 11): the author's "Edit"
 * (typed text kept on refusal), a "Delete" / "Remove" that asks through the server first
 * (decision 10), and the earlier texts for those who may read them.
 */

/** The refused answer of this form: same intent, same item (`idName` is the hidden field naming it). */
export function errorsFor(errors: FormErrors | undefined, intent: string, id: number, idName = "commentId"): FormErrors | undefined {
  return errors?.values.intent === intent && errors.values[idName] === String(id) ? errors : undefined;
}

export function CommentEditForm({ intent, commentId, body, errors, label = "Your comment", hint }: { intent: string; commentId: number; body: string; errors: FormErrors | undefined; label?: string; hint?: string }) {
  const id = `${intent}-${commentId}`;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <details open={errors ? true : undefined}>
      <summary>Edit</summary>
      <PostForm className="form" style={{ maxWidth: "none" }} noValidate>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="commentId" value={commentId} />
        <div className={errors ? "field field--error" : "field"}>
          <label htmlFor={id}>{label}</label>
          {hint ? (
            <p className="field__hint" id={`${id}-hint`}>
              {hint}
            </p>
          ) : null}
          <textarea id={id} name="body" defaultValue={errors ? errors.values.body : body} aria-invalid={errors ? true : undefined} aria-describedby={describedBy || undefined} />
          {errors ? <FieldError id={`${id}-error`} message={errors.fields.body ?? errors.message} /> : null}
        </div>
        <button type="submit" className="button">
          Save changes
        </button>
      </PostForm>
    </details>
  );
}

/**
 * A delete or remove that asks first: the server answers with the consequence, the form shows it
 * with a box to tick, and the button then does it — the same with and without JavaScript.
 */
export function ConfirmedRemoveForm({ intent, idName = "commentId", id, errors, label = "Delete", confirmLabel = "Delete comment", className = "form comment__delete" }: { intent: string; idName?: string; id: number; errors: FormErrors | undefined; label?: string; confirmLabel?: string; className?: string }) {
  return (
    <PostForm className={className}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <ConfirmStep errors={errors} id={`${intent}-confirm-${id}`} />
      {errors && !errors.consequence ? <FieldError id={`${intent}-${id}-error`} message={errors.message} /> : null}
      <button type="submit" className={errors?.consequence ? "button button--danger" : "button button--quiet"}>
        {errors?.consequence ? confirmLabel : label}
      </button>
    </PostForm>
  );
}

export type EarlierText = { body: string; writtenAt: string; replacedAt: string; by: string; deletion: boolean };

/** The texts a comment had before its author edited or deleted it (for those who may read them). */
export function CommentRevisions({ revisions, deleted, timeZone }: { revisions: EarlierText[]; deleted: boolean; timeZone?: string }) {
  return (
    <details className="comment__revisions">
      <summary>{deleted ? "deleted — show earlier text" : "edited — show earlier text"}</summary>
      <ol>
        {revisions.map((r, i) => (
          <li key={i}>
            <p className="muted">
              Written {formatTimestamp(r.writtenAt, timeZone)}; {r.deletion ? "deleted" : "replaced"} by {r.by} {formatTimestamp(r.replacedAt, timeZone)}
            </p>
            <p className="prose">{r.body}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
