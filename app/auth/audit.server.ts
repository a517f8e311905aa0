import { auditLog } from "../../db/schema";
import type { DbOrTx } from "../../db/client.server";

export type AuditKind =
  | "user.created"
  | "user.role_changed"
  | "user.deactivated"
  | "user.reactivated"
  | "holiday.added"
  | "holiday.removed"
  | "votes.granted"
  | "idea.status_changed"
  | "idea.edited"
  | "comment.hidden"
  | "portal.updated"
  | "portal.created"
  | "category.saved"
  | "access.approved"
  | "access.rejected"
  | "goLive.done"
  | "link.created"
  | "link.removed";

/** Append one row to the audit log; call it inside the transaction of the change it records. */
export function recordAudit(
  db: DbOrTx,
  actorId: number | null,
  kind: AuditKind,
  subject: string,
  detail: Record<string, unknown> = {},
) {
  db.insert(auditLog).values({ actorId, kind, subject, detail }).run();
}
