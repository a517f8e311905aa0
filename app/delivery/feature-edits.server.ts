/** Renaming a feature, and moving its stories to another one (before it is deleted). */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.server";
import { features, stories } from "../../db/schema";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { oneLine, parseInput } from "../lib/validation";
import { requireProject, type Project } from "./projects.server";
import { recordEvent } from "./stories.server";

export type Feature = typeof features.$inferSelect;

export const FeatureChangeSchema = z.object({
  name: z.string({ error: "Name the feature." }).overwrite(oneLine).trim().min(2, "Name the feature.").max(120, "Keep the name under 120 characters.").optional(),
  description: z.string({ error: "Describe the feature in words." }).max(5000, "Keep the description under 5,000 characters.").optional(),
});

export function findFeature(db: DbOrTx, featureId: number): Feature {
  const feature = db.select().from(features).where(eq(features.id, featureId)).get();
  if (!feature) throw new DomainError("not_found", "No such feature.");
  return feature;
}

/** Rename a feature or change its description (scrum master and owners). */
export function updateFeature(db: Db, actor: User, featureId: number, input: unknown): Feature {
  const { projectId } = findFeature(db, featureId);
  requireProject(db, actor, projectId, "features.manage");
  const data = parseInput(FeatureChangeSchema, input);
  return db
    .update(features)
    .set({ ...(data.name !== undefined ? { name: data.name } : {}), ...(data.description !== undefined ? { description: data.description } : {}) })
    .where(eq(features.id, featureId))
    .returning()
    .get();
}

/**
 * Move every story of a feature to another feature of the project (or to none), each move a
 * story event like an edit on the story page. Inside the caller's transaction.
 */
export function moveFeatureStories(tx: DbOrTx, actor: User, project: Project, from: Feature, to: number | null): number {
  if (to === from.id) throw new DomainError("invalid", "Choose another feature for its stories.", { fields: { moveStoriesTo: "Choose another feature, or no feature." } });
  if (to !== null && !tx.select({ id: features.id }).from(features).where(and(eq(features.id, to), eq(features.projectId, project.id))).get()) {
    throw new DomainError("invalid", "Choose a feature of this project.", { fields: { moveStoriesTo: "Choose a feature of this project, or no feature." } });
  }
  const moving = tx.select().from(stories).where(eq(stories.featureId, from.id)).all();
  const now = new Date();
  for (const story of moving) recordEvent(tx, story, project.timeZone, actor.id, "feature", from.id, to, now);
  if (moving.length) tx.update(stories).set({ featureId: to }).where(eq(stories.featureId, from.id)).run();
  return moving.length;
}
