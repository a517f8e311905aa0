import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/auth/session.server";
import { listUsers } from "~/auth/users.server";
import { ErrorPage } from "~/components/error-page";
import { FormMessage } from "~/components/field";
import { createPortal, listPortals, saveCategory, updatePortal } from "~/ideas/portals.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Portals · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.portals");
  const db = getDb();
  return json({ portals: listPortals(db), pms: listUsers(db).filter((u) => u.active && (u.role === "pm" || u.role === "admin")) });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requirePermission(request, "admin.portals");
  const form = await readForm(request);
  const db = getDb();
  const slug = String(form.get("slug") ?? "");
  try {
    switch (form.get("intent")) {
      case "portal":
        updatePortal(db, me, slug, { name: form.get("name"), voteThreshold: Number(form.get("voteThreshold")) });
        return redirectWithFlash("/admin/portals", "Portal saved.");
      case "new-portal":
        createPortal(db, me, { name: form.get("name"), slug, voteThreshold: Number(form.get("voteThreshold") || 20) });
        return redirectWithFlash("/admin/portals", "Portal created. Add its categories next.");
      case "category": {
        const id = form.get("categoryId") ? Number(form.get("categoryId")) : null;
        saveCategory(db, me, slug, id, { name: form.get("name"), keyPrefix: form.get("keyPrefix"), pmId: form.get("pmId") ? Number(form.get("pmId")) : null });
        return redirectWithFlash("/admin/portals", id ? "Category saved." : "Category added.");
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

type Errors = { message: string; fields: Record<string, string>; values: Record<string, string> } | undefined;

/** The error of this very form (forms are told apart by their hidden values). */
function errorsFor(errors: Errors, match: Record<string, string>) {
  if (!errors) return undefined;
  return Object.entries(match).every(([k, v]) => (errors.values[k] ?? "") === v) ? errors : undefined;
}

export default function AdminPortals() {
  const { portals, pms } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const fieldMessage = (e: Errors) => (e ? Object.values(e.fields)[0] ?? e.message : null);
  return (
    <>
      {portals.map((p) => {
        const portalErrors = errorsFor(errors, { intent: "portal", slug: p.slug });
        return (
          <section key={p.slug} className="card" aria-labelledby={`portal-${p.slug}`}>
            <h2 id={`portal-${p.slug}`}>{p.name}</h2>
            <PostForm className="form form--inline" noValidate>
              <FormMessage message={fieldMessage(portalErrors)} />
              <input type="hidden" name="intent" value="portal" />
              <input type="hidden" name="slug" value={p.slug} />
              <div className="field">
                <label htmlFor={`name-${p.slug}`}>Name</label>
                <input id={`name-${p.slug}`} name="name" defaultValue={portalErrors?.values.name ?? p.name} />
              </div>
              <div className="field">
                <label htmlFor={`threshold-${p.slug}`}>Vote threshold</label>
                <input id={`threshold-${p.slug}`} name="voteThreshold" type="number" min={1} defaultValue={portalErrors?.values.voteThreshold ?? p.voteThreshold} />
              </div>
              <button type="submit" className="button button--quiet">
                Save portal
              </button>
            </PostForm>
            <div className="table-wrap">
              <table>
                <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0" }}>
                  Categories
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Key prefix</th>
                    <th scope="col">Owning PM</th>
                    <th scope="col">
                      <span className="visually-hidden">Save</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...p.categories, null].map((c) => {
                    const formId = `cat-${p.slug}-${c?.id ?? "new"}`;
                    const e = errorsFor(errors, { intent: "category", slug: p.slug, categoryId: c ? String(c.id) : "" });
                    return (
                      <tr key={formId}>
                        <td>
                          <label className="visually-hidden" htmlFor={`${formId}-name`}>
                            Category name
                          </label>
                          <input form={formId} id={`${formId}-name`} name="name" defaultValue={e?.values.name ?? c?.name ?? ""} placeholder={c ? undefined : "New category"} />
                          {e ? <p className="field__error">{fieldMessage(e)}</p> : null}
                        </td>
                        <td>
                          <label className="visually-hidden" htmlFor={`${formId}-prefix`}>
                            Key prefix
                          </label>
                          <input form={formId} id={`${formId}-prefix`} name="keyPrefix" defaultValue={e?.values.keyPrefix ?? c?.key ?? ""} placeholder={c ? undefined : "e.g. COANA"} style={{ maxWidth: "8rem" }} />
                        </td>
                        <td>
                          <label className="visually-hidden" htmlFor={`${formId}-pm`}>
                            Owning PM
                          </label>
                          <select form={formId} id={`${formId}-pm`} name="pmId" defaultValue={e?.values.pmId ?? String(c?.pmId ?? "")}>
                            <option value="">No owner</option>
                            {pms.map((u) => (
                              <option key={u.id} value={u.id}>
                                {u.name}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <PostForm id={formId}>
                            <input type="hidden" name="intent" value="category" />
                            <input type="hidden" name="slug" value={p.slug} />
                            <input type="hidden" name="categoryId" value={c?.id ?? ""} />
                            <button type="submit" className="button button--quiet">
                              {c ? "Save" : "Add category"}
                            </button>
                          </PostForm>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <section className="card" aria-labelledby="new-portal-title">
        <h2 id="new-portal-title">Open a portal</h2>
        {(() => {
          const e = errorsFor(errors, { intent: "new-portal" });
          return (
            <PostForm className="form form--inline" noValidate>
              <FormMessage message={fieldMessage(e)} />
              <input type="hidden" name="intent" value="new-portal" />
              <div className="field">
                <label htmlFor="new-name">Name</label>
                <input id="new-name" name="name" defaultValue={e?.values.name ?? ""} placeholder="e.g. PureCloud" />
              </div>
              <div className="field">
                <label htmlFor="new-slug">Address (slug)</label>
                <input id="new-slug" name="slug" defaultValue={e?.values.slug ?? ""} placeholder="e.g. purecloud" />
              </div>
              <div className="field">
                <label htmlFor="new-threshold">Vote threshold</label>
                <input id="new-threshold" name="voteThreshold" type="number" min={1} defaultValue={e?.values.voteThreshold ?? 20} />
              </div>
              <button type="submit" className="button">
                Open portal
              </button>
            </PostForm>
          );
        })()}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
