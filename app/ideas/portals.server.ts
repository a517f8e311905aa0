import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { categories, ideas, portals, users } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { globalCan } from "../auth/permissions";
import type { User } from "../auth/users.server";
import { DomainError } from "../lib/errors";
import { givenFields, parseInput } from "../lib/validation";
import { applyThreshold } from "./transitions.server";

export type PortalWithCategories = {
  id: number;
  slug: string;
  name: string;
  voteThreshold: number;
  categories: { id: number; key: string; name: string; pmId: number | null; pmName: string | null }[];
};

/**
 * Every portal, or the ones a viewer may see: a portal without categories takes no ideas, so it
 * is hidden from everyone but the admins who add them.
 */
export function listPortals(db: Db, viewer?: Pick<User, "role">): PortalWithCategories[] {
  const rows = db.select().from(portals).orderBy(asc(portals.name)).all();
  const cats = db
    .select({ id: categories.id, portalId: categories.portalId, key: categories.keyPrefix, name: categories.name, pmId: categories.pmId, pmName: users.name })
    .from(categories)
    .leftJoin(users, eq(users.id, categories.pmId))
    .orderBy(asc(categories.name))
    .all();
  const all = rows.map((p) => ({
    id: p.id,
    slug: p.slug,
    name: p.name,
    voteThreshold: p.voteThreshold,
    categories: cats.filter((c) => c.portalId === p.id).map(({ portalId: _p, ...c }) => c),
  }));
  return !viewer || globalCan(viewer.role, "admin.portals") ? all : all.filter((p) => p.categories.length > 0);
}

export function getPortal(db: Db, slug: string, viewer?: Pick<User, "role">): PortalWithCategories {
  const portal = listPortals(db, viewer).find((p) => p.slug === slug);
  if (!portal) throw new DomainError("not_found", `No portal ${slug}.`);
  return portal;
}

/** The API's view of a portal. */
export function portalJson(p: PortalWithCategories) {
  return { slug: p.slug, name: p.name, voteThreshold: p.voteThreshold, categories: p.categories.map((c) => ({ key: c.key, name: c.name })) };
}

/** Counts per status for each portal, for the portal cards. */
export function portalCounts(db: Db): Record<number, { total: number; open: number }> {
  const rows = db
    .select({
      portalId: ideas.portalId,
      total: sql<number>`count(*)`,
      open: sql<number>`sum(case when ${ideas.status} in ('delivered','not_planned','merged') then 0 else 1 end)`,
    })
    .from(ideas)
    .groupBy(ideas.portalId)
    .all();
  return Object.fromEntries(rows.map((r) => [r.portalId, { total: r.total, open: r.open ?? 0 }]));
}

const ThresholdSchema = z.number({ error: "Give a whole number of votes." }).int("Give a whole number of votes.").min(1, "The threshold is at least 1 vote.").max(10_000, "Keep the threshold under 10,000.");

export const PortalChangeSchema = z.object({
  name: z.string({ error: "Give a name." }).trim().min(2, "Give a name.").max(80, "Keep the name under 80 characters.").optional(),
  voteThreshold: ThresholdSchema.optional(),
});

export const NewPortalSchema = z.object({
  name: z.string({ error: "Give a name." }).trim().min(2, "Give a name.").max(80, "Keep the name under 80 characters."),
  slug: z
    .string({ error: "Give a slug." })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "Use 2–40 lowercase letters, digits and hyphens."),
  voteThreshold: ThresholdSchema.default(20),
});

function requireAdmin(actor: User) {
  if (!globalCan(actor.role, "admin.portals")) throw new DomainError("forbidden", "Only admins manage portals.");
}

export function createPortal(db: Db, actor: User, input: unknown): PortalWithCategories {
  requireAdmin(actor);
  const data = parseInput(NewPortalSchema, input);
  db.transaction((tx) => {
    if (tx.select({ id: portals.id }).from(portals).where(eq(portals.slug, data.slug)).get()) {
      throw new DomainError("conflict", "That slug is taken.", { fields: { slug: "That slug is taken." } });
    }
    tx.insert(portals).values(data).run();
    recordAudit(tx, actor.id, "portal.created", `portal:${data.slug}`, data);
  });
  return getPortal(db, data.slug);
}

/**
 * Rename a portal or change its threshold. A lower threshold moves every Community Review idea
 * that now reaches it to Under PM Review, in the same transaction.
 */
export function updatePortal(db: Db, actor: User, slug: string, input: unknown): PortalWithCategories {
  requireAdmin(actor);
  const change = givenFields(parseInput(PortalChangeSchema, input));
  if (!Object.keys(change).length) throw new DomainError("invalid", "Give a name or a voteThreshold.", { fields: { name: "Give a name or a voteThreshold." } });
  db.transaction((tx) => {
    const portal = tx.select().from(portals).where(eq(portals.slug, slug)).get();
    if (!portal) throw new DomainError("not_found", `No portal ${slug}.`);
    tx.update(portals).set(change).where(eq(portals.id, portal.id)).run();
    recordAudit(tx, actor.id, "portal.updated", `portal:${slug}`, change);
    if (change.voteThreshold !== undefined && change.voteThreshold < portal.voteThreshold) {
      const reaching = tx
        .select({ id: ideas.id })
        .from(ideas)
        .where(sql`${ideas.portalId} = ${portal.id} AND ${ideas.status} = 'community_review' AND ${ideas.thresholdVotes} >= ${change.voteThreshold}`)
        .all();
      for (const { id } of reaching) applyThreshold(tx, id, "the threshold was lowered");
    }
  });
  return getPortal(db, slug);
}

export const CategorySchema = z.object({
  name: z.string({ error: "Give a name." }).trim().min(2, "Give a name.").max(80, "Keep the name under 80 characters."),
  keyPrefix: z
    .string({ error: "Give a key prefix." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,8}$/, "Use 2–8 letters, e.g. COANA."),
  pmId: z.coerce.number().int().positive().nullable().optional(),
});

/** Create a category in a portal, or edit one (its prefix is fixed once ideas carry it). */
export function saveCategory(db: Db, actor: User, portalSlug: string, categoryId: number | null, input: unknown) {
  requireAdmin(actor);
  const data = parseInput(CategorySchema, input);
  db.transaction((tx) => {
    const portal = tx.select().from(portals).where(eq(portals.slug, portalSlug)).get();
    if (!portal) throw new DomainError("not_found", `No portal ${portalSlug}.`);
    if (data.pmId) {
      const pm = tx.select({ role: users.role }).from(users).where(eq(users.id, data.pmId)).get();
      if (!pm || (pm.role !== "pm" && pm.role !== "admin")) {
        throw new DomainError("invalid", "The owner must be a product manager.", { fields: { pmId: "Choose a product manager." } });
      }
    }
    const clash = tx.select({ id: categories.id }).from(categories).where(eq(categories.keyPrefix, data.keyPrefix)).get();
    if (clash && clash.id !== categoryId) {
      throw new DomainError("conflict", "That key prefix is taken.", { fields: { keyPrefix: "That key prefix is taken." } });
    }
    if (categoryId === null) {
      tx.insert(categories).values({ portalId: portal.id, name: data.name, keyPrefix: data.keyPrefix, pmId: data.pmId ?? null }).run();
    } else {
      const existing = tx.select().from(categories).where(eq(categories.id, categoryId)).get();
      if (!existing || existing.portalId !== portal.id) throw new DomainError("not_found", "No such category.");
      if (existing.keyPrefix !== data.keyPrefix && existing.lastNumber > 0) {
        throw new DomainError("conflict", "Ideas already carry this prefix; it cannot change.", {
          fields: { keyPrefix: "Ideas already carry this prefix; it cannot change." },
        });
      }
      tx.update(categories).set({ name: data.name, keyPrefix: data.keyPrefix, pmId: data.pmId ?? null }).where(eq(categories.id, categoryId)).run();
    }
    recordAudit(tx, actor.id, "category.saved", `portal:${portalSlug}`, { ...data, categoryId });
  });
}
