import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { features, goLives, ideaFeatureLinks, ideas, portals, projects, sprints, stories } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { globalCan, projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { membershipOf } from "../delivery/projects.server";
import { planOf } from "../delivery/release.server";
import { DomainError } from "../lib/errors";
import { idSchema, parseInput } from "../lib/validation";
import { STATUS_LABELS } from "../ideas/lifecycle";
import { ideasToDeliver, isLinkable, offersInDevelopment } from "./links";
import { answerSlaClock, recordStatusChange, returnAllVotes } from "../ideas/transitions.server";

function requirePm(actor: User) {
  if (!globalCan(actor.role, "ideas.move")) throw new DomainError("forbidden", "Only product managers link ideas to delivery.");
}

function findIdea(db: DbOrTx, key: string) {
  const idea = db.select().from(ideas).where(eq(ideas.key, key)).get();
  if (!idea) throw new DomainError("not_found", `No idea ${key}.`);
  return idea;
}

export const LinkSchema = z.object({ featureId: idSchema("Choose a feature.") });

/**
 * A PM links an Accepted or In Development idea to a feature of a product-release project
 * (SPEC B10, API.md `POST /ideas/:key/links`). Audited.
 */
export function linkIdea(db: Db, actor: User, key: string, input: unknown) {
  requirePm(actor);
  const { featureId } = parseInput(LinkSchema, input);
  return db.transaction((tx) => {
    const idea = findIdea(tx, key);
    if (!isLinkable(idea.status)) {
      throw new DomainError("conflict", `${idea.key} is ${STATUS_LABELS[idea.status]}: only Accepted or In Development ideas are linked to delivery.`);
    }
    const feature = tx
      .select({ id: features.id, name: features.name, projectId: features.projectId, kind: projects.kind, project: projects.name })
      .from(features)
      .innerJoin(projects, eq(projects.id, features.projectId))
      .where(eq(features.id, featureId))
      .get();
    if (!feature) throw new DomainError("invalid", "No such feature.", { fields: { featureId: "Choose a feature of a product-release project." } });
    if (feature.kind !== "product_release") {
      throw new DomainError("invalid", `${feature.project} is a customer engagement: ideas link to product-release features only.`, { fields: { featureId: "Choose a feature of a product-release project." } });
    }
    const result = tx.insert(ideaFeatureLinks).values({ ideaId: idea.id, featureId, byId: actor.id }).onConflictDoNothing().run();
    if (!result.changes) throw new DomainError("conflict", `${idea.key} is already linked to ${feature.name}.`);
    recordAudit(tx, actor.id, "link.created", `idea:${idea.key}`, { featureId, feature: feature.name, project: feature.project });
    return { ideaKey: idea.key, featureId, feature: feature.name, projectId: feature.projectId, project: feature.project };
  });
}

export function unlinkIdea(db: Db, actor: User, key: string, featureId: number): void {
  requirePm(actor);
  db.transaction((tx) => {
    const idea = findIdea(tx, key);
    const result = tx.delete(ideaFeatureLinks).where(and(eq(ideaFeatureLinks.ideaId, idea.id), eq(ideaFeatureLinks.featureId, featureId))).run();
    if (!result.changes) throw new DomainError("not_found", "No such link.");
    recordAudit(tx, actor.id, "link.removed", `idea:${idea.key}`, { featureId });
  });
}

/** Features of product-release projects whose name (or project) matches, for the PM's link form. */
export function searchFeatures(db: Db, actor: User, q: string, limit = 20) {
  requirePm(actor);
  const text = q.trim();
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: features.id, name: features.name, projectId: projects.id, project: projects.name })
    .from(features)
    .innerJoin(projects, eq(projects.id, features.projectId))
    .where(and(eq(projects.kind, "product_release"), text ? sql`(${features.name} LIKE ${pattern} ESCAPE '\\' OR ${projects.name} LIKE ${pattern} ESCAPE '\\')` : undefined))
    .orderBy(asc(projects.name), asc(features.name))
    .limit(limit)
    .all();
}

/** Accepted and In Development ideas matching a key or title, for the feature page's link form. */
export function searchLinkableIdeas(db: Db, actor: User, q: string, limit = 20) {
  requirePm(actor);
  const text = q.trim();
  if (!text) return [];
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ key: ideas.key, title: ideas.title, status: ideas.status })
    .from(ideas)
    .where(and(inArray(ideas.status, ["accepted", "in_development"]), sql`(${ideas.key} LIKE ${pattern} ESCAPE '\\' OR ${ideas.title} LIKE ${pattern} ESCAPE '\\')`))
    .orderBy(desc(ideas.votes))
    .limit(limit)
    .all();
}

function mayRead(db: DbOrTx, viewer: User, projectId: number): boolean {
  return projectCan(viewer.role, membershipOf(db, projectId, viewer.id), "project.read");
}

/** Delivery progress of a feature: for who may read its project, and for PMs on product releases (their product). */
function maySeeDelivery(db: DbOrTx, viewer: User, project: { id: number; kind: string }): boolean {
  return mayRead(db, viewer, project.id) || (globalCan(viewer.role, "ideas.move") && project.kind === "product_release");
}

/**
 * Delivery progress of an idea's linked features (SPEC B10), for the idea page: stories accepted of
 * total, the sprint they are in, the go-live and its forecast — only for features of projects the
 * viewer may see. `hidden` counts the others, which the page does not describe.
 */
export function ideaDelivery(db: Db, viewer: User, ideaId: number) {
  const linked = db
    .select({ featureId: features.id, feature: features.name, projectId: projects.id, project: projects.name, kind: projects.kind, goLiveId: features.goLiveId })
    .from(ideaFeatureLinks)
    .innerJoin(features, eq(features.id, ideaFeatureLinks.featureId))
    .innerJoin(projects, eq(projects.id, features.projectId))
    .where(eq(ideaFeatureLinks.ideaId, ideaId))
    .orderBy(asc(projects.name), asc(features.name))
    .all();
  const visible = linked.filter((l) => maySeeDelivery(db, viewer, { id: l.projectId, kind: l.kind }));
  const plans = new Map<number, ReturnType<typeof planOf>>();
  const rows = visible.map((l) => {
    const counts = db
      .select({ total: sql<number>`count(*)`, accepted: sql<number>`sum(${stories.status} = 'accepted')` })
      .from(stories)
      .where(eq(stories.featureId, l.featureId))
      .get()!;
    const sprint = db
      .select({ number: sprints.number, state: sprints.state })
      .from(stories)
      .innerJoin(sprints, eq(sprints.id, stories.sprintId))
      .where(eq(stories.featureId, l.featureId))
      .orderBy(sql`${sprints.state} = 'active' DESC`, desc(sprints.number))
      .limit(1)
      .get();
    // Visibility was decided above (PMs are not project members), so the plan is read directly.
    if (!plans.has(l.projectId)) plans.set(l.projectId, planOf(db, db.select().from(projects).where(eq(projects.id, l.projectId)).get()!));
    const goLive = plans.get(l.projectId)!.goLives.find((g) => g.id === l.goLiveId) ?? null;
    return {
      ...l,
      stories: { accepted: counts.accepted ?? 0, total: counts.total },
      sprint: sprint ?? null,
      goLive: goLive ? { id: goLive.id, name: goLive.name, cutoverOn: goLive.cutoverOn, doneAt: goLive.doneAt, forecastSprint: goLive.forecastSprint, atRisk: goLive.atRisk } : null,
    };
  });
  const inActiveSprint = linked.some(
    (l) =>
      db
        .select({ one: sql`1` })
        .from(stories)
        .innerJoin(sprints, eq(sprints.id, stories.sprintId))
        .where(and(eq(stories.featureId, l.featureId), eq(sprints.state, "active")))
        .limit(1)
        .get() !== undefined,
  );
  const status = db.select({ status: ideas.status }).from(ideas).where(eq(ideas.id, ideaId)).get()?.status;
  return { features: rows, hidden: linked.length - visible.length, offerInDevelopment: status ? offersInDevelopment(status, inActiveSprint) : false };
}

/** The ideas a feature delivers, with their votes and portals (the feature page). */
export function featureIdeas(db: Db, featureId: number) {
  return db
    .select({ key: ideas.key, title: ideas.title, status: ideas.status, votes: ideas.votes, portal: portals.name, portalSlug: portals.slug })
    .from(ideaFeatureLinks)
    .innerJoin(ideas, eq(ideas.id, ideaFeatureLinks.ideaId))
    .innerJoin(portals, eq(portals.id, ideas.portalId))
    .where(eq(ideaFeatureLinks.featureId, featureId))
    .orderBy(desc(ideas.votes))
    .all();
}

/**
 * When a go-live is marked done (SPEC B10): every linked idea whose last linked feature has now
 * shipped becomes Delivered with the go-live's release note, its votes return and its followers
 * hear of it — a system move recorded as by the go-live and the user who marked it. Runs inside
 * the go-live's transaction, so all of it happens or none.
 */
export function deliverLinkedIdeas(tx: DbOrTx, goLive: { id: number; name: string; releaseNoteUrl: string | null }, actor: User): string[] {
  const carried = new Set(tx.select({ id: features.id }).from(features).where(eq(features.goLiveId, goLive.id)).all().map((f) => f.id));
  if (!carried.size) return [];
  const ideaIds = tx.selectDistinct({ id: ideaFeatureLinks.ideaId }).from(ideaFeatureLinks).where(inArray(ideaFeatureLinks.featureId, [...carried])).all().map((r) => r.id);
  if (!ideaIds.length) return [];
  const links = tx.select({ ideaId: ideaFeatureLinks.ideaId, featureId: ideaFeatureLinks.featureId }).from(ideaFeatureLinks).where(inArray(ideaFeatureLinks.ideaId, ideaIds)).all();
  const shipped = new Set(
    tx
      .select({ id: features.id })
      .from(features)
      .innerJoin(goLives, eq(goLives.id, features.goLiveId))
      .where(and(isNotNull(goLives.doneAt), inArray(features.id, links.map((l) => l.featureId))))
      .all()
      .map((f) => f.id),
  );
  const rows = tx.select().from(ideas).where(inArray(ideas.id, ideaIds)).all();
  const deliver = ideasToDeliver(links, new Map(rows.map((r) => [r.id, r.status])), carried, shipped);
  const note = `Delivered by go-live “${goLive.name}”, marked done by ${actor.name}.${goLive.releaseNoteUrl ? ` Release note: ${goLive.releaseNoteUrl}` : ""}`;
  const keys: string[] = [];
  for (const idea of rows.filter((r) => deliver.includes(r.id))) {
    answerSlaClock(tx, idea.id);
    tx.update(ideas).set({ releaseNoteUrl: goLive.releaseNoteUrl }).where(eq(ideas.id, idea.id)).run();
    recordStatusChange(tx, idea, "delivered", { byId: actor.id, system: true, note, goLiveId: goLive.id });
    recordAudit(tx, actor.id, "idea.status_changed", `idea:${idea.key}`, { from: idea.status, to: "delivered", goLiveId: goLive.id, goLive: goLive.name });
    returnAllVotes(tx, idea, `${idea.key} was delivered by ${goLive.name}`, actor.id);
    keys.push(idea.key);
  }
  return keys;
}



/**
 * The feature page: the feature, its stories and go-live, and the ideas it delivers. Project
 * members (and staff) see it; so do PMs for product-release features, to link ideas from there.
 */
export function featurePage(db: Db, viewer: User, featureId: number) {
  const row = db
    .select({ feature: features, project: projects })
    .from(features)
    .innerJoin(projects, eq(projects.id, features.projectId))
    .where(eq(features.id, featureId))
    .get();
  const readable = row ? mayRead(db, viewer, row.project.id) : false;
  const pmView = row ? globalCan(viewer.role, "ideas.move") && row.project.kind === "product_release" : false;
  if (!row || !maySeeDelivery(db, viewer, row.project)) throw new DomainError("not_found", "No such feature.");
  const featureStories = db
    .select({ id: stories.id, title: stories.title, status: stories.status, points: stories.points, sprint: sprints.number })
    .from(stories)
    .leftJoin(sprints, eq(sprints.id, stories.sprintId))
    .where(eq(stories.featureId, featureId))
    .orderBy(asc(stories.rank))
    .all();
  const goLive = row.feature.goLiveId ? db.select().from(goLives).where(eq(goLives.id, row.feature.goLiveId)).get() ?? null : null;
  return {
    feature: row.feature,
    project: { id: row.project.id, name: row.project.name, kind: row.project.kind },
    readable,
    stories: featureStories,
    goLive: goLive ? { id: goLive.id, name: goLive.name, cutoverOn: goLive.cutoverOn, doneAt: goLive.doneAt, releaseNoteUrl: goLive.releaseNoteUrl } : null,
    ideas: featureIdeas(db, featureId),
    canLink: pmView,
  };
}
