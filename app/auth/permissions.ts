import type { Role } from "../../db/schema/auth";
import { PROJECT_ROLES } from "../../db/schema/enums";

/**
 * SPEC's role table as data. Every loader and action asks `can…` here; nothing else in the
 * code decides who may do what.
 */

export const GLOBAL_ACTIONS = [
  "ideas.submit",
  "ideas.vote",
  "ideas.comment",
  "ideas.follow",
  "ideas.move",
  "ideas.officialUpdate",
  "ideas.hideComment",
  "ideas.slaBoard",
  "portfolio.read",
  "projects.create",
  "admin.users",
  "admin.accessRequests",
  "admin.portals",
  "admin.voteGrants",
  "admin.holidays",
  "admin.audit",
] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

const IDEAS_PARTICIPATION: GlobalAction[] = ["ideas.submit", "ideas.vote", "ideas.comment", "ideas.follow"];

const GLOBAL: Record<Role, ReadonlySet<GlobalAction>> = {
  admin: new Set(GLOBAL_ACTIONS),
  // A PM answers ideas rather than voting on them: they comment, follow and move, but cast no vote.
  pm: new Set<GlobalAction>([
    "ideas.submit",
    "ideas.comment",
    "ideas.follow",
    "ideas.move",
    "ideas.officialUpdate",
    "ideas.hideComment",
    "ideas.slaBoard",
  ]),
  staff: new Set<GlobalAction>([...IDEAS_PARTICIPATION, "portfolio.read", "projects.create"]),
  customer: new Set<GlobalAction>(IDEAS_PARTICIPATION),
  partner: new Set<GlobalAction>(IDEAS_PARTICIPATION),
};

export function globalCan(role: Role, action: GlobalAction): boolean {
  return GLOBAL[role].has(action);
}

export { PROJECT_ROLES };
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const PROJECT_ACTIONS = [
  "project.read",
  "project.comment",
  "project.manage",
  "members.manage",
  "sprints.manage",
  "ceremonies.manage",
  "releasePlan.manage",
  "backlog.order",
  "features.manage",
  "stories.manage",
  "goLives.manage",
  "stories.create",
  "stories.editContent",
  "stories.moveStatus",
  "demo.decide",
  "demo.decideOnBehalf",
  "goLives.decide",
  "customerTest.record",
  "blockers.manage",
  "standups.post",
  "docs.edit",
  "retro.add",
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

const READ: ProjectAction[] = ["project.read", "project.comment"];
const TEAM_WORK: ProjectAction[] = [
  ...READ,
  "stories.create",
  "stories.editContent",
  "stories.moveStatus",
  "blockers.manage",
  "standups.post",
  "docs.edit",
  "retro.add",
  "customerTest.record",
];
const OWNERSHIP: ProjectAction[] = [
  "backlog.order",
  "features.manage",
  "stories.manage",
  "goLives.manage",
];

const PROJECT: Record<ProjectRole, ReadonlySet<ProjectAction>> = {
  // "Everything in the project", but a decision of their own at the demo or go / no-go: the
  // scrum master records those on behalf of a named co-product owner.
  scrum_master: new Set(PROJECT_ACTIONS.filter((a) => a !== "demo.decide" && a !== "goLives.decide")),
  product_owner: new Set([...TEAM_WORK, ...OWNERSHIP]),
  co_product_owner: new Set([...TEAM_WORK, ...OWNERSHIP, "demo.decide", "goLives.decide"]),
  team: new Set(TEAM_WORK),
  viewer: new Set(READ),
};

/**
 * May a user act in a project? `projectRole` is their membership (null when not a member).
 * Admins may do everything; staff read every project (the portfolio) besides their own roles.
 */
export function projectCan(globalRole: Role, projectRole: ProjectRole | null, action: ProjectAction): boolean {
  if (globalRole === "admin") return true;
  if (projectRole && PROJECT[projectRole].has(action)) return true;
  return action === "project.read" && globalRole === "staff";
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  pm: "Product manager",
  staff: "Staff",
  customer: "Customer",
  partner: "Partner",
};
