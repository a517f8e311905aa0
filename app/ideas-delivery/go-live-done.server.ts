import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { goLives } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import type { User } from "../auth/users.server";
import { requireProject } from "../delivery/projects.server";
import type { GoLive } from "../delivery/release.server";
import { DomainError } from "../lib/errors";
import { parseInput, webLinkSchema } from "../lib/validation";
import { requireConfirmation, type Confirmation } from "../lib/confirm";
import { goLiveDoneConsequence } from "./links";
import { deliverLinkedIdeas } from "./links.server";

/**
 * Mark a go-live done (it may happen earlier than planned), with its release-note link. Linked
 * ideas whose last feature shipped become Delivered in this same transaction (SPEC B10), which is
 * why this use case lives above both Delivery and the Ideas Lab. A page passes its
 * `confirmation`: the ideas are delivered inside the transaction and, unless the person confirmed
 * exactly those, the transaction is rolled back and the page asks with their keys.
 */
export const GoLiveDoneSchema = z.object({ releaseNoteUrl: webLinkSchema("Give the release-note link (http or https).") });

export function markGoLiveDone(db: Db, actor: User, goLiveId: number, input: unknown, confirmation?: Confirmation): GoLive & { deliveredIdeas: string[] } {
  const goLive = db.select().from(goLives).where(eq(goLives.id, goLiveId)).get();
  if (!goLive) throw new DomainError("not_found", "No such go-live.");
  requireProject(db, actor, goLive.projectId, "goLives.manage");
  const { releaseNoteUrl } = parseInput(GoLiveDoneSchema, input);
  return db.transaction((tx) => {
    const result = tx.update(goLives).set({ doneAt: new Date().toISOString(), releaseNoteUrl }).where(and(eq(goLives.id, goLiveId), isNull(goLives.doneAt))).run();
    if (result.changes === 0) throw new DomainError("conflict", "This go-live is already done.");
    const done = tx.select().from(goLives).where(eq(goLives.id, goLiveId)).get()!;
    const delivered = deliverLinkedIdeas(tx, done, actor);
    requireConfirmation(confirmation, `Marking go-live “${done.name}” done`, goLiveDoneConsequence(delivered));
    recordAudit(tx, actor.id, "goLive.done", `go-live:${goLiveId}`, { name: done.name, releaseNoteUrl, deliveredIdeas: delivered });
    return { ...done, deliveredIdeas: delivered };
  });
}
