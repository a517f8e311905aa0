import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { FormMessage } from "~/components/field";
import { requireProject } from "~/delivery/projects.server";
import { importStories } from "~/delivery/stories.server";
import { decodeCsvBytes } from "~/delivery/csv";
import { redirectWithFlash } from "~/web/flash.server";
import { orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Import stories · Sprintlab");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { project } = orErrorPage(() => requireProject(getDb(), user, Number(params.id), "stories.manage"));
  return json({ project: { id: project.id, name: project.name } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = Number(params.id);
  const form = await readForm(request);
  const file = form.get("file");
  const pasted = String(form.get("csv") ?? "");
  let text = pasted;
  let note: string | null = null;
  if (file && typeof file !== "string" && file.size > 0) {
    const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return json({ rows: [], message: decoded.message, created: 0, ignored: [], note: null, csv: pasted }, { status: 400 });
    ({ text, note } = decoded);
  }
  const write = form.get("intent") === "import";
  const result = orErrorPage(() => importStories(getDb(), user, id, text, { write }));
  if (result.created) return redirectWithFlash(`/projects/${id}/backlog`, `${result.created} stories imported at the bottom of the backlog.`);
  return json({ ...result, note, csv: text }, { status: result.message ? 400 : 200 });
}

export default function ImportStories() {
  const { project } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const valid = data && !data.message && data.rows.length > 0;
  return (
    <>
      <ProjectNav projectId={project.id} current="backlog" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}/backlog`}>Backlog of {project.name}</Link> /</>} title="Import stories from CSV">
        <p>
          Columns: <span className="mono">title</span> (required), <span className="mono">type</span>, <span className="mono">description</span>,{" "}
          <span className="mono">acceptance criteria</span> (one per line), <span className="mono">points</span>, <span className="mono">feature</span>. Every row is checked before anything is
          written.
        </p>
      </PageHeader>
      <section className="card">
        <PostForm encType="multipart/form-data" className="form" style={{ maxWidth: "48rem" }}>
          <FormMessage message={data?.message} />
          {data?.note ? (
            <p className="alert alert--info" role="status">
              {data.note}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="file">CSV file</label>
            <input id="file" name="file" type="file" accept=".csv,text/csv" />
          </div>
          <div className="field">
            <label htmlFor="csv">…or paste the CSV</label>
            <textarea id="csv" name="csv" className="mono" defaultValue={data?.csv ?? ""} key={data?.csv ?? ""} style={{ minHeight: "10rem" }} />
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="preview" className="button button--quiet">
              Check rows
            </button>
            {valid ? (
              <button type="submit" name="intent" value="import" className="button">
                Import {data.rows.length} stories
              </button>
            ) : null}
          </div>
        </PostForm>
      </section>
      {data && data.rows.length ? (
        <section className="card table-wrap" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          {data.ignored.length ? (
            <p className="muted" data-testid="ignored-columns">
              Not imported: the {data.ignored.length === 1 ? "column" : "columns"} {data.ignored.map((c) => `“${c}”`).join(", ")} of this file. New stories start in the backlog, to do, in no
              sprint.
            </p>
          ) : null}
          <table>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Title</th>
                <th scope="col">Type</th>
                <th scope="col">Points</th>
                <th scope="col">Feature</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.line} data-testid={`row-${r.line}`}>
                  <td>{r.line}</td>
                  <td>{r.title || <span className="muted">(none)</span>}</td>
                  <td className={r.errors.type ? "field__error" : undefined}>{r.type}</td>
                  <td className={r.errors.points ? "field__error" : undefined}>{r.points || <span className="muted">(none)</span>}</td>
                  <td>{r.feature ?? ""}</td>
                  <td className={Object.keys(r.errors).length ? "field__error" : "muted"}>{Object.values(r.errors).join(" ") || "OK"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
