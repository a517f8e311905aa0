import type { FormErrors } from "~/lib/forms.server";
import { PROJECT_ROLES } from "../../db/schema/enums";
import { ConfirmStep } from "./confirm-step";
import { PostForm } from "./post-form";

export const PROJECT_ROLE_LABELS: Record<string, string> = { scrum_master: "Scrum master", product_owner: "Product owner", co_product_owner: "Co-product owner", team: "Team", viewer: "Viewer" };

type Member = { userId: number; name: string; role: string; side: string };

/** A select with its label and its error next to it. */
function Choice({ id, label, name, value, error, options }: { id: string; label: string; name: string; value: string; error?: string; options: [string, string][] }) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

const ROLE_OPTIONS = PROJECT_ROLES.map((r) => [r, PROJECT_ROLE_LABELS[r]] as [string, string]);

/**
 * The project's members; for the scrum master (and admins) each can be given another role or
 * side, or removed — what they did stays in the history — and new members added.
 */
export function MembersCard({ members, candidates, manage, errors }: { members: Member[]; candidates: { id: number; name: string; email: string }[]; manage: boolean; errors: FormErrors | undefined }) {
  const intent = errors?.values.intent;
  const adding = intent === "member" ? errors : undefined;
  const about = (userId: number) => (errors && (intent === "member-role" || intent === "remove-member") && errors.values.userId === String(userId) ? errors : undefined);
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      <ul>
        {members.map((m) => {
          const mine = about(m.userId);
          return (
            <li key={m.userId} data-testid={`member-${m.userId}`}>
              {m.name} · {PROJECT_ROLE_LABELS[m.role]}
              {m.side === "customer" ? " (customer)" : ""}
              {manage ? (
                // Keyed by the role: a saved change closes the form, as without JavaScript.
                <details className="disclosure" open={mine ? true : undefined} key={`${m.role}-${m.side}`}>
                  <summary>Change or remove {m.name}</summary>
                  {mine && !mine.consequence && (intent === "remove-member" || !Object.keys(mine.fields).length) ? (
                    <p className="field__error" role="alert">
                      {mine.message}
                    </p>
                  ) : null}
                  <PostForm className="form form--inline" key={mine ? `role-${mine.message}` : "role"}>
                    <input type="hidden" name="intent" value="member-role" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <Choice id={`member-role-${m.userId}`} label={`Project role of ${m.name}`} name="role" value={mine?.values.role ?? m.role} error={intent === "member-role" ? mine?.fields.role : undefined} options={ROLE_OPTIONS} />
                    <Choice id={`member-side-${m.userId}`} label={`Side of ${m.name}`} name="side" value={mine?.values.side ?? m.side} error={intent === "member-role" ? mine?.fields.side : undefined} options={[["delivery", "Delivery"], ["customer", "Customer"]]} />
                    <button type="submit" className="button button--quiet">
                      Save role
                    </button>
                  </PostForm>
                  <PostForm className="form" noValidate>
                    <input type="hidden" name="intent" value="remove-member" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <p className="muted">You confirm first what they hand back: stories, open blockers, retrospective actions, future days off. What they did stays in the history.</p>
                    <ConfirmStep errors={intent === "remove-member" ? mine : undefined} id={`remove-member-${m.userId}-confirm`} />
                    <button type="submit" className="button button--danger">
                      Remove {m.name} from the project
                    </button>
                  </PostForm>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      {manage ? (
        <PostForm className="form" key={adding ? `member-${adding.message}` : "member"}>
          <input type="hidden" name="intent" value="member" />
          {adding && !Object.keys(adding.fields).length ? <p className="field__error">{adding.message}</p> : null}
          <Choice id="member-user" label="Add a member" name="userId" value={adding?.values.userId ?? ""} error={adding?.fields.userId} options={candidates.map((u) => [String(u.id), `${u.name} (${u.email})`])} />
          <Choice id="member-role" label="Project role" name="role" value={adding?.values.role ?? "team"} error={adding?.fields.role} options={ROLE_OPTIONS} />
          <Choice
            id="member-side"
            label="Side"
            name="side"
            value={adding?.values.side ?? ""}
            error={adding?.fields.side}
            options={[["", "From their account (customers and partners: customer side)"], ["delivery", "Delivery"], ["customer", "Customer"]]}
          />
          <div>
            <button type="submit" className="button button--quiet">
              Add member
            </button>
          </div>
        </PostForm>
      ) : null}
    </section>
  );
}
