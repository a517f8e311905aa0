import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/field";
import { addTerm, listTerms, removeTerm } from "~/ideas/language.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Language guideline · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.portals");
  return json({ terms: listTerms(getDb()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requirePermission(request, "admin.portals");
  const form = await readForm(request);
  try {
    if (form.get("intent") === "remove") {
      removeTerm(getDb(), me, String(form.get("term")));
      return redirectWithFlash("/admin/language", `“${form.get("term")}” removed.`);
    }
    const term = addTerm(getDb(), me, { term: form.get("term") });
    return redirectWithFlash("/admin/language", `“${term}” added.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function Language() {
  const { terms } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">Positive-language guideline</h2>
      <p className="muted">Idea titles, descriptions and comments with one of these words (whole word, any case) are refused with the guideline; the typed text stays in the form.</p>
      <PostForm className="form form--inline" noValidate>
        <input type="hidden" name="intent" value="add" />
        <Field label="Word" name="term" defaultValue={errors?.values.term ?? ""} error={errors?.fields.term ?? (errors && !errors.fields.term ? errors.message : undefined)} />
        <button type="submit" className="button">
          Add word
        </button>
      </PostForm>
      <ul className="actions" style={{ listStyle: "none", padding: 0 }}>
        {terms.map((t) => (
          <li key={t}>
            <PostForm className="row-actions">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="term" value={t} />
              <span className="badge badge--inactive">{t}</span>
              <button type="submit" className="button button--quiet" aria-label={`Remove ${t}`}>
                ×
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
