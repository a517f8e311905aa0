/** Everything the story page shows: the story's home (content, place, people, thread and history). */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { blockers, features, sprints, storyEvents, users } from "../../db/schema";
import { projectCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { listMembers, membershipOf } from "./projects.server";
import { listFeatures } from "./stories.server";
import { storyHistory } from "./story-history";
import { storyThread } from "./threads.server";

export function storyPage(db: Db, viewer: User, storyId: number) {
  const thread = storyThread(db, viewer, storyId);
  const { story, project } = thread;
  const role = membershipOf(db, project.id, viewer.id);
  const members = listMembers(db, project.id).map((m) => ({ id: m.userId, name: m.name }));
  const featureList = listFeatures(db, project.id).map((f) => ({ id: f.id, name: f.name }));
  const sprint = story.sprintId ? db.select({ id: sprints.id, number: sprints.number, state: sprints.state }).from(sprints).where(eq(sprints.id, story.sprintId)).get() ?? null : null;
  const events = db
    .select({ kind: storyEvents.kind, from: storyEvents.fromValue, to: storyEvents.toValue, at: storyEvents.at, by: users.name })
    .from(storyEvents)
    .leftJoin(users, eq(users.id, storyEvents.byId))
    .where(eq(storyEvents.storyId, story.id))
    .orderBy(asc(storyEvents.id))
    .all();
  const userIds = [...new Set(events.filter((e) => e.kind === "assignee").flatMap((e) => [e.from, e.to]).filter((v): v is string => v !== null).map(Number))];
  const userNames = new Map(userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)).all().map((u) => [u.id, u.name] as const) : []);
  const sprintIds = [...new Set(events.filter((e) => e.kind === "sprint").flatMap((e) => [e.from, e.to]).filter((v): v is string => v !== null).map(Number))];
  const sprintNumbers = new Map(sprintIds.length ? db.select({ id: sprints.id, number: sprints.number }).from(sprints).where(inArray(sprints.id, sprintIds)).all().map((s) => [s.id, s.number] as const) : []);
  const featureNames = new Map(db.select({ id: features.id, name: features.name }).from(features).where(eq(features.projectId, project.id)).all().map((f) => [f.id, f.name] as const));
  const wontDoBy = story.wontDoById ? db.select({ name: users.name }).from(users).where(eq(users.id, story.wontDoById)).get()?.name ?? null : null;
  const openBlockers = db
    .select({ id: blockers.id, title: blockers.title })
    .from(blockers)
    .where(and(eq(blockers.storyId, story.id), isNull(blockers.resolvedAt)))
    .orderBy(asc(blockers.id))
    .all();
  const may = (action: Parameters<typeof projectCan>[2]) => projectCan(viewer.role, role, action);
  return {
    ...thread,
    sprint,
    assignee: story.assigneeId ? members.find((m) => m.id === story.assigneeId) ?? null : null,
    wontDo: story.wontDoAt ? { reason: story.wontDoReason ?? "", by: wontDoBy, at: story.wontDoAt } : null,
    blockers: openBlockers,
    members,
    features: featureList,
    feature: story.featureId ? featureList.find((f) => f.id === story.featureId) ?? null : null,
    history: storyHistory(events, {
      user: (id) => userNames.get(id) ?? null,
      feature: (id) => featureNames.get(id) ?? null,
      sprint: (id) => sprintNumbers.get(id) ?? null,
    }),
    can: { ...thread.can, manage: may("stories.manage"), order: may("backlog.order") },
  };
}
