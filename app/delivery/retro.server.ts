import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { projectMembers, retroItems, sprints, users } from "../../db/schema";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { getProject, requireProject } from "./projects.server";
import { notifyMentions } from "./mentions.server";
import { notify } from "../notifications/notify.server";

export const RetroItemSchema = z
  .object({
    column: z.enum(["went_well", "to_improve", "action"], { error: "Choose a column." }),
    text: z.string({ error: "Write the item." }).trim().min(2, "Write the item.").max(1000),
    ownerId: z.coerce.number().int().positive().nullable().optional(),
    dueSprintId: z.coerce.number().int().positive().nullable().optional(),
  })
  .refine((v) => v.column !== "action" || v.ownerId, { message: "An action needs an owner.", path: ["ownerId"] });

/** Any member adds retro items to a sprint (team, owners, scrum master); actions need an owner. */
export function addRetroItem(db: Db, actor: User, sprintId: number, input: unknown) {
  const sprint = db.select().from(sprints).where(eq(sprints.id, sprintId)).get();
  if (!sprint) throw new DomainError("not_found", "No such sprint.");
  requireProject(db, actor, sprint.projectId, "retro.add");
  const data = parseInput(RetroItemSchema, input);
  if (data.ownerId && !db.select({ u: projectMembers.userId }).from(projectMembers).where(and(eq(projectMembers.projectId, sprint.projectId), eq(projectMembers.userId, data.ownerId))).get()) {
    throw new DomainError("invalid", "The owner must be a member of the project.", { fields: { ownerId: "Choose a member of the project." } });
  }
  return db.transaction((tx) => {
    const item = tx
      .insert(retroItems)
      .values({ projectId: sprint.projectId, sprintId, column: data.column, text: data.text, authorId: actor.id, ownerId: data.column === "action" ? data.ownerId ?? null : null, dueSprintId: data.column === "action" ? data.dueSprintId ?? null : null })
      .returning()
      .get();
    const link = `/sprints/${sprintId}/retro#retro-${item.id}`;
    if (item.ownerId) notify(tx, [item.ownerId], { text: `Retrospective action for you (sprint ${sprint.number}): ${item.text}`, link, projectId: sprint.projectId }, actor.id);
    notifyMentions(tx, sprint.projectId, item.text, { authorName: actor.name, where: `the Sprint ${sprint.number} retrospective`, link }, actor.id);
    return item;
  });
}

export function closeAction(db: Db, actor: User, itemId: number) {
  const item = db.select().from(retroItems).where(eq(retroItems.id, itemId)).get();
  if (!item || item.column !== "action") throw new DomainError("not_found", "No such action.");
  requireProject(db, actor, item.projectId, "retro.add");
  const result = db.update(retroItems).set({ closedById: actor.id, closedAt: new Date().toISOString() }).where(and(eq(retroItems.id, itemId), isNull(retroItems.closedAt))).run();
  if (!result.changes) throw new DomainError("conflict", "This action is already closed.");
}

function itemsQuery(db: Db) {
  const owner = alias(users, "owner");
  return db
    .select({ id: retroItems.id, sprintId: retroItems.sprintId, column: retroItems.column, text: retroItems.text, owner: owner.name, dueSprintId: retroItems.dueSprintId, closedAt: retroItems.closedAt, number: sprints.number })
    .from(retroItems)
    .leftJoin(owner, eq(owner.id, retroItems.ownerId))
    .innerJoin(sprints, eq(sprints.id, retroItems.sprintId));
}

/** Open actions of a project, from any sprint: they carry over until closed. */
export function openActions(db: Db, viewer: User, projectId: number) {
  getProject(db, viewer, projectId);
  return itemsQuery(db)
    .where(and(eq(retroItems.projectId, projectId), eq(retroItems.column, "action"), isNull(retroItems.closedAt)))
    .orderBy(asc(retroItems.id))
    .all();
}

/** A sprint's retrospective: its three columns, plus the open actions carried over from earlier sprints. */
export function retrospective(db: Db, viewer: User, sprintId: number) {
  const sprint = db.select().from(sprints).where(eq(sprints.id, sprintId)).get();
  if (!sprint) throw new DomainError("not_found", "No such sprint.");
  const found = getProject(db, viewer, sprint.projectId);
  const items = itemsQuery(db).where(eq(retroItems.sprintId, sprintId)).orderBy(asc(retroItems.id)).all();
  const carried = itemsQuery(db)
    .where(and(eq(retroItems.projectId, sprint.projectId), eq(retroItems.column, "action"), isNull(retroItems.closedAt), lt(sprints.number, sprint.number)))
    .orderBy(asc(retroItems.id))
    .all();
  return { ...found, sprint, items, carried };
}
