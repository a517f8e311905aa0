/** Changing a member's project role and removing a member (SPEC: the scrum master keeps the members). */
import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { PROJECT_ROLES, blockers, daysOff, projectMembers, retroItems, sprints, stories, users } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import type { User } from "../auth/users.server";
import { todayIn } from "../lib/app-time";
import { type Confirmation, requireConfirmation } from "../lib/confirm";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { lastScrumMasterRefusal, memberRemovalConsequence } from "./edit-rules";
import { checkCoProductOwner, listMembers, requireProject } from "./projects.server";
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

/** What a removal answers: who left and what was handed back (the API's body, the page's flash). */
export type MemberRemoved = { name: string } & { unassigned: number; blockers: number; retroActions: number; daysOff: number };

/**
 * Remove a member (scrum master, admin). What they did stays (their story events, comments,
 * decisions, standups, raised and resolved blockers name the user, not the membership); what
 * they still held in this project is handed back in the same transaction:
 * - the stories assigned to them become unassigned, each an event in the story's history;
 * - the open blockers they own lose their owner, and stay open in the blockers list ("No owner")
 *   for the scrum master to give to someone — not handed to the scrum master, since a
 *   customer-side blocker is not theirs to act on and an owner nobody chose hides it;
 * - the open retrospective actions they own lose their owner and keep carrying over;
 * - their days off from today on (the project's time zone) go, except those in a closed sprint:
 *   past days and closed sprints are history.
 * The page confirms the sentence with these numbers (decision 0010); the API does not.
 */
export function removeMember(
  db: Db,
  actor: User,
  projectId: number,
  userId: number,
  { now = new Date(), confirmation }: { now?: Date; confirmation?: Confirmation } = {},
): MemberRemoved {
  const { project } = requireProject(db, actor, projectId, "members.manage");
  return db.transaction((tx) => {
    const member = memberOf(tx, projectId, userId);
    refuseLastScrumMaster(tx, projectId, member, "remove");
    const ownedBlockers = and(eq(blockers.projectId, projectId), eq(blockers.ownerId, userId), isNull(blockers.resolvedAt));
    const ownedActions = and(eq(retroItems.projectId, projectId), eq(retroItems.column, "action"), eq(retroItems.ownerId, userId), isNull(retroItems.closedAt));
    const assigned = tx.select().from(stories).where(and(eq(stories.projectId, projectId), eq(stories.assigneeId, userId))).all();
    const blockerIds = tx.select({ id: blockers.id }).from(blockers).where(ownedBlockers).all().map((b) => b.id);
    const actionIds = tx.select({ id: retroItems.id }).from(retroItems).where(ownedActions).all().map((a) => a.id);
    const days = futureDaysOff(tx, projectId, userId, todayIn(project.timeZone, now));
    const removal = { stories: assigned.length, blockers: blockerIds.length, retroActions: actionIds.length, daysOff: days.length };
    requireConfirmation(confirmation, `Removing ${member.name} from ${project.name}`, memberRemovalConsequence(member.name, project.name, removal));
    for (const story of assigned) recordEvent(tx, story, project.timeZone, actor.id, "assignee", userId, null, now);
    if (assigned.length) tx.update(stories).set({ assigneeId: null }).where(and(eq(stories.projectId, projectId), eq(stories.assigneeId, userId))).run();
    if (blockerIds.length) tx.update(blockers).set({ ownerId: null }).where(ownedBlockers).run();
    if (actionIds.length) tx.update(retroItems).set({ ownerId: null }).where(ownedActions).run();
    if (days.length) tx.delete(daysOff).where(and(eq(daysOff.projectId, projectId), eq(daysOff.userId, userId), inArray(daysOff.date, days))).run();
    tx.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))).run();
    recordAudit(tx, actor.id, "member.removed", `project:${projectId}`, { userId, name: member.name, role: member.role, ...removal, blockerIds, retroActionIds: actionIds, daysOffDates: days });
    return { name: member.name, unassigned: removal.stories, blockers: removal.blockers, retroActions: removal.retroActions, daysOff: removal.daysOff };
  });
}

/** A member's days off from `today` on, leaving those inside a closed sprint (history). */
function futureDaysOff(tx: DbOrTx, projectId: number, userId: number, today: string): string[] {
  const closed = tx.select({ start: sprints.start, end: sprints.end }).from(sprints).where(and(eq(sprints.projectId, projectId), eq(sprints.state, "closed"))).all();
  return tx
    .select({ date: daysOff.date })
    .from(daysOff)
    .where(and(eq(daysOff.projectId, projectId), eq(daysOff.userId, userId), gte(daysOff.date, today)))
    .orderBy(asc(daysOff.date))
    .all()
    .map((d) => d.date)
    .filter((date) => !closed.some((s) => s.start <= date && date <= s.end));
}
