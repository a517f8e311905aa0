/** Changing or deleting a go-live made by mistake (SPEC A8): every change is in its change log. */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { features, goLiveChanges, goLives, sprints } from "../../db/schema";
import type { User } from "../auth/users.server";
import { type Confirmation, requireConfirmation } from "../lib/confirm";
import { DomainError } from "../lib/errors";
import { IsoDateSchema, idSchema, oneLine, parseInput, webLinkSchema } from "../lib/validation";
import { doneGoLiveRefusal, goLiveDeleteConsequence, goLiveDeleteRefusal, hypercareAfterMove, hypercareRefusal } from "./edit-rules";
import { requireProject } from "./projects.server";
import { findGoLive, moveFeatures, refuseEarlyCutover, type GoLive } from "./release.server";
import { projectHolidays } from "./sprints.server";
import { sprintWorkingDays } from "./sprints";

export const GoLiveChangeSchema = z.object({
  name: z.string({ error: "Name the go-live." }).overwrite(oneLine).trim().min(2, "Name the go-live.").max(120, "Keep the name under 120 characters.").optional(),
  sprintId: idSchema("Choose the sprint it ships in.").optional(),
  featureIds: z.array(idSchema("Choose features by their ids."), { error: "Features are a list of ids." }).min(1, "Choose at least one feature for its scope.").max(200).optional(),
  cutoverOn: IsoDateSchema.optional(),
  hypercareEndsOn: IsoDateSchema.optional(),
  /** null takes the link away (before the go-live is done). */
  releaseNoteUrl: webLinkSchema("Give the release-note link (http or https).").nullable().optional(),
  /** Why: needed when the date moves (SPEC A8 logs every date change with why), kept with any other change. */
  reason: z.string({ error: "Say why it changes." }).overwrite(oneLine).trim().max(1000, "Keep the reason under 1,000 characters.").optional(),
});

const sameSet = (a: number[], b: number[]) => a.length === new Set(b).size && b.every((id) => a.includes(id));

/**
 * Change a go-live (scrum master and owners): name, sprint, scope, cutover, hypercare end and
 * release-note link. The rules of planning hold on edit too (a scope of at least one feature, a
 * cutover not before its sprint starts) and hypercare ends on the cutover or later. A done
 * go-live keeps what shipped; its name and hypercare may still change.
 */
export function updateGoLive(db: Db, actor: User, goLiveId: number, input: unknown, now = new Date()): GoLive {
  const { projectId } = findGoLive(db, goLiveId);
  const { project } = requireProject(db, actor, projectId, "goLives.manage");
  const data = parseInput(GoLiveChangeSchema, input);
  return db.transaction((tx) => {
    const current = findGoLive(tx, goLiveId);
    const scope = tx.select({ id: features.id, name: features.name }).from(features).where(eq(features.goLiveId, goLiveId)).all();
    const sprintNow = tx.select().from(sprints).where(eq(sprints.id, current.sprintId)).get()!;
    const sprint = data.sprintId === undefined || data.sprintId === current.sprintId ? sprintNow : tx.select().from(sprints).where(eq(sprints.id, data.sprintId)).get();
    if (!sprint || sprint.projectId !== projectId) throw new DomainError("invalid", "Choose a sprint of this project.", { fields: { sprintId: "Choose a sprint of this project." } });
    // A go-live moved to another sprint ships on that sprint's last working day unless told otherwise.
    const cutoverOn = data.cutoverOn ?? (sprint.id !== sprintNow.id ? sprintWorkingDays(sprint, projectHolidays(tx, project)).at(-1) ?? sprint.end : current.cutoverOn);
    const releaseNoteUrl = data.releaseNoteUrl === undefined ? current.releaseNoteUrl : data.releaseNoteUrl;
    const changed = {
      name: data.name !== undefined && data.name !== current.name,
      sprint: sprint.id !== sprintNow.id,
      scope: data.featureIds !== undefined && !sameSet(scope.map((f) => f.id), data.featureIds),
      cutover: cutoverOn !== current.cutoverOn,
      releaseNote: releaseNoteUrl !== current.releaseNoteUrl,
    };
    if (current.doneAt) {
      const refusal = doneGoLiveRefusal(current.name, changed);
      if (refusal) throw new DomainError("conflict", refusal);
    }
    if (changed.sprint || changed.cutover) {
      refuseEarlyCutover(cutoverOn, sprint);
      if ((data.reason ?? "").length < 3) throw new DomainError("invalid", "Say why the date moves.", { fields: { reason: "Say why the date moves." } });
    }
    const hypercareEnd = data.hypercareEndsOn ?? (changed.cutover ? hypercareAfterMove(current, cutoverOn) : current.hypercareEnd);
    const late = hypercareRefusal(cutoverOn, hypercareEnd);
    if (late) throw new DomainError("invalid", late, { fields: { hypercareEndsOn: late } });

    const reason = data.reason ?? "";
    const log = (kind: (typeof goLiveChanges.$inferInsert)["kind"], from: string | null, to: string | null) => tx.insert(goLiveChanges).values({ goLiveId, byId: actor.id, kind, fromValue: from, toValue: to, reason, at: now.toISOString() }).run();
    const name = data.name ?? current.name;
    if (changed.name) log("name", current.name, name);
    if (changed.sprint) log("sprint", String(sprintNow.number), String(sprint.number));
    if (changed.cutover) log("date", current.cutoverOn, cutoverOn);
    if (hypercareEnd !== current.hypercareEnd) log("hypercare", current.hypercareEnd, hypercareEnd);
    if (changed.releaseNote) log("release_note", current.releaseNoteUrl, releaseNoteUrl);
    if (changed.scope) {
      const keep = data.featureIds!;
      for (const f of scope.filter((f) => !keep.includes(f.id))) {
        log("feature_out", f.name, null);
        tx.update(features).set({ goLiveId: null }).where(eq(features.id, f.id)).run();
      }
      moveFeatures(tx, actor, projectId, goLiveId, keep, reason || "Scope edited");
    }
    tx.update(goLives)
      .set({
        name,
        sprintId: sprint.id,
        cutoverOn,
        hypercareEnd,
        releaseNoteUrl,
        // The cutover's calendar entry shows the date and the name: subscribed calendars take a new version.
        ...(changed.cutover || changed.name ? { calendarSequence: current.calendarSequence + 1, calendarChangedAt: now.toISOString() } : {}),
      })
      .where(eq(goLives.id, goLiveId))
      .run();
    return findGoLive(tx, goLiveId);
  });
}

/**
 * Delete a go-live made by mistake (scrum master and owners): only while not done and with no
 * go / no-go recorded. Its features go back to the unplanned ones; its change log goes with it.
 */
export function deleteGoLive(db: Db, actor: User, goLiveId: number, { confirmation }: { confirmation?: Confirmation } = {}): { name: string; projectId: number } {
  const { projectId } = findGoLive(db, goLiveId);
  requireProject(db, actor, projectId, "goLives.manage");
  return db.transaction((tx) => {
    const current = findGoLive(tx, goLiveId);
    const refusal = goLiveDeleteRefusal(current);
    if (refusal) throw new DomainError("conflict", refusal);
    const scope = tx.select({ id: features.id }).from(features).where(eq(features.goLiveId, goLiveId)).all();
    requireConfirmation(confirmation, `Deleting ${current.name}`, goLiveDeleteConsequence(current.name, scope.length));
    tx.update(features).set({ goLiveId: null }).where(eq(features.goLiveId, goLiveId)).run();
    tx.delete(goLiveChanges).where(eq(goLiveChanges.goLiveId, goLiveId)).run();
    tx.delete(goLives).where(eq(goLives.id, goLiveId)).run();
    return { name: current.name, projectId };
  });
}
