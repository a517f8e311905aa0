import { describe, expect, it } from "vitest";
import {
  GLOBAL_ACTIONS,
  PROJECT_ACTIONS,
  PROJECT_ROLES,
  globalCan,
  projectCan,
  type GlobalAction,
  type ProjectAction,
  type ProjectRole,
} from "~/auth/permissions";
import { ROLES, type Role } from "../../db/schema/auth";

/** The expected matrix, written out from SPEC's role table rather than derived from the code. */
const expectedGlobal: Record<Role, GlobalAction[]> = {
  admin: [...GLOBAL_ACTIONS],
  pm: [
    "ideas.submit",
    "ideas.comment",
    "ideas.follow",
    "ideas.move",
    "ideas.officialUpdate",
    "ideas.hideComment",
    "ideas.slaBoard",
  ],
  staff: ["ideas.submit", "ideas.vote", "ideas.comment", "ideas.follow", "portfolio.read", "projects.create"],
  customer: ["ideas.submit", "ideas.vote", "ideas.comment", "ideas.follow"],
  partner: ["ideas.submit", "ideas.vote", "ideas.comment", "ideas.follow"],
};

describe("globalCan", () => {
  for (const role of ROLES) {
    it(`${role}: allows exactly its actions`, () => {
      for (const action of GLOBAL_ACTIONS) {
        expect(globalCan(role, action), `${role} ${action}`).toBe(expectedGlobal[role].includes(action));
      }
    });
  }

  it("only admins administer users, holidays, portals and grants", () => {
    const adminOnly: GlobalAction[] = ["admin.users", "admin.holidays", "admin.portals", "admin.voteGrants"];
    for (const role of ROLES) {
      for (const action of adminOnly) expect(globalCan(role, action)).toBe(role === "admin");
    }
  });
});

const team: ProjectAction[] = [
  "project.read",
  "project.comment",
  "stories.create",
  "stories.editContent",
  "stories.moveStatus",
  "blockers.manage",
  "standups.post",
  "docs.edit",
  "retro.add",
  "customerTest.record",
];
const owners: ProjectAction[] = [...team, "backlog.order", "features.manage", "stories.manage", "goLives.manage"];

const expectedProject: Record<ProjectRole, ProjectAction[]> = {
  scrum_master: PROJECT_ACTIONS.filter((a) => a !== "demo.decide" && a !== "goLives.decide"),
  product_owner: owners,
  co_product_owner: [...owners, "demo.decide", "goLives.decide"],
  team,
  viewer: ["project.read", "project.comment"],
};

describe("projectCan", () => {
  for (const projectRole of PROJECT_ROLES) {
    for (const globalRole of ["customer", "staff", "pm"] as Role[]) {
      it(`${projectRole} (${globalRole}): allows exactly its actions`, () => {
        for (const action of PROJECT_ACTIONS) {
          const expected =
            expectedProject[projectRole].includes(action) || (globalRole === "staff" && action === "project.read");
          expect(projectCan(globalRole, projectRole, action), `${projectRole} ${action}`).toBe(expected);
        }
      });
    }
  }

  it("a non-member reads a project only as staff or admin", () => {
    for (const role of ROLES) {
      expect(projectCan(role, null, "project.read")).toBe(role === "staff" || role === "admin");
      expect(projectCan(role, null, "stories.create")).toBe(role === "admin");
    }
  });

  it("only co-product owners decide at the demo; the scrum master records on their behalf", () => {
    expect(projectCan("customer", "co_product_owner", "demo.decide")).toBe(true);
    expect(projectCan("staff", "scrum_master", "demo.decide")).toBe(false);
    expect(projectCan("staff", "scrum_master", "demo.decideOnBehalf")).toBe(true);
    expect(projectCan("staff", "product_owner", "demo.decide")).toBe(false);
  });
});
