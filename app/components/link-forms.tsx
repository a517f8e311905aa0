import { Form } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import type { ReactNode } from "react";

/** A GET search box with its button (works without JavaScript). */
export function SearchForm({ id, name, label, defaultValue, placeholder, action }: { id: string; name: string; label: string; defaultValue: string; placeholder: string; action?: string }) {
  return (
    <Form method="get" className="form form--inline" action={action}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} name={name} type="search" defaultValue={defaultValue} placeholder={placeholder} />
      </div>
      <button type="submit" className="button button--quiet">
        Search
      </button>
    </Form>
  );
}

/** One posted button carrying an intent and one value: link a found item, or unlink a linked one. */
export function LinkButton({ intent, field, value, label, text, children }: { intent: "link" | "unlink"; field: string; value: string | number; label: string; text: string; children?: ReactNode }) {
  return (
    <PostForm className={children ? "row-actions" : undefined} style={children ? { justifyContent: "space-between" } : undefined}>
      {children ? <span>{children}</span> : null}
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={field} value={value} />
      <button type="submit" className="button button--quiet" aria-label={label}>
        {text}
      </button>
    </PostForm>
  );
}
