/** Changing a member's project role and removing a member (SPEC: the scrum master keeps the members). */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { PROJECT_ROLES, projectMembers, stories, users } from "../../db/schema";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { lastScrumMasterRefusal } from "./edit-rules";
import { checkCoProductOwner, listMembers, requireProject, type Project } from "./projects.server";
import { recordEvent } from "./stories.server";

export const MemberChangeSchema = z.object({
  role: z.enum(PROJECT_ROLES, { error: "Choose a project role." }).optional(),
  side: z.enum(["delivery", "customer"], { error: "Choose the delivery or the customer side." }).optional(),
});

function memberOf(tx: DbOrTx, projectId: number, userId: number) {
  const member = tx
    .select({ userId: projectMembers.userId, role: projectMembers.role, side: projectMembers.side, name: users.name, globalRole: users.role })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .get();
  if (!member) throw new DomainError("not_found", "No such member of this project.");
  return member;
}

function scrumMasters(tx: DbOrTx, projectId: number): number {
  return tx.select({ userId: projectMembers.userId }).from(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "scrum_master"))).all().length;
}

/** The last scrum master stays one (inside the transaction, so two requests cannot both demote). */
function refuseLastScrumMaster(tx: DbOrTx, projectId: number, member: { name: string; role: string }, change: "remove" | { role: string }) {
  const refusal = lastScrumMasterRefusal(member, scrumMasters(tx, projectId), change);
  if (refusal) throw new DomainError("conflict", refusal, change === "remove" ? {} : { fields: { role: refusal } });
}

/** Change a member's project role or side (scrum master, admin); a co-product owner stays customer-side. */
export function changeMember(db: Db, actor: User, projectId: number, userId: number, input: unknown) {
  const { project } = requireProject(db, actor, projectId, "members.manage");
  const data = parseInput(MemberChangeSchema, input);
  return db.transaction((tx) => {
    const member = memberOf(tx, projectId, userId);
    const role = data.role ?? member.role;
    const side = data.side ?? member.side;
    refuseLastScrumMaster(tx, projectId, member, { role });
    if (role === "co_product_owner") checkCoProductOwner(project, member.globalRole, side);
    tx.update(projectMembers).set({ role, side }).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))).run();
    return listMembers(tx, projectId).find((m) => m.userId === userId)!;
  });
}

/**
 * Remove a member (scrum master, admin). What they did stays (their story events, comments,
 * decisions and standups name the user, not the membership); the stories assigned to them in
 * this project become unassigned, each an event in the story's history.
 */
export function removeMember(db: Db, actor: User, projectId: number, userId: number, now = new Date()): { name: string; unassigned: number } {
  const { project } = requireProject(db, actor, projectId, "members.manage");
  return db.transaction((tx) => {
    const member = memberOf(tx, projectId, userId);
    refuseLastScrumMaster(tx, projectId, member, "remove");
    const unassigned = unassignAll(tx, actor, project, userId, now);
    tx.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))).run();
    return { name: member.name, unassigned };
  });
}

function unassignAll(tx: DbOrTx, actor: User, project: Project, userId: number, now: Date): number {
  const assigned = tx.select().from(stories).where(and(eq(stories.projectId, project.id), eq(stories.assigneeId, userId))).all();
  for (const story of assigned) recordEvent(tx, story, project.timeZone, actor.id, "assignee", userId, null, now);
  if (assigned.length) tx.update(stories).set({ assigneeId: null }).where(and(eq(stories.projectId, project.id), eq(stories.assigneeId, userId))).run();
  return assigned.length;
}
