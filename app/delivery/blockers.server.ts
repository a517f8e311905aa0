import { and, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { blockers, projectMembers, stories, users } from "../../db/schema";
import type { User } from "../auth/users.server";
import { notify } from "../notifications/notify.server";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, parseInput, oneLine } from "../lib/validation";
import { orderBlockers } from "./blockers";
import { notifyMentions } from "./mentions.server";
import { getProject, requireProject } from "./projects.server";

export const BlockerSchema = z.object({
  title: z.string({ error: "Say what blocks the work." }).overwrite(oneLine).trim().min(3, "Say what blocks the work.").max(300),
  side: z.enum(["delivery", "customer"], { error: "Whose side must act: delivery or customer?" }),
  ownerId: z.coerce.number().int().positive().nullable().optional(),
  storyId: z.coerce.number().int().positive().nullable().optional(),
  dueOn: IsoDateSchema.nullable().optional(),
});

/** A raise-blocker form's fields as the use case's input (empty choices are none). */
export function blockerFromForm(form: FormData) {
  return { title: form.get("title"), side: form.get("side"), ownerId: form.get("ownerId") || null, storyId: form.get("storyId") || null, dueOn: form.get("dueOn") || null };
}

/** Raise a blocker (team, owners, scrum master); its owner, if named, is notified. */
export function raiseBlocker(db: Db, actor: User, projectId: number, input: unknown) {
  requireProject(db, actor, projectId, "blockers.manage");
  const data = parseInput(BlockerSchema, input);
  return db.transaction((tx) => {
    if (data.ownerId && !tx.select({ u: projectMembers.userId }).from(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, data.ownerId))).get()) {
      throw new DomainError("invalid", "The owner must be a member of the project.", { fields: { ownerId: "Choose a member of the project." } });
    }
    if (data.storyId) {
      const story = tx.select({ projectId: stories.projectId }).from(stories).where(eq(stories.id, data.storyId)).get();
      if (story?.projectId !== projectId) throw new DomainError("invalid", "Link a story of this project.", { fields: { storyId: "Choose a story of this project." } });
    }
    const blocker = tx
      .insert(blockers)
      .values({ projectId, title: data.title, side: data.side, ownerId: data.ownerId ?? null, storyId: data.storyId ?? null, dueOn: data.dueOn ?? null, raisedById: actor.id })
      .returning()
      .get();
    if (blocker.ownerId) notify(tx, [blocker.ownerId], { text: `Blocker assigned to you: ${blocker.title}`, link: `/projects/${projectId}/blockers#blocker-${blocker.id}`, projectId, dedupeKey: `blocker:${blocker.id}:owner:${blocker.ownerId}` }, actor.id);
    notifyMentions(tx, projectId, blocker.title, { authorName: actor.name, where: "a blocker", link: `/projects/${projectId}/blockers` }, actor.id);
    return blocker;
  });
}

export function resolveBlocker(db: Db, actor: User, blockerId: number, input: unknown) {
  const blocker = db.select().from(blockers).where(eq(blockers.id, blockerId)).get();
  if (!blocker) throw new DomainError("not_found", "No such blocker.");
  requireProject(db, actor, blocker.projectId, "blockers.manage");
  const { resolution } = parseInput(z.object({ resolution: z.string().trim().max(1000).optional().default("") }), input);
  const result = db
    .update(blockers)
    .set({ resolvedById: actor.id, resolvedAt: new Date().toISOString(), resolution })
    .where(and(eq(blockers.id, blockerId), isNull(blockers.resolvedAt)))
    .run();
  if (!result.changes) throw new DomainError("conflict", "This blocker is already resolved.");
}

/** Open ones first (customer side first, oldest first), then resolved ones. */
export function listBlockers(db: Db, viewer: User, projectId: number) {
  getProject(db, viewer, projectId);
  const owner = alias(users, "owner");
  const resolver = alias(users, "resolver");
  const rows = db
    .select({
      id: blockers.id,
      title: blockers.title,
      side: blockers.side,
      owner: owner.name,
      storyId: blockers.storyId,
      story: stories.title,
      raisedAt: blockers.raisedAt,
      dueOn: blockers.dueOn,
      resolvedAt: blockers.resolvedAt,
      resolvedBy: resolver.name,
      resolution: blockers.resolution,
    })
    .from(blockers)
    .leftJoin(owner, eq(owner.id, blockers.ownerId))
    .leftJoin(resolver, eq(resolver.id, blockers.resolvedById))
    .leftJoin(stories, eq(stories.id, blockers.storyId))
    .where(eq(blockers.projectId, projectId))
    .all();
  return orderBlockers(rows);
}
