import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
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
import { StoryChangeSchema, updateStory } from "~/delivery/stories.server";
import { storyPage } from "~/delivery/story-page.server";
import { closeAsWontDo, deleteStory, restoreStory } from "~/delivery/story-removal.server";
import { POINTS, isReady, parseCriteria } from "~/delivery/backlog";
import { STORY_TYPES } from "../../../db/schema/enums";
import { ConfirmStep } from "~/components/confirm-step";
import { MAX_ATTACHMENT_BYTES, addFileAttachment, addLinkAttachment, addStoryComment, deleteStoryComment, editStoryComment, removeAttachment, setStoryDocKinds } from "~/delivery/threads.server";
import { CommentEditForm, CommentRevisions, ConfirmedRemoveForm, errorsFor } from "~/components/comment-change-forms";
import { formatTimestamp } from "~/lib/dates";
import { DomainError } from "~/lib/errors";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data ? `${data.story.key ? `${data.story.key} ` : ""}${data.story.title}` : "Story"} · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = orErrorPage(() => storyPage(getDb(), user, Number(params.id)));
  return json({ ...page, project: { id: page.project.id, name: page.project.name, timeZone: page.project.timeZone } });
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
      case "comment-edit": {
        const comment = editStoryComment(db, user, id, Number(form.get("commentId")), { body: form.get("body") });
        return redirectWithFlash(`${here}#comment-${comment.id}`, "Comment saved.");
      }
      case "comment-delete": {
        const commentId = Number(form.get("commentId"));
        deleteStoryComment(db, user, id, commentId, { given: form.get("confirm") });
        return redirectWithFlash(`${here}#comment-${commentId}`, "Comment deleted.");
      }
      case "attachment-remove":
        removeAttachment(db, user, id, Number(form.get("attachmentId")), { confirmation: { given: form.get("confirm") } });
        return redirectWithFlash(`${here}#attachments`, "Attachment removed.");
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
      case "edit": {
        // The feature is the scrum master's and owners' (it places the story in the plan): the form
        // sends it only to them, and an unchanged value is no change.
        const story = updateStory(
          db,
          user,
          id,
          fromForm(StoryChangeSchema, {
            title: form.get("title"),
            type: form.get("type"),
            description: String(form.get("description") ?? ""),
            acceptanceCriteria: parseCriteria(String(form.get("acceptanceCriteria") ?? "")),
            points: form.get("points") === "" ? null : form.get("points"),
            assigneeId: form.get("assigneeId") || null,
            ...(form.has("featureId") ? { featureId: form.get("featureId") || null } : {}),
          }),
        );
        return redirectWithFlash(here, `${story.key ?? "Story"} saved.`);
      }
      case "wont-do": {
        const story = closeAsWontDo(db, user, id, { reason: form.get("reason") });
        return redirectWithFlash(here, `${story.key ?? "The story"} closed as won't do: it left the backlog.`);
      }
      case "restore": {
        const story = restoreStory(db, user, id);
        return redirectWithFlash(here, `${story.key ?? "The story"} is back in the backlog.`);
      }
      case "delete": {
        const gone = deleteStory(db, user, id, { confirmation: { given: form.get("confirm") } });
        return redirectWithFlash(`/projects/${gone.projectId}/backlog`, `${gone.key ?? "The story"} deleted.`);
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

export default function StoryPage() {
  const { story, descriptionHtml, project, comments, attachments, defects, parent, testedBy, can, sprint, assignee, wontDo, members, features, feature, history, blockers } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const intent = errors?.values.intent;
  const mine = (name: string) => (errors && intent === name ? errors : undefined);
  const edit = mine("edit");
  const ready = isReady(story);
  return (
    <>
      <ProjectNav projectId={project.id} current="backlog" timeZone={project.timeZone} />
      <PageHeader
        crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> / <Link to={`/projects/${project.id}/backlog`}>Backlog</Link> /</>}
        title={
          <>
            {story.key ? <span className="story-key">{story.key}</span> : null} {story.title}
          </>
        }
      >
        <p className="row-actions">
          <span className="status status--accepted">{story.type}</span>
          {wontDo ? <span className="status status--not_planned">Won't do</span> : <span className="status status--in_development">{STORY_STATUS_LABELS[story.status]}</span>}
          <span>{story.points ?? "?"} points</span>
          {blockers.length ? <span className="status status--late">Blocked</span> : null}
          {story.testStatus ? <span className={`status ${story.testStatus === "failed" ? "status--late" : story.testStatus === "passed" ? "status--delivered" : "status--under_pm_review"}`}>Customer test: {TEST_LABELS[story.testStatus]}</span> : null}
        </p>
        {parent ? (
          <p>
            Defect raised against <Link to={`/stories/${parent.id}`}>{parent.title}</Link>
          </p>
        ) : null}
      </PageHeader>
      <FormMessage message={errors && !["comment", "comment-edit", "comment-delete", "attachment-remove", "link", "file", "test", "edit", "wont-do", "delete"].includes(intent ?? "") ? errors.message : null} />

      {wontDo ? (
        <section className="card notice" aria-labelledby="wont-do-title">
          <h2 id="wont-do-title">Closed as won't do</h2>
          <p>
            {wontDo.by ?? "Someone"}, {formatTimestamp(wontDo.at, project.timeZone)}: {wontDo.reason}
          </p>
          <p className="muted">It is out of the backlog and the release forecast; its page, thread and history stay.</p>
          {can.manage ? (
            <PostForm className="form">
              <input type="hidden" name="intent" value="restore" />
              <button type="submit" className="button button--quiet">
                Restore to the backlog
              </button>
            </PostForm>
          ) : null}
        </section>
      ) : null}

      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="about-title">
            <h2 id="about-title" className="visually-hidden">
              Story
            </h2>
            {story.description ? <div className="markdown" dangerouslySetInnerHTML={{ __html: descriptionHtml }} /> : <p className="muted">No description{can.edit ? ": add one with Edit story below." : "."}</p>}
            <h3>Acceptance criteria</h3>
            {story.acceptanceCriteria.length ? (
              <ol>
                {story.acceptanceCriteria.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ol>
            ) : (
              <p className="muted">None yet: add them at grooming{can.edit ? " or with Edit story below" : ""}.</p>
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
            {can.edit ? (
              // Open again after a refused save, so the message and the typed text are in view.
              <details className="disclosure" open={edit ? true : undefined}>
                <summary>Edit story</summary>
                <PostForm className="form" style={{ maxWidth: "none" }} noValidate>
                  <input type="hidden" name="intent" value="edit" />
                  {edit && !Object.keys(edit.fields).length ? (
                    <p className="field__error" role="alert">
                      {edit.message}
                    </p>
                  ) : null}
                  <Field label="Title" name="title" id="edit-title" defaultValue={edit?.values.title ?? story.title} error={edit?.fields.title} required />
                  <div className="form-row">
                    <div className={edit?.fields.type ? "field field--error" : "field"}>
                      <label htmlFor="edit-type">Type</label>
                      <select id="edit-type" name="type" defaultValue={edit?.values.type ?? story.type}>
                        {STORY_TYPES.map((t) => (
                          <option key={t} value={t}>
                            {t[0].toUpperCase() + t.slice(1)}
                          </option>
                        ))}
                      </select>
                      {edit?.fields.type ? <p className="field__error">{edit.fields.type}</p> : null}
                    </div>
                    <div className={edit?.fields.points ? "field field--error" : "field"}>
                      <label htmlFor="edit-points">Points</label>
                      <select id="edit-points" name="points" defaultValue={edit?.values.points ?? (story.points === null ? "" : String(story.points))}>
                        <option value="">Not estimated</option>
                        {POINTS.map((p) => (
                          <option key={p} value={p}>
                            {p}
                          </option>
                        ))}
                      </select>
                      {edit?.fields.points ? <p className="field__error">{edit.fields.points}</p> : null}
                    </div>
                    <div className={edit?.fields.assigneeId ? "field field--error" : "field"}>
                      <label htmlFor="edit-assignee">Assignee</label>
                      <select id="edit-assignee" name="assigneeId" defaultValue={edit?.values.assigneeId ?? (story.assigneeId ? String(story.assigneeId) : "")}>
                        <option value="">Nobody yet</option>
                        {members.map((m) => (
                          <option key={m.id} value={m.id}>
                            {m.name}
                          </option>
                        ))}
                      </select>
                      {edit?.fields.assigneeId ? <p className="field__error">{edit.fields.assigneeId}</p> : null}
                    </div>
                    {can.order ? (
                      <div className={edit?.fields.featureId ? "field field--error" : "field"}>
                        <label htmlFor="edit-feature">Feature</label>
                        <select id="edit-feature" name="featureId" defaultValue={edit?.values.featureId ?? (story.featureId ? String(story.featureId) : "")}>
                          <option value="">No feature</option>
                          {features.map((f) => (
                            <option key={f.id} value={f.id}>
                              {f.name}
                            </option>
                          ))}
                        </select>
                        {edit?.fields.featureId ? <p className="field__error">{edit.fields.featureId}</p> : null}
                      </div>
                    ) : null}
                  </div>
                  <div className={edit?.fields.description ? "field field--error" : "field"}>
                    <label htmlFor="edit-description">Description</label>
                    <p className="field__hint" id="edit-description-hint">
                      Markdown works.
                    </p>
                    <textarea id="edit-description" name="description" rows={6} aria-describedby="edit-description-hint" defaultValue={edit?.values.description ?? story.description} />
                    {edit?.fields.description ? <p className="field__error">{edit.fields.description}</p> : null}
                  </div>
                  <div className={edit?.fields.acceptanceCriteria ? "field field--error" : "field"}>
                    <label htmlFor="edit-criteria">Acceptance criteria</label>
                    <p className="field__hint" id="edit-criteria-hint">
                      One per line.
                    </p>
                    <textarea id="edit-criteria" name="acceptanceCriteria" rows={4} aria-describedby="edit-criteria-hint" defaultValue={edit?.values.acceptanceCriteria ?? story.acceptanceCriteria.join("\n")} />
                    {edit?.fields.acceptanceCriteria ? <p className="field__error">{edit.fields.acceptanceCriteria}</p> : null}
                  </div>
                  <button type="submit" className="button">
                    Save story
                  </button>
                </PostForm>
              </details>
            ) : null}
          </section>

          <nav className="section-tabs" aria-label="Story sections">
            <a href="#thread">Conversation ({comments.filter((c) => !c.deleted).length})</a>
            <a href="#history">History ({history.length})</a>
          </nav>

          <section className="card" id="thread" aria-labelledby="thread-title">
            <h2 id="thread-title">Conversation</h2>
            {comments.length === 0 ? <p className="empty-state">No comments yet. Ask a question, or @mention someone to bring them in.</p> : null}
            {comments.map((c) => (
              <article key={c.id} id={`comment-${c.id}`} className={`comment${c.kind !== "comment" ? " comment--official" : ""}${c.deleted ? " comment--deleted" : ""}`} data-testid={`comment-${c.id}`}>
                <div className="comment__meta">
                  <strong>{c.author}</strong> <span>{formatTimestamp(c.at, project.timeZone)}</span>
                  {c.kind === "demo" ? <span className="badge badge--role-staff">Demo</span> : c.kind === "test" ? <span className="badge badge--role-pm">Customer test</span> : null}
                  {c.edited && !c.deleted ? <span>edited {formatTimestamp(c.editedAt, project.timeZone)}</span> : null}
                </div>
                {c.deleted ? <p className="comment__deleted">Deleted by its author.</p> : <div className="markdown" dangerouslySetInnerHTML={{ __html: c.html }} />}
                {c.revisions?.length ? <CommentRevisions revisions={c.revisions} deleted={c.deleted} timeZone={project.timeZone} /> : null}
                {c.mine ? (
                  <div className="actions">
                    <CommentEditForm intent="comment-edit" commentId={c.id} body={c.body} errors={errorsFor(errors, "comment-edit", c.id)} hint="Markdown works. Only members you newly @mention are notified." />
                    <ConfirmedRemoveForm intent="comment-delete" id={c.id} errors={errorsFor(errors, "comment-delete", c.id)} />
                  </div>
                ) : null}
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

          <section className="card" id="history" aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            {history.length === 0 ? (
              <p className="empty-state">No changes recorded yet.</p>
            ) : (
              <ol className="history">
                {history.map((h, i) => (
                  <li key={i}>
                    <div className="history__meta">
                      <strong>{h.by ?? "Sprintlab"}</strong> {h.what} <span className="muted">· {formatTimestamp(h.at, project.timeZone)}</span>
                    </div>
                    {h.from !== null || h.to !== null ? (
                      <div className="history__change">
                        <span className="visually-hidden">from </span>
                        <del>{h.from ?? "none"}</del> <span aria-hidden="true">→</span>
                        <span className="visually-hidden"> to </span> <ins>{h.to ?? "none"}</ins>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <aside>
          <section className="card" aria-labelledby="details-title">
            <h2 id="details-title">Details</h2>
            <dl className="facts">
              <dt>Sprint</dt>
              <dd>{sprint ? <Link to={`/sprints/${sprint.id}`}>Sprint {sprint.number}{sprint.state === "active" ? " (running)" : sprint.state === "closed" ? " (closed)" : " (planned)"}</Link> : wontDo ? "None" : "Backlog (not planned)"}</dd>
              <dt>Status</dt>
              <dd>{wontDo ? "Won't do" : STORY_STATUS_LABELS[story.status]}</dd>
              <dt>Ready</dt>
              <dd>{ready ? "Yes: estimated, with acceptance criteria" : story.points === null ? "No: not estimated yet" : "No: no acceptance criteria yet"}</dd>
              <dt>Assignee</dt>
              <dd>{assignee ? assignee.name : "Nobody yet"}</dd>
              <dt>Feature</dt>
              <dd>{feature ? <Link to={`/features/${feature.id}`}>{feature.name}</Link> : "None"}</dd>
              <dt>Blockers</dt>
              <dd>
                {blockers.length ? (
                  <ul className="plain-list">
                    {blockers.map((b) => (
                      <li key={b.id}>
                        <Link to={`/projects/${project.id}/blockers#blocker-${b.id}`}>{b.title}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "None open"
                )}
              </dd>
            </dl>
          </section>

          {story.status === "accepted" ? (
            <section className="card" aria-labelledby="test-title">
              <h2 id="test-title">Customer testing</h2>
              <p>
                {story.testStatus ? (
                  <>
                    <strong>{TEST_LABELS[story.testStatus]}</strong>
                    {testedBy ? ` · ${testedBy}, ${formatTimestamp(story.testAt, project.timeZone)}` : ""}
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
                      {a.by}, {formatTimestamp(a.at, project.timeZone)}
                    </div>
                    {a.removable ? <ConfirmedRemoveForm intent="attachment-remove" idName="attachmentId" id={a.id} errors={errorsFor(errors, "attachment-remove", a.id, "attachmentId")} label={`Remove ${a.name}`} confirmLabel={`Remove ${a.name}`} className="form" /> : null}
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

          {can.manage && !wontDo && story.status !== "accepted" && sprint?.state !== "active" ? (
            <section className="card" aria-labelledby="remove-title">
              <h2 id="remove-title">Close or delete</h2>
              <details className="disclosure" open={mine("wont-do") ? true : undefined}>
                <summary>Close as won't do</summary>
                <PostForm className="form" noValidate>
                  <input type="hidden" name="intent" value="wont-do" />
                  {mine("wont-do") && !Object.keys(mine("wont-do")!.fields).length ? (
                    <p className="field__error" role="alert">
                      {mine("wont-do")!.message}
                    </p>
                  ) : null}
                  <Field label="Why it will not be done" name="reason" id="wont-do-reason" defaultValue={mine("wont-do")?.values.reason} error={mine("wont-do")?.fields.reason} />
                  <button type="submit" className="button button--quiet">
                    Close as won't do
                  </button>
                </PostForm>
              </details>
              <details className="disclosure" open={mine("delete") ? true : undefined}>
                <summary>Delete a story made by mistake</summary>
                <PostForm className="form" noValidate>
                  <input type="hidden" name="intent" value="delete" />
                  <p className="muted">Only a story never in a started sprint can be deleted; any other is closed as won't do.</p>
                  {mine("delete") && !mine("delete")!.consequence ? (
                    <p className="field__error" role="alert">
                      {mine("delete")!.message}
                    </p>
                  ) : null}
                  <ConfirmStep errors={mine("delete")} id="delete-confirm" />
                  <button type="submit" className="button button--danger">
                    Delete {story.key ?? "story"}
                  </button>
                </PostForm>
              </details>
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
