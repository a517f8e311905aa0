import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { WebLink } from "~/components/web-link";
import { MaxPartSizeExceededError, json, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { STORY_STATUS_LABELS } from "~/delivery/backlog";
import { Field, FormMessage } from "~/components/field";
import { PageHeader } from "~/components/page-header";
import { TEST_LABELS, TEST_STATUSES } from "~/delivery/customer-test";
import { DOC_KINDS, DOC_KIND_LABELS } from "~/delivery/docs";
import { updateStory } from "~/delivery/stories.server";
import { MAX_ATTACHMENT_BYTES, addFileAttachment, addLinkAttachment, addStoryComment, setStoryDocKinds, storyThread } from "~/delivery/threads.server";
import { formatTimestamp } from "~/lib/dates";
import { DomainError } from "~/lib/errors";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data?.story.title ?? "Story"} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const thread = orErrorPage(() => storyThread(getDb(), user, Number(params.id)));
  return json({ ...thread, project: { id: thread.project.id, name: thread.project.name } });
}

/** A multipart post (the file form) is read with a 10 MB limit per file; anything else is a plain form. */
async function readStoryForm(request: Request): Promise<FormData> {
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) return readForm(request);
  return unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = Number(params.id);
  const db = getDb();
  const here = `/stories/${id}`;
  let form: FormData;
  try {
    form = await readStoryForm(request);
  } catch (error) {
    if (error instanceof Response) throw error;
    // A multipart body that cannot be read is the client's mistake: the error page with 400.
    if (!(error instanceof MaxPartSizeExceededError)) throw new Response("This form could not be read. Send it again from the page.", { status: 400 });
    const tooBig = new FormData();
    tooBig.set("intent", "file");
    return formError(new DomainError("invalid", "Files are at most 10 MB.", { fields: { file: "That file is over 10 MB; files are at most 10 MB." } }), tooBig);
  }
  try {
    switch (form.get("intent")) {
      case "comment": {
        const comment = addStoryComment(db, user, id, { body: form.get("body") });
        return redirectWithFlash(`${here}#comment-${comment.id}`, "Comment posted.");
      }
      case "test": {
        const story = updateStory(db, user, id, { testStatus: form.get("testStatus"), testNote: String(form.get("testNote") ?? "") });
        return redirectWithFlash(here, story.testStatus === "failed" ? "Customer test failed: a defect is at the top of the backlog." : `Customer test: ${TEST_LABELS[story.testStatus!]}.`);
      }
      case "link":
        addLinkAttachment(db, user, id, { name: form.get("name"), url: form.get("url") });
        return redirectWithFlash(`${here}#attachments`, "Link attached.");
      case "file": {
        const file = form.get("file");
        if (!(file instanceof File) || !file.name) throw new DomainError("invalid", "Choose a file.", { fields: { file: "Choose a file." } });
        const saved = addFileAttachment(db, user, id, { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) });
        return redirectWithFlash(`${here}#attachments`, `${saved.name} attached.`);
      }
      case "docs":
        setStoryDocKinds(db, user, id, { docKinds: form.getAll("docKinds") });
        return redirectWithFlash(here, "Documents this story changes saved.");
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

export default function StoryPage() {
  const { story, descriptionHtml, project, comments, attachments, defects, parent, testedBy, can } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const intent = errors?.values.intent;
  const mine = (name: string) => (errors && intent === name ? errors : undefined);
  return (
    <>
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> / <Link to={`/projects/${project.id}/backlog`}>Backlog</Link> /</>} title={story.title}>
        <p className="row-actions">
          <span className="status status--accepted">{story.type}</span>
          <span className="status status--in_development">{STORY_STATUS_LABELS[story.status]}</span>
          <span>{story.points ?? "?"} points</span>
          {story.testStatus ? <span className={`status ${story.testStatus === "failed" ? "status--late" : story.testStatus === "passed" ? "status--delivered" : "status--under_pm_review"}`}>Customer test: {TEST_LABELS[story.testStatus]}</span> : null}
        </p>
        {parent ? (
          <p>
            Defect raised against <Link to={`/stories/${parent.id}`}>{parent.title}</Link>
          </p>
        ) : null}
      </PageHeader>
      <FormMessage message={errors && !["comment", "link", "file", "test"].includes(intent ?? "") ? errors.message : null} />

      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="about-title">
            <h2 id="about-title" className="visually-hidden">
              Story
            </h2>
            {story.description ? <div className="markdown" dangerouslySetInnerHTML={{ __html: descriptionHtml }} /> : <p className="muted">No description.</p>}
            <h3>Acceptance criteria</h3>
            {story.acceptanceCriteria.length ? (
              <ol>
                {story.acceptanceCriteria.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ol>
            ) : (
              <p className="muted">None yet: add them at grooming.</p>
            )}
            {defects.length ? (
              <>
                <h3>Defects raised by customer testing</h3>
                <ul>
                  {defects.map((d) => (
                    <li key={d.id}>
                      <Link to={`/stories/${d.id}`}>{d.title}</Link> · {STORY_STATUS_LABELS[d.status]}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section className="card" id="thread" aria-labelledby="thread-title">
            <h2 id="thread-title">Conversation</h2>
            {comments.length === 0 ? <p className="empty-state">No comments yet. Ask a question, or @mention someone to bring them in.</p> : null}
            {comments.map((c) => (
              <article key={c.id} id={`comment-${c.id}`} className={`comment${c.kind !== "comment" ? " comment--official" : ""}`}>
                <div className="comment__meta">
                  <strong>{c.author}</strong> <span>{formatTimestamp(c.at)}</span>
                  {c.kind === "demo" ? <span className="badge badge--role-staff">Demo</span> : c.kind === "test" ? <span className="badge badge--role-pm">Customer test</span> : null}
                </div>
                <div className="markdown" dangerouslySetInnerHTML={{ __html: c.html }} />
              </article>
            ))}
            {can.comment ? (
              <PostForm className="form" style={{ maxWidth: "none", marginTop: "1rem" }} noValidate>
                <input type="hidden" name="intent" value="comment" />
                <div className={mine("comment")?.fields.body ? "field field--error" : "field"}>
                  <label htmlFor="comment-body">Add to the conversation</label>
                  <p className="field__hint" id="comment-hint">
                    Markdown works. @mention a member (the part of their email before the @) to notify them.
                  </p>
                  <textarea id="comment-body" name="body" aria-describedby="comment-hint" defaultValue={mine("comment")?.values.body ?? ""} />
                  {mine("comment")?.fields.body ? <p className="field__error">{mine("comment")!.fields.body}</p> : null}
                </div>
                <button type="submit" className="button">
                  Post
                </button>
              </PostForm>
            ) : null}
          </section>
        </div>

        <aside>
          {story.status === "accepted" ? (
            <section className="card" aria-labelledby="test-title">
              <h2 id="test-title">Customer testing</h2>
              <p>
                {story.testStatus ? (
                  <>
                    <strong>{TEST_LABELS[story.testStatus]}</strong>
                    {testedBy ? ` · ${testedBy}, ${formatTimestamp(story.testAt)}` : ""}
                    {story.testNote ? <span className="muted"> — {story.testNote}</span> : null}
                  </>
                ) : (
                  <span className="muted">Not started.</span>
                )}
              </p>
              {can.test ? (
                <PostForm className="form" noValidate>
                  <input type="hidden" name="intent" value="test" />
                  {mine("test") && !Object.keys(mine("test")!.fields).length ? <p className="field__error" role="alert">{mine("test")!.message}</p> : null}
                  <div className="field">
                    <label htmlFor="test-status">Result</label>
                    <select id="test-status" name="testStatus" defaultValue={mine("test")?.values.testStatus ?? story.testStatus ?? "testing"}>
                      {TEST_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {TEST_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className={mine("test")?.fields.testNote ? "field field--error" : "field"}>
                    <label htmlFor="test-note">Note (what failed becomes the defect)</label>
                    <textarea id="test-note" name="testNote" rows={3} defaultValue={mine("test")?.values.testNote ?? ""} />
                    {mine("test")?.fields.testNote ? <p className="field__error">{mine("test")!.fields.testNote}</p> : null}
                  </div>
                  <button type="submit" className="button">
                    Record the test
                  </button>
                </PostForm>
              ) : null}
            </section>
          ) : null}

          <section className="card" id="attachments" aria-labelledby="attachments-title">
            <h2 id="attachments-title">Attachments</h2>
            {attachments.length ? (
              <ul className="delivery-links">
                {attachments.map((a) => (
                  <li key={a.id}>
                    {a.kind === "file" ? (
                      <a href={`/attachments/${a.id}`} download>
                        {a.name}
                      </a>
                    ) : (
                      <WebLink href={a.url}>{a.name}</WebLink>
                    )}
                    <div className="muted">
                      {a.kind === "file" ? `${Math.max(1, Math.round((a.size ?? 0) / 1024))} KB · ` : "link · "}
                      {a.by}, {formatTimestamp(a.at)}
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty-state">Nothing attached. Add a link or a file up to 10 MB.</p>
            )}
            {can.attach ? (
              <>
                <PostForm encType="multipart/form-data" className="form" noValidate>
                  <input type="hidden" name="intent" value="file" />
                  <div className={mine("file")?.fields.file ? "field field--error" : "field"}>
                    <label htmlFor="attach-file">File (PDF, images, text, Office, audio, ZIP; up to 10 MB)</label>
                    <input id="attach-file" name="file" type="file" aria-invalid={mine("file")?.fields.file ? true : undefined} />
                    {mine("file")?.fields.file ? <p className="field__error">{mine("file")!.fields.file}</p> : null}
                  </div>
                  <button type="submit" className="button button--quiet">
                    Upload
                  </button>
                </PostForm>
                <PostForm className="form" noValidate>
                  <input type="hidden" name="intent" value="link" />
                  <Field label="Link name" name="name" id="link-name" defaultValue={mine("link")?.values.name} error={mine("link")?.fields.name} />
                  <Field label="Address" name="url" id="link-url" type="url" defaultValue={mine("link")?.values.url} error={mine("link")?.fields.url} />
                  <button type="submit" className="button button--quiet">
                    Attach link
                  </button>
                </PostForm>
              </>
            ) : null}
          </section>

          <section className="card" aria-labelledby="docs-title">
            <h2 id="docs-title">As-Delivered documents it changes</h2>
            {can.edit ? (
              <PostForm className="form">
                <input type="hidden" name="intent" value="docs" />
                <fieldset className="checkbox-list">
                  <legend className="visually-hidden">Documents this story changes</legend>
                  {DOC_KINDS.map((k) => (
                    <label key={k}>
                      <input type="checkbox" name="docKinds" value={k} defaultChecked={story.docKinds.includes(k)} /> {DOC_KIND_LABELS[k]}
                    </label>
                  ))}
                </fieldset>
                <button type="submit" className="button button--quiet">
                  Save
                </button>
              </PostForm>
            ) : (
              <p>{story.docKinds.length ? story.docKinds.map((k) => DOC_KIND_LABELS[k as keyof typeof DOC_KIND_LABELS] ?? k).join(", ") : <span className="muted">None.</span>}</p>
            )}
            <Link to={`/projects/${project.id}/docs`} className="standalone-link">
              The project's documents
            </Link>
          </section>
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
