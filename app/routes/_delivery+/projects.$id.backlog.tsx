import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProjectNav } from "~/components/project-nav";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { useEffect, useMemo, useState } from "react";
import { getDb } from "~/lib/db.server";
import { STORY_TYPES } from "../../../db/schema/enums";
import { projectCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { PageHeader } from "~/components/page-header";
import { ErrorPage } from "~/components/error-page";
import { FormMessage } from "~/components/field";
import { POINTS, cutSections, pageOf, groupBacklog, isReady, parseCriteria, pointsAgainstCapacity, sectionKey as keyOfSection, showParam, type BacklogSection } from "~/delivery/backlog";
import { getProject, listMembers } from "~/delivery/projects.server";
import { listSprints } from "~/delivery/sprints.server";
import { NewStorySchema, StoryChangeSchema, bulkUpdateStories, createStory, listBacklog, listFeatures, moveStory, placeStory, sectionPosition, updateStory, type Story } from "~/delivery/stories.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Backlog · ${data?.project.name ?? "Project"} · Sprintlab`, data?.project.name ? `The ordered backlog of ${data.project.name}: stories, estimates and sprints.` : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const { project, role } = orErrorPage(() => getProject(db, user, Number(params.id)));
  const url = new URL(request.url);
  const query = Object.fromEntries([...url.searchParams].filter(([name]) => !name.startsWith(showParam(""))));
  const { closed, wontDo: _wontDo, groom: groomParam, ...filters } = query;
  const showClosed = closed === "yes";
  // Every story for the sections' points; the filtered ones for the rows. Won't-do stories come
  // back (with no points) only with the accepted / won't-do filter.
  const all = orErrorPage(() => [...listBacklog(db, user, project.id), ...(showClosed ? listBacklog(db, user, project.id, { wontDo: "yes" }) : [])]);
  const filtered = Object.values(filters).some((v) => v !== "");
  const shown = !filtered
    ? all
    : orErrorPage(() => [...listBacklog(db, user, project.id, filters), ...(showClosed ? listBacklog(db, user, project.id, { ...filters, wontDo: "yes" }) : [])]);
  const allSprints = listSprints(db, project.id);
  const ranked = [...shown].sort((a, b) => a.rank - b.rank || a.id - b.id);
  const can = {
    create: projectCan(user.role, role, "stories.create"),
    order: projectCan(user.role, role, "backlog.order"),
    edit: projectCan(user.role, role, "stories.editContent"),
    feature: projectCan(user.role, role, "stories.manage"),
  };
  const sections = cutSections(groupBacklog({ sprints: allSprints, all, shown: ranked, showClosed }), (key) => url.searchParams.get(showParam(key)));
  // The one story whose grooming form is open (`?groom=`): the rows carry no form of their own.
  const groomed = can.edit && groomParam ? ranked.find((s) => s.id === Number(groomParam)) : undefined;
  return json({
    project: { id: project.id, name: project.name },
    // A row carries what it shows, not the whole story: the page stays small at hundreds of rows.
    sections: sections.map((section) => ({ ...section, stories: section.stories.map(backlogRow) })),
    groom: groomed ? { id: groomed.id, description: groomed.description, acceptanceCriteria: groomed.acceptanceCriteria, points: groomed.points, assigneeId: groomed.assigneeId, featureId: groomed.featureId } : null,
    features: listFeatures(db, project.id).map((f) => ({ id: f.id, name: f.name })),
    members: listMembers(db, project.id).map((m) => ({ id: m.userId, name: m.name })),
    sprints: allSprints.filter((s) => s.state !== "closed").map((s) => ({ id: s.id, number: s.number })),
    sprintNames: Object.fromEntries(allSprints.map((s) => [s.id, `Sprint ${s.number}`])),
    can,
  });
}

function backlogRow(s: Story) {
  return { id: s.id, key: s.key, title: s.title, type: s.type, points: s.points, status: s.status, sprintId: s.sprintId, featureId: s.featureId, assigneeId: s.assigneeId, wontDo: s.wontDoAt ? true : undefined, ready: isReady(s) || undefined };
}

const optionalId = (value: FormDataEntryValue | null) => (value ? Number(value) : null);
const keysOf = (list: { key: string | null }[]) => (list.length > 3 ? `${list.slice(0, 3).map((s) => s.key).join(", ")} and ${list.length - 3} more` : list.map((s) => s.key).join(", "));
const storiesWord = (n: number) => (n === 1 ? "1 story" : `${n} stories`);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const db = getDb();
  const id = Number(params.id);
  const back = `/projects/${id}/backlog${new URL(request.url).search}`;
  const sprintNumber = (sprintId: number) => listSprints(db, id).find((s) => s.id === sprintId)?.number ?? "";
  const where = (story: { sprintId: number | null }) => (story.sprintId ? `Sprint ${sprintNumber(story.sprintId)}` : "the backlog");
  try {
    const storyId = Number(form.get("storyId"));
    switch (form.get("intent")) {
      case "add": {
        const featureId = form.get("featureId") ? Number(form.get("featureId")) : null;
        const story = createStory(db, user, id, { ...fromForm(NewStorySchema, { title: form.get("title"), type: form.get("type") ?? "story", points: form.get("points") || null }), ...(featureId ? { featureId } : {}) });
        return redirectWithFlash(back, `${story.key} “${story.title}” added at the bottom of the backlog.`);
      }
      case "move": {
        // A row's button sends "up:<story id>" to the shared move form; the story id alone also works.
        const [move, rowId] = String(form.get("move")).split(":");
        const storyId = Number(form.get("storyId") ?? rowId);
        if (move !== "up" && move !== "down" && move !== "top") throw new Response("Unknown move", { status: 400 });
        // The planning view shows a section per sprint: a move is among the stories of its section.
        const story = moveStory(db, user, storyId, move, { withinSection: true });
        return redirectWithFlash(`${back}#story-${story.id}`, `Moved ${story.key} “${story.title}” to position ${sectionPosition(db, story)} in ${where(story)}.`);
      }
      case "place": {
        // Dropped into a section: planned there (sprintId "" is the backlog) and placed after afterId.
        const sprintId = form.has("sprintId") ? optionalId(form.get("sprintId")) : undefined;
        const story = placeStory(db, user, storyId, optionalId(form.get("afterId")), sprintId);
        return redirectWithFlash(`${back}#story-${story.id}`, `Moved ${story.key} “${story.title}” to position ${sectionPosition(db, story)} in ${where(story)}.`);
      }
      case "plan": {
        // The rows share one plan form: each row's sprint select is named after its story.
        const sprintId = optionalId(form.has("sprintId") ? form.get("sprintId") : form.get(`sprintId-${storyId}`));
        const story = updateStory(db, user, storyId, { sprintId });
        return redirectWithFlash(`${back}#story-${story.id}`, sprintId ? `${story.key} “${story.title}” planned into the sprint.` : `${story.key} “${story.title}” back in the backlog.`);
      }
      case "bulk-plan":
      case "bulk-feature":
      case "bulk-points": {
        const intent = form.get("intent");
        const storyIds = form.getAll("storyIds").map(Number);
        const change =
          intent === "bulk-plan"
            ? { sprintId: optionalId(form.get("bulkSprintId")) }
            : intent === "bulk-feature"
              ? { featureId: optionalId(form.get("bulkFeatureId")) }
              : { points: form.get("bulkPoints") === "" || form.get("bulkPoints") === null ? null : Number(form.get("bulkPoints")) };
        const changed = bulkUpdateStories(db, user, id, { storyIds, change });
        const what =
          "sprintId" in change
            ? change.sprintId
              ? `planned into Sprint ${sprintNumber(change.sprintId)}`
              : "back in the backlog"
            : "featureId" in change
              ? change.featureId
                ? `now in the feature “${listFeatures(db, id).find((f) => f.id === change.featureId)?.name ?? ""}”`
                : "in no feature"
              : change.points === null
                ? "unestimated"
                : `estimated at ${change.points} ${change.points === 1 ? "point" : "points"}`;
        return redirectWithFlash(back, `${storiesWord(changed.length)} ${what}: ${keysOf(changed)}.`);
      }
      case "groom": {
        const story = updateStory(
          db,
          user,
          storyId,
          fromForm(StoryChangeSchema, {
            points: form.get("points") === "" ? null : form.get("points"),
            acceptanceCriteria: parseCriteria(String(form.get("acceptanceCriteria") ?? "")),
            description: String(form.get("description") ?? ""),
            ...(form.has("featureId") ? { featureId: form.get("featureId") || null } : {}),
            ...(form.has("assigneeId") ? { assigneeId: form.get("assigneeId") || null } : {}),
          }),
        );
        // Saved: the page comes back with the grooming form closed.
        const after = new URL(request.url).searchParams;
        after.delete("groom");
        const closedForm = `/projects/${id}/backlog${after.size ? `?${after}` : ""}`;
        return redirectWithFlash(`${closedForm}#story-${story.id}`, isReady(story) ? `${story.key} “${story.title}” is Ready.` : `${story.key} “${story.title}” saved.`);
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["sections"][number]["stories"][number];
/** A section as the page shows it: its first rows, and how many more there are. */
type Shown = BacklogSection<Row> & { more: number };

/** The sections as they will be once the drop in flight lands: the story moved, the points with it. */
function withDrop(sections: Shown[], data: FormData | undefined): Shown[] {
  if (!data || data.get("intent") !== "place" || !data.has("sprintId")) return sections;
  const storyId = Number(data.get("storyId"));
  const sprintId = data.get("sprintId") ? Number(data.get("sprintId")) : null;
  const afterId = data.get("afterId") ? Number(data.get("afterId")) : null;
  const story = sections.flatMap((s) => s.stories).find((s) => s.id === storyId);
  if (!story) return sections;
  return sections.map((section) => {
    const stories = section.stories.filter((s) => s.id !== storyId);
    let points = section.points - (stories.length < section.stories.length ? story.points ?? 0 : 0);
    if (section.kind !== "closed" && section.sprintId === sprintId) {
      const at = afterId === null ? 0 : stories.findIndex((s) => s.id === afterId) + 1;
      stories.splice(at, 0, { ...story, sprintId });
      points += story.points ?? 0;
    }
    return { ...section, stories, points };
  });
}

export default function Backlog() {
  const { project, sections: loaded, groom, features, members, sprints, sprintNames, can } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const [params] = useSearchParams();
  const adding = errors?.values.intent === "add";
  const bulkError = typeof errors?.values.intent === "string" && errors.values.intent.startsWith("bulk-");
  // Drag and drop, once JavaScript runs; the arrow buttons and the sprint select stay for keyboards and no-JS.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const drop = useFetcher<typeof action>();
  const sections = useMemo(() => withDrop(loaded as Shown[], drop.state !== "idle" ? drop.formData : undefined), [loaded, drop.state, drop.formData]);
  const refusal = drop.state === "idle" && drop.data && "errors" in drop.data ? drop.data.errors.message : "";
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<string | null>(null);
  // A bulk change that went through leaves no box ticked (the boxes sit outside its form).
  const navigation = useNavigation();
  const [bulkSent, setBulkSent] = useState(false);
  useEffect(() => {
    if (navigation.state !== "idle" && String(navigation.formData?.get("intent") ?? "").startsWith("bulk-")) setBulkSent(true);
    if (navigation.state === "idle" && bulkSent) {
      setBulkSent(false);
      if (!errors) document.querySelectorAll<HTMLInputElement>('input[form="bulk"][type="checkbox"]').forEach((box) => (box.checked = false));
    }
  }, [navigation.state, navigation.formData, bulkSent, errors]);
  const total = sections.reduce((n, s) => n + s.stories.length, 0);
  const canBulk = can.order || can.edit;
  const groomErrors = errors?.values.intent === "groom" && String(errors.values.storyId) === String(groom?.id) ? errors : undefined;
  // Rendered once, looked up by every row.
  const featureName = useMemo(() => new Map(features.map((f) => [f.id, f.name])), [features]);
  const memberName = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const sprintOptions = (
    <>
      <option value="">Backlog</option>
      {sprints.map((sp) => (
        <option key={sp.id} value={sp.id}>
          {`Sprint ${sp.number}`}
        </option>
      ))}
    </>
  );

  const onDrop = (section: Shown, targetIndex: number | null) => {
    setOver(null);
    if (dragged === null || section.kind === "closed") return;
    const list = section.stories;
    const from = list.findIndex((s) => s.id === dragged);
    setDragged(null);
    if (targetIndex !== null && from === targetIndex) return;
    const others = list.filter((s) => s.id !== dragged);
    let afterId: number | null;
    if (targetIndex === null) afterId = others.at(-1)?.id ?? null;
    // Dropped on a row: take its place, moving it down when coming from above in the same section.
    else if (from >= 0 && from < targetIndex) afterId = list[targetIndex].id;
    else afterId = targetIndex > 0 ? list[targetIndex - 1].id : null;
    drop.submit({ intent: "place", storyId: String(dragged), afterId: afterId === null ? "" : String(afterId), sprintId: section.sprintId === null ? "" : String(section.sprintId) }, { method: "post" });
  };

  return (
    <>
      <ProjectNav projectId={project.id} current="backlog" />
      <PageHeader crumbs={<><Link to={`/projects/${project.id}`}>{project.name}</Link> /</>} title="Backlog" actions={
          <>
            <div className="actions">
              <a href={`/projects/${project.id}/backlog.csv`} className="button button--quiet" download>
                Export CSV
              </a>
              {can.order ? (
                <Link to={`/projects/${project.id}/import`} className="button button--quiet">
                  Import CSV
                </Link>
              ) : null}
            </div>
          </>
        }>
        <p>The active sprint, the planned sprints, then the unplanned backlog, each in rank order. Ready means estimated with at least one acceptance criterion.</p>
      </PageHeader>
      {!adding && !bulkError ? <FormMessage message={errors?.message} /> : null}

      {can.create ? (
        <section className="card" aria-labelledby="add-title">
          <h2 id="add-title" className="visually-hidden">
            Add a story
          </h2>
          <PostForm className="form form--inline" style={{ marginBottom: 0 }} noValidate>
            <input type="hidden" name="intent" value="add" />
            <div className={adding && errors?.fields.title ? "field field--error" : "field"} style={{ flex: "1 1 20rem" }}>
              <label htmlFor="quick-title">Add a story at the bottom</label>
              <input id="quick-title" name="title" placeholder="As a caller I want to be offered a callback…" defaultValue={adding ? errors?.values.title : ""} />
              {adding && errors?.fields.title ? <p className="field__error">{errors.fields.title}</p> : null}
            </div>
            <div className="field" style={{ maxWidth: "8rem" }}>
              <label htmlFor="quick-type">Type</label>
              <select id="quick-type" name="type" defaultValue={adding ? String(errors?.values.type ?? "story") : "story"}>
                {STORY_TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </div>
            <div className="field" style={{ maxWidth: "7rem" }}>
              <label htmlFor="quick-points">Points</label>
              <select id="quick-points" name="points" defaultValue={adding ? String(errors?.values.points ?? "") : ""}>
                <option value="">?</option>
                {POINTS.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </div>
            {can.feature && features.length ? (
              <div className={adding && errors?.fields.featureId ? "field field--error" : "field"} style={{ maxWidth: "14rem" }}>
                <label htmlFor="quick-feature">Feature</label>
                <select id="quick-feature" name="featureId" defaultValue={adding ? String(errors?.values.featureId ?? "") : ""}>
                  <option value="">No feature</option>
                  {features.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.name}
                    </option>
                  ))}
                </select>
                {adding && errors?.fields.featureId ? <p className="field__error">{errors.fields.featureId}</p> : null}
              </div>
            ) : null}
            <button type="submit" className="button">
              Add
            </button>
          </PostForm>
        </section>
      ) : null}

      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title" className="visually-hidden">
          Stories
        </h2>
        <Form method="get" className="filters" aria-label="Filter the backlog">
          <div className="field">
            <label htmlFor="f-q">Search the backlog</label>
            <input id="f-q" name="q" type="search" placeholder="Key or title" defaultValue={params.get("q") ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="f-feature">Feature</label>
            <select id="f-feature" name="feature" defaultValue={params.get("feature") ?? ""}>
              <option value="">All features</option>
              {features.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-type">Type</label>
            <select id="f-type" name="type" defaultValue={params.get("type") ?? ""}>
              <option value="">All types</option>
              {STORY_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-ready">Ready</label>
            <select id="f-ready" name="ready" defaultValue={params.get("ready") ?? ""}>
              <option value="">Any</option>
              <option value="yes">Ready</option>
              <option value="no">Not ready</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-unestimated">Estimate</label>
            <select id="f-unestimated" name="unestimated" defaultValue={params.get("unestimated") ?? ""}>
              <option value="">Any</option>
              <option value="yes">Unestimated</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-sprint">Planned</label>
            <select id="f-sprint" name="sprint" defaultValue={params.get("sprint") ?? ""}>
              <option value="">All stories</option>
              <option value="none">Not in a sprint</option>
            </select>
          </div>
          <div className="field field--check">
            <input id="f-closed" name="closed" type="checkbox" value="yes" defaultChecked={params.get("closed") === "yes"} />
            <label htmlFor="f-closed">Show accepted and won’t-do</label>
          </div>
          <button type="submit" className="button button--quiet">
            Filter
          </button>
        </Form>

        {canBulk && total > 0 ? (
          <PostForm id="bulk" className="form form--inline bulk-bar" aria-label="Change the ticked stories">
            <p className="muted" style={{ flexBasis: "100%", margin: 0 }}>
              Tick stories below, then:
            </p>
            {can.order ? (
              <>
                <div className="field">
                  <label htmlFor="bulk-sprint">Plan into</label>
                  <select id="bulk-sprint" name="bulkSprintId" defaultValue="">
                    <option value="">Backlog</option>
                    {sprints.map((sp) => (
                      <option key={sp.id} value={sp.id}>
                        Sprint {sp.number}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" name="intent" value="bulk-plan" className="button button--quiet">
                  Plan the ticked stories
                </button>
                <div className="field">
                  <label htmlFor="bulk-feature">Feature</label>
                  <select id="bulk-feature" name="bulkFeatureId" defaultValue="">
                    <option value="">No feature</option>
                    {features.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" name="intent" value="bulk-feature" className="button button--quiet">
                  Set their feature
                </button>
              </>
            ) : null}
            {can.edit ? (
              <>
                <div className="field">
                  <label htmlFor="bulk-points">Points</label>
                  <select id="bulk-points" name="bulkPoints" defaultValue="">
                    <option value="">?</option>
                    {POINTS.map((p) => (
                      <option key={p}>{p}</option>
                    ))}
                  </select>
                </div>
                <button type="submit" name="intent" value="bulk-points" className="button button--quiet">
                  Set their points
                </button>
              </>
            ) : null}
            {bulkError && errors ? (
              <p className="field__error" role="alert" style={{ flexBasis: "100%" }}>
                {errors.message}
              </p>
            ) : null}
          </PostForm>
        ) : null}
        {/* One form per row action, shared by every row: a row's button names the story (issue 16). */}
        {can.order ? (
          <>
            <PostForm id="move" hidden>
              <input type="hidden" name="intent" value="move" />
            </PostForm>
            <PostForm id="plan" hidden>
              <input type="hidden" name="intent" value="plan" />
            </PostForm>
          </>
        ) : null}
        <div hidden>
          <span id="w-move">Move</span>
          <span id="w-top">to the top</span>
          <span id="w-up">up</span>
          <span id="w-down">down</span>
          <span id="w-plan">Plan</span>
        </div>
        <p aria-live="assertive" className="field__error" data-testid="drop-message">
          {refusal ? `Not moved: ${refusal}` : ""}
        </p>

        {sections.map((section) => {
          const sectionKey = keyOfSection(section);
          const headingId = `section-${sectionKey}`;
          return (
            <section
              key={sectionKey}
              className={`backlog-section${over === sectionKey ? " backlog-section--over" : ""}`}
              aria-labelledby={headingId}
              data-testid={headingId}
              onDragOver={(e) => {
                if (dragged === null || section.kind === "closed") return;
                e.preventDefault();
                setOver(sectionKey);
              }}
              onDrop={(e) => {
                e.preventDefault();
                onDrop(section, null);
              }}
            >
              <header className="backlog-section__header">
                <h3 id={headingId}>
                  {section.title}
                  {section.kind === "active" ? <span className="badge badge--active">Active</span> : null}
                </h3>
                <p className="muted" data-testid={`${headingId}-points`}>
                  {section.kind === "closed" ? `${section.stories.length + section.more} accepted` : pointsAgainstCapacity(section.points, section.capacity)}
                  {section.hidden ? ` · ${section.hidden} not shown` : ""}
                </p>
              </header>
              {section.stories.length === 0 ? (
                <p className="muted backlog-section__empty">{section.kind === "backlog" ? (can.create ? "No stories here. Add one above; grooming gives it points and acceptance criteria." : "No stories here.") : "No stories here yet."}</p>
              ) : (
                <ol className="backlog-list">
                  {section.stories.map((s, index) => (
                    <li
                      key={s.id}
                      id={`story-${s.id}`}
                      className={`backlog-row${over === `${sectionKey}:${index}` ? " backlog-row--over" : ""}`}
                      draggable={hydrated && can.order ? true : undefined}
                      onDragStart={(e) => {
                        setDragged(s.id);
                        e.dataTransfer.effectAllowed = "move";
                        e.dataTransfer.setData("text/plain", s.key ?? "");
                      }}
                      onDragOver={(e) => {
                        if (dragged === null || section.kind === "closed") return;
                        e.preventDefault();
                        e.stopPropagation();
                        setOver(`${sectionKey}:${index}`);
                      }}
                      onDragLeave={() => setOver((o) => (o === `${sectionKey}:${index}` ? null : o))}
                      onDrop={(e) => {
                        e.preventDefault();
                        e.stopPropagation();
                        onDrop(section, index);
                      }}
                    >
                      {canBulk ? (
                        <input type="checkbox" className="backlog-row__tick" form="bulk" name="storyIds" value={s.id} aria-label={`Tick ${s.key}`} />
                      ) : null}
                      {/* The row's buttons belong to the shared forms above; their names read "Move ‹title› up". */}
                      {can.order && section.kind !== "closed" ? (
                        <span className="move-buttons">
                          <button form="move" name="move" value={`top:${s.id}`} aria-labelledby={`w-move t${s.id} w-top`} disabled={index === 0}>
                            ⤒
                          </button>
                          <button form="move" name="move" value={`up:${s.id}`} aria-labelledby={`w-move t${s.id} w-up`} disabled={index === 0}>
                            ↑
                          </button>
                          <button form="move" name="move" value={`down:${s.id}`} aria-labelledby={`w-move t${s.id} w-down`} disabled={index === section.stories.length - 1 && !section.more}>
                            ↓
                          </button>
                        </span>
                      ) : (
                        <span className="muted mono">{index + 1}</span>
                      )}
                      <div>
                        <span className="story-key">{s.key}</span>{" "}
                        <strong>
                          <Link to={`/stories/${s.id}`} id={`t${s.id}`} className="story-link" discover="none">
                            {s.title}
                          </Link>
                        </strong>
                        <div className="story-card__meta">
                          <span className="points">
                            {s.points === null ? (
                              <>
                                <span aria-hidden="true">?</span>
                                <span className="visually-hidden">Unestimated</span>
                              </>
                            ) : (
                              <>
                                {s.points}
                                <span className="visually-hidden"> points</span>
                              </>
                            )}
                          </span>
                          <span>{s.type}</span>
                          <span className={`status status--${s.status === "accepted" ? "delivered" : s.status === "done" ? "accepted" : s.status === "in_progress" ? "in_development" : "community_review"}`}>{s.wontDo ? "won't do" : s.status.replace("_", " ")}</span>
                          {s.ready ? <span className="badge badge--active">Ready</span> : null}
                          {section.kind === "closed" && s.sprintId ? <span>{sprintNames[s.sprintId]}</span> : null}
                          {s.featureId ? <Link to={`/features/${s.featureId}`} discover="none">{featureName.get(s.featureId)}</Link> : null}
                          {s.assigneeId ? <span>{memberName.get(s.assigneeId) ?? "A former member"}</span> : null}
                          {can.edit && groom?.id !== s.id ? (
                            <Link to={withParams(params, { groom: String(s.id) }, `story-${s.id}`)} className="muted" discover="none">
                              Groom
                            </Link>
                          ) : null}
                        </div>
                        {can.edit && groom?.id === s.id ? <GroomForm groom={groom} title={s.title} can={can} features={features} members={members} errors={groomErrors} close={withParams(params, { groom: null }, `story-${s.id}`)} /> : null}
                      </div>
                      {can.order && s.status !== "accepted" && !s.wontDo ? (
                        <span className="row-actions">
                          <select form="plan" name={`sprintId-${s.id}`} aria-label={`Sprint for ${s.title}`} defaultValue={s.sprintId ?? ""}>
                            {sprintOptions}
                          </select>
                          <button form="plan" name="storyId" value={s.id} aria-labelledby={`w-plan t${s.id}`}>
                            Plan
                          </button>
                        </span>
                      ) : (
                        <span />
                      )}
                    </li>
                  ))}
                </ol>
              )}
              {section.more ? (
                <p className="backlog-section__more muted" data-testid={`${headingId}-more`}>
                  Showing {section.stories.length} of {section.stories.length + section.more}.{" "}
                  <Link to={withParams(params, { [showParam(sectionKey)]: String(section.stories.length + pageOf(section)) }, `story-${section.stories.at(-1)!.id}`)} preventScrollReset>
                    Show the next {Math.min(section.more, pageOf(section))}
                  </Link>
                </p>
              ) : null}
            </section>
          );
        })}
      </section>
    </>
  );
}

/** The page's URL with some parameters set (or, given null, removed), and an anchor. */
function withParams(params: URLSearchParams, changes: Record<string, string | null>, hash: string): string {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  const search = next.toString();
  return `${search ? `?${search}` : "?"}#${hash}`;
}

type GroomData = { id: number; description: string; acceptanceCriteria: string[]; points: number | null; assigneeId: number | null; featureId: number | null };

/** The grooming form of the one story opened with `?groom=`; a refused save keeps what was typed. */
function GroomForm({ groom, title, can, features, members, errors, close }: { groom: GroomData; title: string; can: { order: boolean }; features: { id: number; name: string }[]; members: { id: number; name: string }[]; errors: { message?: string; values: Record<string, unknown> } | undefined; close: string }) {
  const typed = (name: string, saved: string) => (errors ? String(errors.values[name] ?? "") : saved);
  return (
    <PostForm className="form" style={{ maxWidth: "36rem", marginTop: "0.5rem" }} aria-label={`Groom ${title}`}>
      <input type="hidden" name="intent" value="groom" />
      <input type="hidden" name="storyId" value={groom.id} />
      <FormMessage message={errors?.message} />
      <div className="field">
        <label htmlFor={`desc-${groom.id}`}>Description</label>
        <textarea id={`desc-${groom.id}`} name="description" defaultValue={typed("description", groom.description)} style={{ minHeight: "3rem" }} />
      </div>
      <div className="field">
        <label htmlFor={`ac-${groom.id}`}>Acceptance criteria (one per line)</label>
        <textarea id={`ac-${groom.id}`} name="acceptanceCriteria" defaultValue={typed("acceptanceCriteria", groom.acceptanceCriteria.join("\n"))} style={{ minHeight: "4rem" }} />
      </div>
      <div className="field" style={{ maxWidth: "8rem" }}>
        <label htmlFor={`pts-${groom.id}`}>Points</label>
        <select id={`pts-${groom.id}`} name="points" defaultValue={typed("points", groom.points === null ? "" : String(groom.points))}>
          <option value="">?</option>
          {POINTS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`assignee-${groom.id}`}>Assignee</label>
        <select id={`assignee-${groom.id}`} name="assigneeId" defaultValue={typed("assigneeId", groom.assigneeId === null ? "" : String(groom.assigneeId))}>
          <option value="">Nobody yet</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      {can.order ? (
        <div className="field">
          <label htmlFor={`feature-${groom.id}`}>Feature</label>
          <select id={`feature-${groom.id}`} name="featureId" defaultValue={typed("featureId", groom.featureId === null ? "" : String(groom.featureId))}>
            <option value="">No feature</option>
            {features.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--quiet">
          Save
        </button>
        <Link to={close}>Close</Link>
      </div>
    </PostForm>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
