import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { PageHeader } from "~/components/page-header";
import { DOC_KINDS, DOC_KIND_LABELS } from "~/delivery/docs";
import { createDocument, listDocuments } from "~/delivery/docs.server";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`As-Delivered documents · ${data?.project.name ?? ""} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const list = orErrorPage(() => listDocuments(getDb(), user, Number(params.id)));
  return json({ ...list, project: { id: list.project.id, name: list.project.name } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  try {
    const doc = createDocument(getDb(), user, Number(params.id), { kind: form.get("kind"), title: form.get("title"), body: String(form.get("body") ?? "") });
    return redirectWithFlash(`/docs/${doc.id}`, `“${doc.title}” created (revision 1).`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function Documents() {
  const { project, documents, canEdit } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <>
      <ProjectNav projectId={project.id} current="docs" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title="As-Delivered documents">
        <p>Design, call flows and configuration as built. Every save is a revision stamped with the sprint it was made in; each go-live has a bundle of them for Customer Care.</p>
      </PageHeader>
      <div className="two-col">
        <section className="card" aria-labelledby="docs-title">
          <h2 id="docs-title">Documents</h2>
          {documents.length === 0 ? (
            <p className="empty-state">No documents yet. Start the design, call flow or configuration document the hand-over to Customer Care will need.</p>
          ) : (
            <ul className="delivery-links">
              {documents.map((d) => (
                <li key={d.id} data-testid={`doc-${d.id}`}>
                  <span className="status status--accepted">{DOC_KIND_LABELS[d.kind]}</span> <Link to={`/docs/${d.id}`}>{d.title}</Link>
                  {d.latest ? (
                    <div className="muted">
                      Revision {d.latest.number} · {formatDay(d.latest.date)}
                      {d.latest.sprint ? ` · sprint ${d.latest.sprint}` : " · between sprints"}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        {canEdit ? (
          <aside>
            <section className="card" aria-labelledby="new-doc-title">
              <h2 id="new-doc-title">New document</h2>
              <PostForm className="form" noValidate>
                <FormMessage message={errors && !Object.keys(errors.fields).length ? errors.message : null} />
                <div className="field">
                  <label htmlFor="doc-kind">Kind</label>
                  <select id="doc-kind" name="kind" defaultValue={errors?.values.kind ?? "design"}>
                    {DOC_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {DOC_KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </div>
                <Field label="Title" name="title" id="doc-title" defaultValue={errors?.values.title} error={errors?.fields.title} />
                <div className="field">
                  <label htmlFor="doc-body">Content (Markdown)</label>
                  <textarea id="doc-body" name="body" className="notes" defaultValue={errors?.values.body ?? ""} />
                </div>
                <button type="submit" className="button">
                  Create
                </button>
              </PostForm>
            </section>
          </aside>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
