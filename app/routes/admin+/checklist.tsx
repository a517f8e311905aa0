import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/field";
import { addTemplateItem, listTemplate, removeTemplateItem } from "~/delivery/transition.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Transition checklist · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.portals");
  return json({ items: listTemplate(getDb()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requirePermission(request, "admin.portals");
  const form = await readForm(request);
  try {
    if (form.get("intent") === "remove") {
      removeTemplateItem(getDb(), me, Number(form.get("id")));
      return redirectWithFlash("/admin/checklist", "Item removed from the template.");
    }
    addTemplateItem(getDb(), me, { text: form.get("text") });
    return redirectWithFlash("/admin/checklist", "Item added to the template.");
  } catch (error) {
    return formError(error, form);
  }
}

export default function ChecklistTemplate() {
  const { items } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <section className="card" aria-labelledby="template-title">
      <h2 id="template-title">Transition to Customer Care: checklist template</h2>
      <p className="muted">Each new project gets its own copy; projects can then add items or mark them not applicable.</p>
      <ol>
        {items.map((item) => (
          <li key={item.id}>
            <PostForm className="row-actions">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="id" value={item.id} />
              {item.text}
              <button type="submit" className="button button--quiet" aria-label={`Remove ${item.text}`}>
                ×
              </button>
            </PostForm>
          </li>
        ))}
      </ol>
      <PostForm className="form form--inline">
        <Field label="Add an item" name="text" error={errors?.fields.text} defaultValue={errors?.values.text ?? ""} />
        <button type="submit" className="button">
          Add
        </button>
      </PostForm>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
