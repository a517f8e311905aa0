import { PostForm } from "~/components/post-form";
import type { ReactNode } from "react";
import type { FormErrors } from "~/lib/forms.server";
import { Field, FormMessage } from "./field";
import { MemberSelect } from "./member-select";

/**
 * Raise a blocker (SPEC A5): from the blockers page, a standup or the board's story link. Posts
 * `intent=raise` to the page it is on; the typed values come back with the errors.
 */
export function BlockerForm({
  errors,
  members,
  stories,
  storyId,
  idPrefix = "",
  children,
}: {
  errors?: FormErrors;
  members: readonly { userId: number; name: string }[];
  stories: readonly { id: number; title: string }[];
  storyId?: string | null;
  idPrefix?: string;
  /** Extra hidden fields the page's action needs. */
  children?: ReactNode;
}) {
  const mine = errors?.values.intent === "raise" ? errors : undefined;
  return (
    <PostForm className="form" noValidate>
      <FormMessage message={mine && !Object.keys(mine.fields).length ? mine.message : null} />
      <input type="hidden" name="intent" value="raise" />
      {children}
      <Field label="What blocks the work" name="title" id={`${idPrefix}title`} defaultValue={mine?.values.title} error={mine?.fields.title} />
      <div className="field">
        <label htmlFor={`${idPrefix}side`}>Side that must act</label>
        <select id={`${idPrefix}side`} name="side" defaultValue={mine?.values.side || "customer"}>
          <option value="customer">Customer</option>
          <option value="delivery">Delivery</option>
        </select>
      </div>
      <MemberSelect id={`${idPrefix}ownerId`} name="ownerId" label="Owner" members={members} empty="No owner yet" />
      <div className="field">
        <label htmlFor={`${idPrefix}storyId`}>Blocked story</label>
        <select id={`${idPrefix}storyId`} name="storyId" defaultValue={mine?.values.storyId ?? storyId ?? ""}>
          <option value="">None</option>
          {stories.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <Field label="Due" name="dueOn" id={`${idPrefix}dueOn`} type="date" defaultValue={mine?.values.dueOn} error={mine?.fields.dueOn} />
      <div>
        <button type="submit" className="button">
          Raise blocker
        </button>
      </div>
    </PostForm>
  );
}
