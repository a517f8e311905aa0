import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { WebLink } from "~/components/web-link";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { globalCan } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { LinkButton, SearchForm } from "~/components/link-forms";
import { StatusBadge } from "~/components/status-badge";
import { FormMessage } from "~/components/field";
import { IdeaComments } from "~/components/ideas/idea-comments";
import { IdeaPmForms } from "~/components/ideas/idea-pm-forms";
import { IdeaEditHistory } from "~/components/ideas/idea-edit-history";
import { VoteButton } from "~/components/vote-button";
import { VotesPerWeekChart } from "~/components/charts/votes-per-week";
import { appToday } from "~/lib/app-time";
import { addComment, deleteComment, editComment, hideComment, listComments, toggleWorkaroundConfirmation } from "~/ideas/comments.server";
import { getIdea } from "~/ideas/ideas.server";
import { changeTargetDate, moveIdea } from "~/ideas/idea-moves.server";
import { STATUS_LABELS, isOpen } from "~/ideas/lifecycle";
import { demandLine, mergeStory, shownVotes } from "~/ideas/votes";
import { isFollowing, setFollowing } from "~/notifications/notify.server";
import { votesPerWeek } from "~/ideas/insights.server";
import { isLinkable } from "~/ideas-delivery/links";
import { LinkSchema, ideaDelivery, linkIdea, searchFeatures, unlinkIdea } from "~/ideas-delivery/links.server";
import { formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { confirmationOf, formError, fromForm, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data?.idea.key ?? "Idea"} · Ideas Lab · Sprintlab`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const idea = orErrorPage(() => getIdea(db, user, params.key ?? ""));
  const canLink = globalCan(user.role, "ideas.move") && isLinkable(idea.status);
  const featureQuery = new URL(request.url).searchParams.get("feature");
  return json({
      idea,
      delivery: ideaDelivery(db, user, idea.id),
      canLink,
      featureQuery,
      featureResults: canLink && featureQuery !== null ? searchFeatures(db, user, featureQuery) : null,
      comments: listComments(db, user, idea.key),
      following: isFollowing(db, user.id, idea.id),
      votesPerWeek: votesPerWeek(db, idea.id),
      me: { id: user.id },
      can: {
        vote: globalCan(user.role, "ideas.vote") && isOpen(idea.status),
        voteRole: globalCan(user.role, "ideas.vote"),
        comment: globalCan(user.role, "ideas.comment"),
        official: globalCan(user.role, "ideas.officialUpdate"),
        hide: globalCan(user.role, "ideas.hideComment"),
      },
      today: appToday(),
    });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const key = params.key ?? "";
  const db = getDb();
  const here = `/ideas/${key}`;
  try {
    switch (form.get("intent")) {
      case "comment":
        addComment(db, user, key, { body: form.get("body"), kind: form.get("kind") ?? "comment" });
        return redirectWithFlash(`${here}#comments`, "Comment posted.");
      case "reply":
        addComment(db, user, key, { body: form.get("body"), kind: "comment", parentId: form.get("commentId") });
        return redirectWithFlash(`${here}#comments`, "Reply posted.");
      case "edit":
        editComment(db, user, key, Number(form.get("commentId")), { body: form.get("body") });
        return redirectWithFlash(`${here}#comments`, "Comment updated. It shows as edited.");
      case "delete":
        deleteComment(db, user, key, Number(form.get("commentId")), confirmationOf(form));
        return redirectWithFlash(`${here}#comments`, "Comment deleted. It shows as deleted by its author.");
      case "hide":
        hideComment(db, user, Number(form.get("commentId")), { reason: form.get("reason") });
        return redirectWithFlash(`${here}#comments`, "Comment hidden. PMs still see it, marked hidden.");
      case "confirm":
        return redirectWithFlash(
          `${here}#comments`,
          toggleWorkaroundConfirmation(db, user, key, Number(form.get("commentId"))) ? "Thanks — you confirmed the work-around." : "Confirmation taken back.",
        );
      case "move": {
        const idea = moveIdea(db, user, key, {
          status: form.get("status"),
          note: form.get("note") ?? "",
          targetDate: form.get("targetDate") || null,
          releaseNoteUrl: form.get("releaseNoteUrl") || null,
          mergeInto: form.get("mergeInto") || null,
        }, confirmationOf(form));
        return redirectWithFlash(here, `${key} moved to ${STATUS_LABELS[idea.status]}.`);
      }
      case "link": {
        const link = linkIdea(db, user, key, fromForm(LinkSchema, { featureId: form.get("featureId") }));
        return redirectWithFlash(`${here}#delivery`, `${key} is linked to ${link.feature} (${link.project}).`);
      }
      case "unlink":
        unlinkIdea(db, user, key, Number(form.get("featureId")));
        return redirectWithFlash(`${here}#delivery`, "Link removed.");
      case "target":
        changeTargetDate(db, user, key, { targetDate: form.get("targetDate"), note: form.get("note") });
        return redirectWithFlash(here, "Target date changed; the note is posted as an official update.");
      case "follow":
      case "unfollow": {
        const idea = getIdea(db, user, key);
        setFollowing(db, user.id, idea.id, form.get("intent") === "follow");
        return redirectWithFlash(here, form.get("intent") === "follow" ? "You follow this idea." : "You no longer follow this idea.");
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    return formError(error, form);
  }
}


export default function IdeaPage() {
  const { idea, comments, following, can, today, votesPerWeek, me, delivery, canLink, featureQuery, featureResults } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const intent = errors?.values.intent;
  const official = comments.filter((c) => c.kind === "official" && !c.hidden && !c.deleted);
  const latestOfficial = official.at(-1);
  const demand = demandLine(idea);
  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted">
            <Link to="/ideas">Ideas Lab</Link> / <Link to={`/portals/${idea.portal}`}>{idea.portalName}</Link> / {idea.categoryName}
          </p>
          {/* The vote sits beside the title at every width: on a phone it is on the first screen. */}
          <div className="idea-title">
            {idea.mergeTarget ? null : <VoteButton ideaKey={idea.key} title={idea.title} votes={shownVotes(idea)} voted={idea.votedByMe} canVote={can.vote} />}
            <h1>{idea.title}</h1>
          </div>
          <div className="idea-row__meta">
            <span className="mono">{idea.key}</span>
            <StatusBadge status={idea.status} />
            {idea.late ? <span className="status status--late">Late</span> : null}
            {idea.workaroundConfirmed ? <span className="badge badge--active">Work-around confirmed</span> : null}
            <span>
              by {idea.author.name} · {formatTimestamp(idea.createdAt)}
            </span>
          </div>
        </div>
        <div className="actions">
          {idea.canEdit ? (
            <Link to={`/ideas/${idea.key}/edit`} className="button button--quiet">
              Edit
            </Link>
          ) : null}
          <PostForm>
            <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
            <button type="submit" className="button button--quiet">
              {following ? "Unfollow" : "Follow"}
            </button>
          </PostForm>
        </div>
      </div>

      <div className="two-col">
        <div>
          <section className="card" aria-label="Description">
            <p className="prose">{idea.description}</p>
            {idea.businessImpact ? (
              <div className="alert alert--info">
                <strong>Business impact (private):</strong> {idea.businessImpact}
              </div>
            ) : null}
            {idea.releaseNoteUrl ? (
              <p>
                Delivered: <WebLink href={idea.releaseNoteUrl}>release note</WebLink>
                {idea.docUrls.map((url, i) => (
                  <span key={url}>
                    {" "}
                    · <WebLink href={url}>documentation {i + 1}</WebLink>
                  </span>
                ))}
              </p>
            ) : null}
          </section>

          {idea.mergeTarget ? (
            <section className="card merge-story" aria-labelledby="merged-into-title" data-testid="merge-story">
              <h2 id="merged-into-title">Merged into {idea.mergeTarget.key}</h2>
              <div className="merge-story__target">
                <VoteButton
                  ideaKey={idea.mergeTarget.key}
                  title={idea.mergeTarget.title}
                  votes={idea.mergeTarget.votes}
                  voted={idea.mergeTarget.votedByMe}
                  canVote={can.voteRole && isOpen(idea.mergeTarget.status)}
                />
                <div>
                  <Link to={`/ideas/${idea.mergeTarget.key}`} className="idea-row__title">
                    {idea.mergeTarget.title}
                  </Link>
                  <div className="idea-row__meta">
                    <span className="mono">{idea.mergeTarget.key}</span>
                    <StatusBadge status={idea.mergeTarget.status} />
                    {demandLine(idea.mergeTarget) ? <span>{demandLine(idea.mergeTarget)}</span> : null}
                  </div>
                </div>
              </div>
              <p>
                {mergeStory(idea.mergeTarget.votesMoved, idea.mergeTarget.votesReturned, idea.mergeTarget)} Its followers now follow{" "}
                {idea.mergeTarget.key} too. The comments stay here, and {idea.mergeTarget.key} links to them.
              </p>
            </section>
          ) : null}

          {idea.mergedFrom.length ? (
            <section className="card" aria-labelledby="merged-from-title" data-testid="merged-from">
              <h2 id="merged-from-title">Merged into this idea</h2>
              <ul className="delivery-links">
                {idea.mergedFrom.map((m) => (
                  <li key={m.key}>
                    <Link to={`/ideas/${m.key}`}>{m.title}</Link> <span className="muted mono">{m.key}</span>
                    <div className="muted">
                      {m.votesMoved} {m.votesMoved === 1 ? "vote" : "votes"} moved here ·{" "}
                      <Link to={`/ideas/${m.key}#comments`} aria-label={`${m.commentCount} ${m.commentCount === 1 ? "comment" : "comments"} on ${m.key}`}>
                        {m.commentCount} {m.commentCount === 1 ? "comment" : "comments"}
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {latestOfficial ? (
            // Each official update is shown once, in the conversation where it answers; this points to the latest.
            <p className="card official-pointer" data-testid="latest-official">
              <span className="badge badge--role-staff">Official update</span> {latestOfficial.author.name} · {formatTimestamp(latestOfficial.createdAt)} ·{" "}
              <a href={`#comment-${latestOfficial.id}`}>read it in the conversation</a>
              {official.length > 1 ? <span className="muted"> ({official.length} official updates in all)</span> : null}
            </p>
          ) : null}

          <IdeaComments comments={comments} meId={me.id} can={can} errors={errors} />
        </div>

        <aside>
          <section className="card" aria-label="Votes">
            {idea.mergeTarget ? (
              <p style={{ margin: 0 }}>
                Merged: its votes now count on <Link to={`/ideas/${idea.mergeTarget.key}`}>{idea.mergeTarget.key}</Link>. Vote there instead.
              </p>
            ) : (
              <div>
                {demand ? <p style={{ margin: 0 }} data-testid="demand"><strong>{demand}</strong></p> : null}
                <p className="muted" style={{ margin: 0 }}>
                  {isOpen(idea.status)
                    ? "One vote per idea, from your budget of 10. Take it back any time."
                    : "Closed: each vote came back to its voter, to spend on another idea."}
                </p>
              </div>
            )}
            {idea.votingCompanies && idea.votingCompanies.length ? (
              <>
                <h3 style={{ fontSize: "0.95rem", marginTop: "1rem" }}>Voting companies</h3>
                <ul>
                  {idea.votingCompanies.map((c) => (
                    <li key={c.company}>
                      {c.company}: {c.votes}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section className="card" aria-labelledby="status-title">
            <h2 id="status-title">Status</h2>
            <p>
              <StatusBadge status={idea.status} />
              {idea.targetQuarter && (idea.status === "accepted" || idea.status === "in_development") ? (
                <>
                  {" "}
                  Target {idea.targetDate ? <strong>{idea.targetDate}</strong> : <strong>{idea.targetQuarter}</strong>}
                  {idea.targetDate ? null : <span className="muted"> (plans may change)</span>}
                </>
              ) : null}
            </p>
            {idea.sla && idea.canMove ? (
              <p className="muted">
                PM response due {idea.sla.dueDate}: <strong>{idea.sla.state}</strong>
              </p>
            ) : null}
            <ol className="timeline">
              {idea.statusHistory.map((h) => (
                <li key={h.id} id={`status-${h.id}`}>
                  <strong>{STATUS_LABELS[h.to]}</strong> · {formatTimestamp(h.at)} · {h.goLive ? `by go-live ${h.goLive}, marked by ${h.by}` : h.system ? "automatically" : h.by}
                  {h.note ? <div className="muted">{h.note}</div> : null}
                </li>
              ))}
            </ol>
          </section>

          {delivery.features.length || canLink ? (
            <section className="card" id="delivery" aria-labelledby="delivery-title">
              <h2 id="delivery-title">Delivery</h2>
              {delivery.features.length === 0 ? <p className="empty-state">Not linked to delivery work yet. Link the product-release features that will deliver it.</p> : null}
              <ul className="delivery-links">
                {delivery.features.map((f) => (
                  <li key={f.featureId} data-testid={`delivery-${f.featureId}`}>
                    <Link to={`/features/${f.featureId}`}>{f.feature}</Link> <span className="muted">· {f.project}</span>
                    <div className="muted">
                      {f.stories.accepted} of {f.stories.total} stories accepted
                      {f.sprint ? ` · sprint ${f.sprint.number}${f.sprint.state === "active" ? " (active)" : ""}` : ""}
                      {f.goLive
                        ? f.goLive.doneAt
                          ? ` · shipped with ${f.goLive.name}`
                          : ` · ${f.goLive.name} on ${f.goLive.cutoverOn}, forecast sprint ${f.goLive.forecastSprint ?? "—"}`
                        : " · no go-live yet"}
                      {f.goLive && !f.goLive.doneAt && f.goLive.atRisk ? <span className="status status--late"> at risk</span> : null}
                    </div>
                    {canLink ? <LinkButton intent="unlink" field="featureId" value={f.featureId} label={`Unlink ${f.feature}`} text="Unlink" /> : null}
                  </li>
                ))}
              </ul>
              {delivery.hidden ? <p className="muted">Also linked to {delivery.hidden} feature(s) of projects you don't see.</p> : null}
              {canLink ? (
                <>
                  <SearchForm id="feature-search" name="feature" label="Find a product-release feature" defaultValue={featureQuery ?? ""} placeholder="Feature or project name" action="#delivery" />
                  {intent === "link" && errors ? <FormMessage message={errors.fields.featureId ?? errors.message} /> : null}
                  {featureResults ? (
                    featureResults.length ? (
                      <ul className="delivery-links">
                        {featureResults
                          .filter((r) => !delivery.features.some((f) => f.featureId === r.id))
                          .map((r) => (
                            <li key={r.id}>
                              <LinkButton intent="link" field="featureId" value={r.id} label={`Link ${r.name} of ${r.project}`} text="Link">
                                {r.name} <span className="muted">· {r.project}</span>
                              </LinkButton>
                            </li>
                          ))}
                      </ul>
                    ) : (
                      <p className="muted">No product-release feature matches “{featureQuery}”.</p>
                    )
                  ) : null}
                </>
              ) : null}
            </section>
          ) : null}

          {idea.canMove && delivery.offerInDevelopment ? (
            <section className="card" aria-labelledby="offer-title">
              <h2 id="offer-title">Engineering has started</h2>
              <p className="muted">A story of a linked feature is in an active sprint.</p>
              <PostForm className="form">
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="status" value="in_development" />
                <div className="field">
                  <label htmlFor="offer-note">Official update</label>
                  <textarea
                    id="offer-note"
                    name="note"
                    style={{ minHeight: "4rem" }}
                    defaultValue={`Engineering has started: ${delivery.features
                      .filter((f) => f.sprint?.state === "active")
                      .map((f) => `${f.feature} is in sprint ${f.sprint!.number} of ${f.project}`)
                      .join("; ")}.`}
                  />
                </div>
                <button type="submit" className="button">
                  Move to In Development
                </button>
              </PostForm>
            </section>
          ) : null}

          {idea.canMove ? <IdeaPmForms idea={idea} today={today} errors={errors} /> : null}

          <section className="card" aria-labelledby="votes-chart-title">
            <h2 id="votes-chart-title">Votes per week</h2>
            <VotesPerWeekChart data={votesPerWeek} />
          </section>

          <IdeaEditHistory edits={idea.edits} />
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
