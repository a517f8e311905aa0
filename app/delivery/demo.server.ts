import { and, asc, desc, eq, inArray, isNull, min, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { writeCsv } from "../lib/csv";
import { sprintLabel } from "./csv";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { demoDecisions, features, goLives, projectMembers, sprints, stories, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { notify } from "../notifications/notify.server";
import { DomainError } from "../lib/errors";
import { idSchema, parseInput } from "../lib/validation";
import { rankBetween } from "./backlog";
import { allowedDecisions, demoEffect, demoRefusal } from "./demo";
import { notifyRejection, settleAwaitingDecision } from "./reminders.server";
import { threadNote } from "./threads.server";
import { kindsRevisedInSprint } from "./docs.server";
import { missingDocRevisions } from "./docs";
import { getProject } from "./projects.server";
import { insertAtBottom, recordEvent, type Story } from "./stories.server";
import { storyMention } from "./keys";

export const DemoSchema = z.object({
  storyId: idSchema("Choose a story."),
  decision: z.enum(["accept", "accept_with_follow_up", "reject"], { error: "Decide accept, accept_with_follow_up or reject." }),
  comment: z.string().max(5000).optional().default(""),
  unmetCriteria: z.array(z.number({ error: "Name each unmet criterion by its number." }).int("Name each unmet criterion by its number.").min(0).max(1000), { error: "Unmet criteria are a list of numbers." }).max(100).optional().default([]),
  then: z.enum(["in_progress", "backlog"]).optional(),
  followUp: z.object({ title: z.string().max(200) }).optional(),
  onBehalfOf: idSchema("Name the co-product owner.").optional(),
});

/**
 * Record a demo decision (SPEC A4): a co-product owner decides, or the scrum master records it
 * on behalf of a named co-product owner, who is notified. Accepting sets `accepted`; accepting
 * with a follow-up also adds the follow-up story at the bottom of the backlog; rejecting names
 * the unmet criteria and sends the story back to in progress or to the backlog. A new decision
 * supersedes the previous one for the story (both kept). Story changes are events, so the
 * burndown's not-yet-accepted line, velocity and burnup follow.
 */
export function decideAtDemo(db: Db, actor: User, sprintId: number, input: unknown, now = new Date()): Story {
  const data = parseInput(DemoSchema, input);
  const sprint = db.select().from(sprints).where(eq(sprints.id, sprintId)).get();
  if (!sprint) throw new DomainError("not_found", "No such sprint.");
  const { project, role } = getProject(db, actor, sprint.projectId);
  let decidedBy = actor.id;
  if (data.onBehalfOf && data.onBehalfOf !== actor.id) {
    if (!projectCan(actor.role, role, "demo.decideOnBehalf")) throw new DomainError("forbidden", "Only the scrum master records a decision on someone's behalf.");
    const member = db.select({ role: projectMembers.role }).from(projectMembers).where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.userId, data.onBehalfOf))).get();
    if (member?.role !== "co_product_owner") throw new DomainError("invalid", "Name a co-product owner of this project.", { fields: { onBehalfOf: "Choose a co-product owner." } });
    decidedBy = data.onBehalfOf;
  } else if (!projectCan(actor.role, role, "demo.decide")) {
    throw new DomainError("forbidden", "Only a co-product owner decides at the demo (or the scrum master on their behalf).");
  }
  return db.transaction((tx) => {
    const story = tx.select().from(stories).where(eq(stories.id, data.storyId)).get();
    if (!story || story.projectId !== project.id) throw new DomainError("not_found", "No such story in this project.");
    const previous = tx
      .select()
      .from(demoDecisions)
      .where(and(eq(demoDecisions.sprintId, sprintId), eq(demoDecisions.storyId, story.id), isNull(demoDecisions.supersededById)))
      .get();
    const refusal = demoRefusal({
      sprintState: sprint.state,
      storyInSprint: story.sprintId === sprintId || awaitsDemoInBacklog(story),
      storyStatus: story.status,
      decision: data.decision,
      unmetCriteria: data.unmetCriteria,
      criteriaCount: story.acceptanceCriteria.length,
      followUpTitle: data.followUp?.title ?? null,
    });
    if (refusal) throw new DomainError(refusal.fields ? "invalid" : "conflict", refusal.message, { fields: refusal.fields });

    let followUpId: number | null = null;
    if (data.decision === "accept_with_follow_up") {
      const followUp = insertAtBottom(tx, project, actor, { title: data.followUp!.title.trim(), type: "story", description: `Follow-up of “${story.title}”, asked at the sprint ${sprint.number} demo.`, acceptanceCriteria: [], points: null, featureId: story.featureId }, now);
      followUpId = followUp.id;
    }
    const effect = demoEffect(data.decision, data.then ?? null);
    if (effect.status !== story.status) {
      tx.update(stories).set({ status: effect.status }).where(eq(stories.id, story.id)).run();
      recordEvent(tx, story, project.timeZone, actor.id, "status", story.status, effect.status, now);
    }
    const inSprintNow = story.sprintId === sprintId;
    if (effect.leavesSprint && inSprintNow) {
      const top = tx.select({ r: min(stories.rank) }).from(stories).where(eq(stories.projectId, project.id)).get()?.r ?? null;
      tx.update(stories).set({ sprintId: null, rank: rankBetween(null, top) }).where(eq(stories.id, story.id)).run();
      recordEvent(tx, story, project.timeZone, actor.id, "sprint", sprintId, null, now);
    } else if (!effect.leavesSprint && !inSprintNow) {
      // Superseding a "back to the backlog" rejection brings the story back into the sprint.
      tx.update(stories).set({ sprintId }).where(eq(stories.id, story.id)).run();
      recordEvent(tx, story, project.timeZone, actor.id, "sprint", story.sprintId, sprintId, now);
    }
    const row = tx
      .insert(demoDecisions)
      .values({
        sprintId,
        storyId: story.id,
        decision: data.decision,
        comment: data.comment.trim(),
        unmetCriteria: data.decision === "reject" ? data.unmetCriteria : [],
        then: data.decision === "reject" ? (data.then ?? "in_progress") : null,
        followUpStoryId: followUpId,
        decidedById: decidedBy,
        recordedById: actor.id,
        at: now.toISOString(),
      })
      .returning({ id: demoDecisions.id })
      .get();
    if (previous) tx.update(demoDecisions).set({ supersededById: row.id }).where(eq(demoDecisions.id, previous.id)).run();
    settleAwaitingDecision(tx, story, now);
    if (data.decision === "reject") notifyRejection(tx, story, sprint, data.unmetCriteria, data.comment, actor.id, now);
    const label = { accept: "Accepted", accept_with_follow_up: "Accepted with a follow-up", reject: "Rejected" }[data.decision];
    const unmet = data.decision === "reject" ? data.unmetCriteria.map((i) => story.acceptanceCriteria[i]).filter(Boolean) : [];
    threadNote(
      tx,
      story.id,
      decidedBy,
      "demo",
      [
        `Sprint ${sprint.number} demo: **${label}**`,
        unmet.length ? `not met: ${unmet.join("; ")}` : null,
        followUpId ? `follow-up: [${data.followUp!.title.trim()}](/stories/${followUpId})` : null,
        data.comment.trim() || null,
        decidedBy !== actor.id ? `(recorded by ${actor.name})` : null,
      ]
        .filter(Boolean)
        .join(" — "),
      now,
    );
    if (decidedBy !== actor.id) {
      notify(tx, [decidedBy], { text: `${actor.name} recorded your demo decision on ${storyMention(story)}: ${data.decision.replace(/_/g, " ")}.`, link: `/sprints/${sprintId}/demo#story-${story.id}`, projectId: story.projectId, at: now });
    }
    return tx.select().from(stories).where(eq(stories.id, story.id)).get()!;
  });
}

/** A done story outside any sprint (its sprint closed "to the backlog") still awaits its demo decision. */
function awaitsDemoInBacklog(story: Pick<Story, "sprintId" | "status">): boolean {
  return story.sprintId === null && story.status === "done";
}

/** The sprint whose demo comes next: the active one, or else the first planned one. */
function isCurrentSprint(db: Db, sprint: typeof sprints.$inferSelect): boolean {
  if (sprint.state === "active") return true;
  if (sprint.state !== "planned") return false;
  const open = db.select({ id: sprints.id }).from(sprints).where(and(eq(sprints.projectId, sprint.projectId), ne(sprints.state, "closed"))).orderBy(asc(sprints.number)).get();
  return open?.id === sprint.id;
}

/** The demo's list: done and decided stories of the sprint with their criteria and decisions. */
export function demoList(db: Db, viewer: User, sprintId: number) {
  const sprint = db.select().from(sprints).where(eq(sprints.id, sprintId)).get();
  if (!sprint) throw new DomainError("not_found", "No such sprint.");
  const found = getProject(db, viewer, sprint.projectId);
  const decisions = db
    .select({
      id: demoDecisions.id,
      storyId: demoDecisions.storyId,
      decision: demoDecisions.decision,
      comment: demoDecisions.comment,
      unmetCriteria: demoDecisions.unmetCriteria,
      then: demoDecisions.then,
      followUpStoryId: demoDecisions.followUpStoryId,
      supersededById: demoDecisions.supersededById,
      at: demoDecisions.at,
      decidedBy: users.name,
      recordedById: demoDecisions.recordedById,
    })
    .from(demoDecisions)
    .innerJoin(users, eq(users.id, demoDecisions.decidedById))
    .where(eq(demoDecisions.sprintId, sprintId))
    .orderBy(desc(demoDecisions.id))
    .all();
  const decidedIds = [...new Set(decisions.map((d) => d.storyId))];
  const candidates = db
    .select()
    .from(stories)
    .where(and(eq(stories.sprintId, sprintId), inArray(stories.status, ["done", "accepted"])))
    .orderBy(asc(stories.rank))
    .all();
  const others = decidedIds.length ? db.select().from(stories).where(inArray(stories.id, decidedIds)).all() : [];
  // Done stories a sprint closed "to the top of the backlog" still await a decision: the demo of
  // the project's current sprint lists them (SPEC A3).
  const carried = isCurrentSprint(db, sprint)
    ? db.select().from(stories).where(and(eq(stories.projectId, sprint.projectId), isNull(stories.sprintId), eq(stories.status, "done"))).orderBy(asc(stories.rank)).all()
    : [];
  const list = [...candidates, ...carried, ...others].filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i);
  const revised = kindsRevisedInSprint(db, sprintId);
  const coProductOwners = db
    .select({ userId: users.id, name: users.name })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, sprint.projectId), eq(projectMembers.role, "co_product_owner")))
    .all();
  return {
    ...found,
    sprint,
    coProductOwners,
    stories: list.map((s) => ({
      ...s,
      carriedOver: s.sprintId === null && s.status === "done",
      allowed: sprint.state === "active" && (s.sprintId === sprintId || awaitsDemoInBacklog(s)) ? allowedDecisions(s.status) : [],
      decisions: decisions.filter((d) => d.storyId === s.id),
      missingDocs: missingDocRevisions(s.docKinds, revised),
    })),
  };
}

export type AcceptanceRow = {
  storyId: number;
  key: string | null;
  title: string;
  points: number | null;
  criteria: string[];
  /** Null on a go-live record for a story of its scope not decided at any demo yet. */
  decision: "accept" | "accept_with_follow_up" | "reject" | null;
  unmetCriteria: number[];
  decidedBy: string | null;
  recordedBy: string | null;
  at: string | null;
  comment: string;
  sprintNumber: number | null;
  feature?: string | null;
};

/** Standing (not superseded) demo decisions, oldest first, for a sprint or for some stories. */
function standingDecisions(db: Db, where: { sprintId: number } | { storyIds: number[] }): AcceptanceRow[] {
  const recorder = alias(users, "recorder");
  if ("storyIds" in where && where.storyIds.length === 0) return [];
  return db
    .select({
      storyId: stories.id,
      key: stories.key,
      title: stories.title,
      points: stories.points,
      criteria: stories.acceptanceCriteria,
      decision: demoDecisions.decision,
      unmetCriteria: demoDecisions.unmetCriteria,
      decidedBy: users.name,
      recordedBy: recorder.name,
      at: demoDecisions.at,
      comment: demoDecisions.comment,
      sprintNumber: sprints.number,
      feature: features.name,
    })
    .from(demoDecisions)
    .innerJoin(stories, eq(stories.id, demoDecisions.storyId))
    .leftJoin(features, eq(features.id, stories.featureId))
    .innerJoin(sprints, eq(sprints.id, demoDecisions.sprintId))
    .innerJoin(users, eq(users.id, demoDecisions.decidedById))
    .innerJoin(recorder, eq(recorder.id, demoDecisions.recordedById))
    .where(and("sprintId" in where ? eq(demoDecisions.sprintId, where.sprintId) : inArray(demoDecisions.storyId, where.storyIds), isNull(demoDecisions.supersededById)))
    .orderBy(asc(demoDecisions.at), asc(demoDecisions.id))
    .all();
}

/**
 * The acceptance record of a sprint's demo (SPEC A5): each story's standing decision with its
 * criteria, who decided (and who recorded it), when, and the comment. Every project member reads
 * it; it is final once the sprint is closed.
 */
export function acceptanceRecord(db: Db, viewer: User, sprintId: number) {
  const sprint = db.select().from(sprints).where(eq(sprints.id, sprintId)).get();
  if (!sprint) throw new DomainError("not_found", "No such sprint.");
  const { project } = getProject(db, viewer, sprint.projectId);
  return { project, sprint, rows: standingDecisions(db, { sprintId }), final: sprint.state === "closed" };
}

/**
 * A go-live's acceptance record (SPEC A5, A8): every story of the features in its scope with the
 * latest standing demo decision on it (any sprint), and the go / no-go decision — who decided,
 * who recorded it, when and why. Final once the go-live is done.
 */
export function goLiveAcceptanceRecord(db: Db, viewer: User, goLiveId: number) {
  const goLive = db.select().from(goLives).where(eq(goLives.id, goLiveId)).get();
  if (!goLive) throw new DomainError("not_found", "No such go-live.");
  const { project } = getProject(db, viewer, goLive.projectId);
  const scope = db
    .select({ id: stories.id, key: stories.key, title: stories.title, points: stories.points, criteria: stories.acceptanceCriteria, feature: features.name })
    .from(stories)
    .innerJoin(features, eq(features.id, stories.featureId))
    .where(eq(features.goLiveId, goLiveId))
    .orderBy(asc(features.name), asc(stories.rank))
    .all();
  const latest = new Map<number, AcceptanceRow>();
  for (const d of standingDecisions(db, { storyIds: scope.map((s) => s.id) })) latest.set(d.storyId, d);
  const rows: AcceptanceRow[] = scope.map(
    (s) =>
      latest.get(s.id) ? { ...latest.get(s.id)!, feature: s.feature } : { storyId: s.id, key: s.key, title: s.title, points: s.points, criteria: s.criteria, decision: null, unmetCriteria: [], decidedBy: null, recordedBy: null, at: null, comment: "", sprintNumber: null, feature: s.feature },
  );
  const person = (id: number | null) => (id ? db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null : null);
  return {
    project,
    goLive,
    rows,
    goNoGo: goLive.decision
      ? { decision: goLive.decision, decidedBy: person(goLive.decidedById), recordedBy: person(goLive.decisionRecordedById ?? goLive.decidedById), at: goLive.decidedAt, comment: goLive.decisionComment ?? "" }
      : null,
    final: goLive.doneAt !== null,
  };
}

const CSV_FIELDS = ["story", "title", "feature", "sprint", "points", "acceptance criteria", "decision", "criteria not met", "decided by", "recorded by", "at", "comment"];

function csvRow(r: AcceptanceRow) {
  return [
    // The key people quote (ACME-42); the id only for a story from before keys.
    r.key ?? r.storyId,
    r.title,
    r.feature ?? "",
    sprintLabel(r.sprintNumber),
    r.points ?? "",
    r.criteria.join("\n"),
    r.decision ?? "not decided",
    r.unmetCriteria.map((i) => r.criteria[i] ?? `#${i + 1}`).join("\n"),
    r.decidedBy ?? "",
    r.recordedBy ?? "",
    r.at ?? "",
    r.comment,
  ];
}

export function acceptanceCsv(record: { rows: AcceptanceRow[] }): string {
  return writeCsv({ fields: CSV_FIELDS, rows: record.rows.map(csvRow) });
}

/**
 * The go-live record as CSV: a short table of the go-live and its go / no-go first, an empty
 * line, then the table of its stories (the decision is not a row of the story table).
 */
export function goLiveAcceptanceCsv(record: ReturnType<typeof goLiveAcceptanceRecord>): string {
  const g = record.goNoGo;
  const decision = g ? (g.decision === "go" ? "go" : "no go") : "not decided";
  return writeCsv(
    {
      fields: ["go-live", "cutover", "go / no-go", "decided by", "recorded by", "at", "comment"],
      rows: [[record.goLive.name, record.goLive.cutoverOn, decision, g?.decidedBy ?? "", g?.recordedBy ?? "", g?.at ?? "", g?.comment ?? ""]],
    },
    { fields: CSV_FIELDS, rows: record.rows.map(csvRow) },
  );
}
