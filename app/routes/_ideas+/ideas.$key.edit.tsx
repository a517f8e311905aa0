import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { forbidden, requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { editIdea, getIdea } from "~/ideas/ideas.server";
import { listPortals } from "~/ideas/portals.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Edit idea · Ideas Lab · Sprintlab");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const idea = orErrorPage(() => getIdea(db, user, params.key ?? ""));
  if (!idea.canEdit) forbidden("Only the author (while in Community Review) or a PM edits this idea.");
  return json({ idea, portals: idea.canMove ? listPortals(db) : null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const key = params.key ?? "";
  try {
    editIdea(getDb(), user, key, {
      title: form.get("title"),
      description: form.get("description"),
      businessImpact: form.get("businessImpact") ?? undefined,
      category: form.get("category") || undefined,
    });
    return redirectWithFlash(`/ideas/${key}`, "Idea updated. The change is kept in its history.");
  } catch (error) {
    return formError(error, form);
  }
}

export default function EditIdea() {
  const { idea, portals } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const v = errors?.values;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted">
            <Link to={`/ideas/${idea.key}`}>{idea.key}</Link> /
          </p>
          <h1>Edit idea</h1>
        </div>
      </div>
      <div className="card">
        <PostForm className="form" style={{ maxWidth: "40rem" }} noValidate>
          <FormMessage message={errors && !Object.keys(errors.fields).length ? errors.message : null} />
          <Field label="Title" name="title" defaultValue={v?.title ?? idea.title} error={errors?.fields.title} />
          <div className={errors?.fields.description ? "field field--error" : "field"}>
            <label htmlFor="description">Description</label>
            <textarea id="description" name="description" defaultValue={v?.description ?? idea.description} aria-invalid={errors?.fields.description ? true : undefined} />
            {errors?.fields.description ? <p className="field__error">{errors.fields.description}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="businessImpact">Business impact (private)</label>
            <textarea id="businessImpact" name="businessImpact" defaultValue={v?.businessImpact ?? idea.businessImpact ?? ""} style={{ minHeight: "4rem" }} />
            {errors?.fields.businessImpact ? <p className="field__error">{errors.fields.businessImpact}</p> : null}
          </div>
          {portals ? (
            <div className="field">
              <label htmlFor="category">Category (the key stays {idea.key})</label>
              <select id="category" name="category" defaultValue={v?.category ?? idea.category}>
                {portals.map((p) => (
                  <optgroup key={p.slug} label={p.name}>
                    {p.categories.map((c) => (
                      <option key={c.key} value={c.key}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          ) : null}
          <div className="actions">
            <button type="submit" className="button">
              Save
            </button>
            <Link to={`/ideas/${idea.key}`} className="button button--quiet">
              Cancel
            </Link>
          </div>
        </PostForm>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
