import type { FormErrors } from "~/lib/forms.server";
import { ConfirmStep } from "./confirm-step";
import { Field, FieldError } from "./field";
import { PostForm } from "./post-form";

type GoLiveShown = { id: number; name: string; doneAt: string | null; decision: string | null; hypercareEnd: string; releaseNoteUrl: string | null; features: { featureId: number }[] };
type FeatureChoice = { featureId: number; name: string; goLive: string | null };

/** One line of a go-live's change log, in words. */
export function changeLine(l: { kind: string; from: string | null; to: string | null }): string {
  switch (l.kind) {
    case "date":
      return `cutover ${l.from} → ${l.to}`;
    case "feature_in":
      return `feature “${l.to}” in`;
    case "feature_out":
      return `feature “${l.from}” out`;
    case "name":
      return `renamed “${l.from}” → “${l.to}”`;
    case "sprint":
      return `sprint ${l.from} → ${l.to}`;
    case "hypercare":
      return `hypercare end ${l.from} → ${l.to}`;
    default:
      return l.to ? `release note ${l.to}` : "release note taken away";
  }
}

/**
 * Edit a go-live (a `<details>` that opens again after a refused save, with what was typed): its
 * name and hypercare end always; before it is done also its scope and release-note link.
 */
export function GoLiveEditForm({ goLive, choices, errors }: { goLive: GoLiveShown; choices: FeatureChoice[]; errors: FormErrors | undefined }) {
  const id = goLive.id;
  const inScope = new Set(goLive.features.map((f) => String(f.featureId)));
  const ticked = errors ? new Set(errors.lists.featureIds ?? []) : inScope;
  const general = errors && !Object.keys(errors.fields).length ? errors.message : null;
  return (
    <details className="disclosure" open={errors ? true : undefined}>
      <summary>Edit go-live</summary>
      <PostForm className="form" noValidate>
        <input type="hidden" name="intent" value="edit-go-live" />
        <input type="hidden" name="goLiveId" value={id} />
        {general ? (
          <p className="field__error" role="alert">
            {general}
          </p>
        ) : null}
        <Field label="Name" name="name" id={`edit-name-${id}`} defaultValue={errors?.values.name ?? goLive.name} error={errors?.fields.name} required />
        {!goLive.doneAt ? (
          <fieldset className={errors?.fields.featureIds ? "field field--error checkbox-list" : "field checkbox-list"} aria-describedby={errors?.fields.featureIds ? `edit-features-${id}-error` : undefined}>
            <legend>Features in scope</legend>
            <FieldError id={`edit-features-${id}-error`} message={errors?.fields.featureIds} />
            {choices.map((f) => (
              <label key={f.featureId}>
                <input type="checkbox" name="featureIds" value={f.featureId} defaultChecked={ticked.has(String(f.featureId))} /> {f.name}
                {f.goLive && !inScope.has(String(f.featureId)) ? <span className="muted"> (now in {f.goLive})</span> : null}
              </label>
            ))}
          </fieldset>
        ) : null}
        <Field
          label="Hypercare ends on"
          name="hypercareEndsOn"
          type="date"
          id={`edit-hypercare-${id}`}
          defaultValue={errors?.values.hypercareEndsOn ?? goLive.hypercareEnd}
          error={errors?.fields.hypercareEndsOn}
        />
        {!goLive.doneAt ? (
          <Field
            label="Planned release note (optional)"
            name="releaseNoteUrl"
            type="url"
            id={`edit-release-note-${id}`}
            hint="Where the release note will be; it can still change until the go-live is done."
            defaultValue={errors?.values.releaseNoteUrl ?? goLive.releaseNoteUrl ?? ""}
            error={errors?.fields.releaseNoteUrl}
          />
        ) : null}
        <Field label="Why (optional, kept in the change log)" name="reason" id={`edit-reason-${id}`} defaultValue={errors?.values.reason ?? ""} error={errors?.fields.reason} />
        <div>
          <button type="submit" className="button">
            Save go-live
          </button>
        </div>
      </PostForm>
    </details>
  );
}

/** Delete a go-live made by mistake: the server asks to confirm with what will happen. */
export function GoLiveDeleteForm({ goLive, errors }: { goLive: GoLiveShown; errors: FormErrors | undefined }) {
  return (
    <details className="disclosure" open={errors ? true : undefined}>
      <summary>Delete a go-live made by mistake</summary>
      <PostForm className="form" noValidate>
        <input type="hidden" name="intent" value="delete-go-live" />
        <input type="hidden" name="goLiveId" value={goLive.id} />
        <p className="muted">Only a go-live that is not done and has no go / no-go recorded can be deleted.</p>
        {errors && !errors.consequence ? (
          <p className="field__error" role="alert">
            {errors.message}
          </p>
        ) : null}
        <ConfirmStep errors={errors} id={`delete-go-live-confirm-${goLive.id}`} />
        <button type="submit" className="button button--danger">
          Delete {goLive.name}
        </button>
      </PostForm>
    </details>
  );
}
