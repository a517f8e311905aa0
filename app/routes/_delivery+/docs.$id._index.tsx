import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/field";
import { PageHeader } from "~/components/page-header";
import { DOC_KIND_LABELS } from "~/delivery/docs";
import { getDocument, saveRevision } from "~/delivery/docs.server";
import { formatDay, formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data?.doc.title ?? "Document"} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const asked = new URL(request.url).searchParams.get("revision");
  const found = orErrorPage(() => getDocument(getDb(), user, Number(params.id), asked ? Number(asked) || -1 : null));
  return json({ ...found, project: { id: found.project.id, name: found.project.name, timeZone: found.project.timeZone } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  try {
    const revision = saveRevision(getDb(), user, Number(params.id), { body: String(form.get("body") ?? ""), note: String(form.get("note") ?? "") });
    return redirectWithFlash(`/docs/${params.id}`, `Saved as revision ${revision.number}.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function DocumentPage() {
  const { doc, project, history, shown, latest, canEdit } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const isLatest = shown?.number === latest;
  return (
    <>
      <ProjectNav projectId={project.id} current="docs" timeZone={project.timeZone} />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> / <Link to={`/projects/${project.id}/docs`}>Documents</Link> /</>} title={doc.title}>
        <p>
          <span className="status status--accepted">{DOC_KIND_LABELS[doc.kind]}</span>{" "}
          {shown ? (
            <>
              Revision {shown.number} of {latest} · {shown.author} · {formatDay(shown.date)}
              {shown.sprint ? ` · sprint ${shown.sprint}` : " · between sprints"}
              {!isLatest ? (
                <>
                  {" "}
                  · <Link to={`/docs/${doc.id}`}>latest</Link>
                </>
              ) : null}
            </>
          ) : null}
        </p>
      </PageHeader>
      <div className="two-col">
        <div>
          <section className="card" aria-label="Document">
            {shown && shown.body.trim() ? <div className="markdown" dangerouslySetInnerHTML={{ __html: shown.html }} /> : <p className="empty-state">This revision is empty.</p>}
          </section>
          {canEdit && isLatest ? (
            <section className="card" aria-labelledby="edit-title">
              <h2 id="edit-title">Edit</h2>
              <PostForm className="form" style={{ maxWidth: "none" }} noValidate>
                <div className={errors?.fields.body ? "field field--error" : "field"}>
                  <label htmlFor="doc-body">Content (Markdown; raw HTML is shown as text)</label>
                  <textarea id="doc-body" name="body" className="notes" style={{ minHeight: "18rem" }} defaultValue={errors?.values.body ?? shown?.body ?? ""} />
                  {errors?.fields.body ? <p className="field__error">{errors.fields.body}</p> : null}
                </div>
                <Field label="What changed (optional)" name="note" id="doc-note" defaultValue={errors?.values.note} />
                <button type="submit" className="button">
                  Save as revision {latest + 1}
                </button>
              </PostForm>
            </section>
          ) : null}
        </div>
        <aside>
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <ol className="timeline" reversed>
              {[...history].reverse().map((r) => (
                <li key={r.number} data-testid={`revision-${r.number}`}>
                  <Link to={`/docs/${doc.id}?revision=${r.number}`}>Revision {r.number}</Link> · {r.sprint ? `sprint ${r.sprint}` : "between sprints"}
                  <div className="muted">
                    {r.author} · {formatTimestamp(r.at, project.timeZone)} · +{r.summary.added} −{r.summary.removed}
                    {r.note ? ` · ${r.note}` : ""}
                  </div>
                </li>
              ))}
            </ol>
            {history.length > 1 ? (
              <Form method="get" action={`/docs/${doc.id}/diff`} className="form form--inline">
                <div className="field">
                  <label htmlFor="diff-from">Compare</label>
                  <select id="diff-from" name="from" defaultValue={history.length - 1}>
                    {history.map((r) => (
                      <option key={r.number} value={r.number}>
                        Revision {r.number}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="diff-to">with</label>
                  <select id="diff-to" name="to" defaultValue={latest}>
                    {history.map((r) => (
                      <option key={r.number} value={r.number}>
                        Revision {r.number}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button button--quiet">
                  Show the changes
                </button>
              </Form>
            ) : null}
          </section>
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
