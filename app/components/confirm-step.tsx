import type { FormErrors } from "~/lib/forms.server";
import { FieldError } from "./field";

/**
 * The confirm step of a change that cannot be undone. The server refused the change because it
 * was not confirmed and answered what it would do; this shows that sentence with a required
 * box whose value is the sentence itself, so sending again confirms exactly these numbers. It
 * is the same with and without JavaScript: no dialog to miss, the form keeps what was typed.
 */
export function ConfirmStep({ errors, id }: { errors: FormErrors | undefined; id: string }) {
  if (!errors?.consequence) return null;
  const error = errors.fields.confirm;
  return (
    <div className="confirm-step">
      <p className="confirm-step__title" role="alert">
        {errors.message}
      </p>
      <div className="confirm-step__check">
        <input
          // Other numbers are a new question: the box comes back unticked.
          key={errors.consequence}
          type="checkbox"
          id={id}
          name="confirm"
          value={errors.consequence}
          required
          // The step exists to be answered: it takes the focus when it appears.
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={id}>I understand: {errors.consequence}</label>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
