import { useEffect, useState } from "react";
import { PostForm } from "~/components/post-form";
import { ConfirmStep } from "~/components/confirm-step";
import { FieldError, FormMessage } from "~/components/field";
import type { IdeaStatus } from "../../../db/schema/enums";
import { ALLOWED_MOVES, STATUS_LABELS, latestTargetDate } from "~/ideas/lifecycle";
import type { FormErrors } from "~/lib/forms.server";

type Props = {
  idea: { status: IdeaStatus; targetDate?: string | null };
  today: string;
  errors: FormErrors | undefined;
};

/** The PM's cards on an idea page: move it to a status it may take, and change its target date. */
export function IdeaPmForms({ idea, today, errors }: Props) {
  const intent = errors?.values.intent;
  const [chosen, setChosen] = useState(intent === "move" ? errors?.values.status ?? "" : "");
  // Without JavaScript every field shows, each label saying which status needs it; with it, only
  // the fields of the chosen status.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const shows = (status: IdeaStatus) => ALLOWED_MOVES[idea.status].includes(status) && (!hydrated || chosen === status);
  const noteLabel = !hydrated ? "Public note (for Not Planned, the reason)" : chosen === "not_planned" ? "Public note: the reason it is not planned" : "Public note";
  return (
    <>
    {ALLOWED_MOVES[idea.status].length ? (
      <section className="card" aria-labelledby="move-title">
        <h2 id="move-title">Move this idea</h2>
        <PostForm className="form" noValidate>
          <input type="hidden" name="intent" value="move" />
          {intent === "move" && errors && !Object.keys(errors.fields).length ? <FormMessage message={errors.message} /> : null}
          <div className={intent === "move" && errors?.fields.status ? "field field--error" : "field"}>
            <label htmlFor="move-status">New status</label>
            {/* Nothing is chosen for the PM: a move is always a decision, never the first option. */}
            <select id="move-status" name="status" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)} aria-describedby={intent === "move" && errors?.fields.status ? "move-status-error" : undefined}>
              <option value="">Choose a status…</option>
              {ALLOWED_MOVES[idea.status].map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            {intent === "move" ? <FieldError id="move-status-error" message={errors?.fields.status} /> : null}
          </div>
          <div className={intent === "move" && errors?.fields.note ? "field field--error" : "field"}>
            <label htmlFor="move-note">{noteLabel}</label>
            <textarea id="move-note" name="note" defaultValue={intent === "move" ? errors?.values.note : ""} style={{ minHeight: "4rem" }} />
            {intent === "move" ? <FieldError id="move-note-error" message={errors?.fields.note} /> : null}
          </div>
          {shows("accepted") ? (
            <div className="field">
              <label htmlFor="move-target">{hydrated ? "Target date" : "Target date (for Accepted)"}</label>
              <input id="move-target" name="targetDate" type="date" min={today} max={latestTargetDate(today)} defaultValue={intent === "move" ? errors?.values.targetDate : ""} aria-describedby="move-target-hint" />
              <p className="field__hint" id="move-target-hint">
                Within 12 months: by {latestTargetDate(today)}. Customers see the quarter.
              </p>
              {intent === "move" ? <FieldError id="move-target-error" message={errors?.fields.targetDate} /> : null}
            </div>
          ) : null}
          {shows("delivered") ? (
            <div className="field">
              <label htmlFor="move-release">{hydrated ? "Release-note link" : "Release-note link (for Delivered)"}</label>
              <input id="move-release" name="releaseNoteUrl" type="url" defaultValue={intent === "move" ? errors?.values.releaseNoteUrl : ""} />
              {intent === "move" ? <FieldError id="move-release-error" message={errors?.fields.releaseNoteUrl} /> : null}
            </div>
          ) : null}
          {shows("merged") ? (
            <div className="field">
              <label htmlFor="move-merge">{hydrated ? "Merge into idea (its key)" : "Merge into idea (its key, for Merged)"}</label>
              <input id="move-merge" name="mergeInto" placeholder="e.g. COANA-I-1" defaultValue={intent === "move" ? errors?.values.mergeInto : ""} />
              {intent === "move" ? <FieldError id="move-merge-error" message={errors?.fields.mergeInto} /> : null}
            </div>
          ) : null}
          <ConfirmStep errors={intent === "move" ? errors : undefined} id="move-confirm" />
          <div>
            <button type="submit" className="button">
              Move
            </button>
          </div>
        </PostForm>
      </section>
    ) : null}

    {(idea.status === "accepted" || idea.status === "in_development") ? (
      <section className="card" aria-labelledby="target-title">
        <h2 id="target-title">Change the target date</h2>
        <PostForm className="form" noValidate>
          <input type="hidden" name="intent" value="target" />
          <div className="field">
            <label htmlFor="target-date">New target date</label>
            <input id="target-date" name="targetDate" type="date" defaultValue={intent === "target" ? errors?.values.targetDate : idea.targetDate ?? ""} />
            {intent === "target" ? <FieldError id="target-date-error" message={errors?.fields.targetDate} /> : null}
          </div>
          <div className="field">
            <label htmlFor="target-note">Public note</label>
            <input id="target-note" name="note" defaultValue={intent === "target" ? errors?.values.note : ""} />
            {intent === "target" ? <FieldError id="target-note-error" message={errors?.fields.note ?? (errors && !Object.keys(errors.fields).length ? errors.message : undefined)} /> : null}
          </div>
          <div>
            <button type="submit" className="button button--quiet">
              Change target
            </button>
          </div>
        </PostForm>
      </section>
    ) : null}
    </>
  );
}
