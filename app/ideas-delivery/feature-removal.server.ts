import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { features, goLiveChanges, goLives, ideaFeatureLinks, ideas, stories } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import type { User } from "../auth/users.server";
import { featureDeleteRefusal } from "../delivery/edit-rules";
import { findFeature, moveFeatureStories } from "../delivery/feature-edits.server";
import { requireProject } from "../delivery/projects.server";
import { type Confirmation, count, requireConfirmation } from "../lib/confirm";
import { DomainError } from "../lib/errors";

/**
 * Delete a feature made by mistake (scrum master and owners). A feature that still has stories
 * is refused with how many, unless the page says where they go (`moveStoriesTo`: another
 * feature, or null for none) — then they move first, in the same transaction. A feature that
 * shipped with a done go-live stays. Ideas linked to it lose that link (audited); it lives
 * above Delivery and the Ideas Lab for that reason, like marking a go-live done.
 */
export function deleteFeature(
  db: Db,
  actor: User,
  featureId: number,
  { moveStoriesTo, confirmation }: { moveStoriesTo?: number | null; confirmation?: Confirmation } = {},
): { name: string; projectId: number } {
  const { projectId } = findFeature(db, featureId);
  const { project } = requireProject(db, actor, projectId, "features.manage");
  return db.transaction((tx) => {
    const feature = findFeature(tx, featureId);
    const goLive = feature.goLiveId ? tx.select().from(goLives).where(eq(goLives.id, feature.goLiveId)).get() : undefined;
    if (goLive?.doneAt) throw new DomainError("conflict", `${feature.name} shipped with ${goLive.name}, so it stays in the history.`);
    const storyCount = tx.select({ id: stories.id }).from(stories).where(eq(stories.featureId, featureId)).all().length;
    if (moveStoriesTo === undefined) {
      const refusal = featureDeleteRefusal(feature.name, storyCount);
      if (refusal) throw new DomainError("conflict", refusal);
    }
    const target = moveStoriesTo ? tx.select({ name: features.name }).from(features).where(eq(features.id, moveStoriesTo)).get()?.name : null;
    const linked = tx.select({ key: ideas.key }).from(ideaFeatureLinks).innerJoin(ideas, eq(ideas.id, ideaFeatureLinks.ideaId)).where(eq(ideaFeatureLinks.featureId, featureId)).all().map((i) => i.key);
    const moved = moveStoriesTo === undefined ? 0 : moveFeatureStories(tx, actor, project, feature, moveStoriesTo);
    requireConfirmation(
      confirmation,
      `Deleting ${feature.name}`,
      [
        `${feature.name} is deleted`,
        moved ? `; its ${count(moved, "story", "stories")} move${moved === 1 ? "s" : ""} to ${target ?? "no feature"}` : "",
        goLive ? `; it leaves ${goLive.name}'s scope` : "",
        linked.length ? `; ${linked.join(", ")} ${linked.length === 1 ? "is" : "are"} no longer linked to it` : "",
        ".",
      ].join(""),
    );
    if (goLive) tx.insert(goLiveChanges).values({ goLiveId: goLive.id, byId: actor.id, kind: "feature_out", fromValue: feature.name, toValue: null, reason: "Feature deleted" }).run();
    if (linked.length) {
      tx.delete(ideaFeatureLinks).where(eq(ideaFeatureLinks.featureId, featureId)).run();
      for (const key of linked) recordAudit(tx, actor.id, "link.removed", `idea:${key}`, { featureId, feature: feature.name, reason: "feature deleted" });
    }
    tx.delete(features).where(eq(features.id, featureId)).run();
    return { name: feature.name, projectId };
  });
}
