import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog, users } from "../../db/schema";
import type { Db, DbOrTx } from "../../db/client.server";
import { IsoDateSchema, parseInput } from "../lib/validation";

export type AuditKind =
  | "user.created"
  | "user.role_changed"
  | "user.company_changed"
  | "user.reset_link_issued"
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
  | "link.removed"
  | "member.removed";

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

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  "user.created": "User added",
  "user.role_changed": "Role changed",
  "user.company_changed": "Company changed",
  "user.reset_link_issued": "Reset link issued by an admin",
  "user.deactivated": "User deactivated",
  "user.reactivated": "User reactivated",
  "holiday.added": "Holiday added",
  "holiday.removed": "Holiday removed",
  "votes.granted": "Votes granted",
  "idea.status_changed": "Idea status moved",
  "idea.edited": "Idea edited by a PM",
  "comment.hidden": "Comment hidden",
  "portal.updated": "Portal changed",
  "portal.created": "Portal created",
  "category.saved": "Category saved",
  "access.approved": "Access request approved",
  "access.rejected": "Access request rejected",
  "goLive.done": "Go-live marked done",
  "link.created": "Idea linked to a feature",
  "link.removed": "Idea link removed",
  "member.removed": "Member removed from a project",
};

export const AuditFilterSchema = z.object({
  actor: z.coerce.number().int().positive().optional().or(z.literal("").transform(() => undefined)),
  kind: z.enum(Object.keys(AUDIT_KIND_LABELS) as [AuditKind, ...AuditKind[]], { error: "Unknown kind." }).optional().or(z.literal("").transform(() => undefined)),
  from: IsoDateSchema.optional().or(z.literal("").transform(() => undefined)),
  to: IsoDateSchema.optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number({ error: "Page is a number." }).int().min(1).max(100_000).default(1),
});

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log (Part C), newest first, filtered by actor, kind and a date range (UTC days),
 * 50 a page; with the actors who appear in it, for the filter.
 */
export function listAudit(db: Db, input: unknown) {
  const f = parseInput(AuditFilterSchema, input);
  const conditions: SQL[] = [];
  if (f.actor) conditions.push(eq(auditLog.actorId, f.actor));
  if (f.kind) conditions.push(eq(auditLog.kind, f.kind));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lt(auditLog.at, `${f.to}T99`));
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db
    .select({ id: auditLog.id, actor: users.name, actorEmail: users.email, kind: auditLog.kind, subject: auditLog.subject, detail: auditLog.detail, at: auditLog.at })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const actors = db
    .selectDistinct({ id: users.id, name: users.name })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(asc(users.name))
    .all();
  return { rows, total, page: f.page, pageSize: AUDIT_PAGE_SIZE, actors, filters: f };
}
