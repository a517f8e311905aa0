import { asc, eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { checklistTemplateItems, transitionItems, users } from "../../db/schema";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { getProject, requireProject } from "./projects.server";

const ItemText = z.string({ error: "Describe the item." }).trim().min(3, "Describe the item.").max(300);

export function listTemplate(db: DbOrTx) {
  return db.select().from(checklistTemplateItems).orderBy(asc(checklistTemplateItems.position)).all();
}

export function addTemplateItem(db: Db, admin: User, input: unknown) {
  if (!globalCan(admin.role, "admin.portals")) throw new DomainError("forbidden", "Only admins keep the checklist template.");
  const { text } = parseInput(z.object({ text: ItemText }), input);
  const last = db.select({ p: max(checklistTemplateItems.position) }).from(checklistTemplateItems).get()?.p ?? 0;
  db.insert(checklistTemplateItems).values({ text, position: last + 1 }).run();
}

export function removeTemplateItem(db: Db, admin: User, id: number) {
  if (!globalCan(admin.role, "admin.portals")) throw new DomainError("forbidden", "Only admins keep the checklist template.");
  const result = db.delete(checklistTemplateItems).where(eq(checklistTemplateItems.id, id)).run();
  if (!result.changes) throw new DomainError("not_found", "No such template item.");
}

/** Copy the admin template into a new project's checklist (called when the project is created). */
export function copyTemplate(tx: DbOrTx, projectId: number) {
  for (const item of listTemplate(tx)) tx.insert(transitionItems).values({ projectId, text: item.text, position: item.position }).run();
}

export function listTransition(db: Db, viewer: User, projectId: number) {
  getProject(db, viewer, projectId);
  return db
    .select({ id: transitionItems.id, text: transitionItems.text, state: transitionItems.state, reason: transitionItems.reason, at: transitionItems.at, by: users.name })
    .from(transitionItems)
    .leftJoin(users, eq(users.id, transitionItems.byId))
    .where(eq(transitionItems.projectId, projectId))
    .orderBy(asc(transitionItems.position), asc(transitionItems.id))
    .all();
}

export function addTransitionItem(db: Db, actor: User, projectId: number, input: unknown) {
  requireProject(db, actor, projectId, "releasePlan.manage");
  const { text } = parseInput(z.object({ text: ItemText }), input);
  const last = db.select({ p: max(transitionItems.position) }).from(transitionItems).where(eq(transitionItems.projectId, projectId)).get()?.p ?? 0;
  db.insert(transitionItems).values({ projectId, text, position: last + 1 }).run();
}

/** Mark an item done, not applicable (a reason is required) or open again; who and when are kept. */
export function setTransitionItem(db: Db, actor: User, itemId: number, input: unknown) {
  const item = db.select().from(transitionItems).where(eq(transitionItems.id, itemId)).get();
  if (!item) throw new DomainError("not_found", "No such checklist item.");
  requireProject(db, actor, item.projectId, "releasePlan.manage");
  const data = parseInput(
    z
      .object({ state: z.enum(["open", "done", "not_applicable"], { error: "Choose done, not applicable or open." }), reason: z.string().trim().max(500).optional() })
      .refine((v) => v.state !== "not_applicable" || (v.reason ?? "").length >= 3, { message: "Say why it does not apply.", path: ["reason"] }),
    input,
  );
  const open = data.state === "open";
  db.update(transitionItems)
    .set({ state: data.state, reason: data.state === "not_applicable" ? data.reason! : null, byId: open ? null : actor.id, at: open ? null : new Date().toISOString() })
    .where(eq(transitionItems.id, itemId))
    .run();
}
