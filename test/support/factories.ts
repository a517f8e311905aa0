import type { Db } from "../../db/client.server";
import type { Role } from "../../db/schema";
import { createUser, type User } from "../../app/auth/users.server";
import { addMember, createProject } from "../../app/delivery/projects.server";

let counter = 0;

export const TEST_PASSWORD = "correct horse battery";

export async function makeUser(db: Db, role: Role = "customer", overrides: Partial<{ email: string; name: string }> = {}): Promise<User> {
  counter++;
  return createUser(db, null, {
    email: overrides.email ?? `user${counter}-${role}@example.test`,
    name: overrides.name ?? `Test ${role} ${counter}`,
    role,
    password: TEST_PASSWORD,
  });
}

import { createPortal, saveCategory } from "../../app/ideas/portals.server";
import { createIdea } from "../../app/ideas/ideas.server";

/** A portal with one category owned by a fresh PM, and an admin to run admin calls. */
export async function makePortal(db: Db, options: { threshold?: number; prefix?: string; slug?: string } = {}) {
  const admin = await makeUser(db, "admin");
  const pm = await makeUser(db, "pm");
  const slug = options.slug ?? `portal-${++counter}`;
  const prefix = options.prefix ?? `CAT${String.fromCharCode(65 + (counter % 26))}${String.fromCharCode(65 + ((counter * 7) % 26))}`;
  createPortal(db, admin, { name: `Portal ${slug}`, slug, voteThreshold: options.threshold ?? 20 });
  saveCategory(db, admin, slug, null, { name: "Analytics & Reporting", keyPrefix: prefix, pmId: pm.id });
  return { admin, pm, slug, prefix };
}

export function makeIdea(db: Db, author: User, prefix: string, title = "Report transfers per segment", description = "Per-segment table with the right workgroup and skill for each leg of a call.") {
  return createIdea(db, author, { category: prefix, title, description });
}

/** A date `days` from today (UTC), so that a sprint can be running now. */
export function fromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A delivery project with a member of every project role, and an outsider. */
export async function makeDeliveryTeam(db: Db, dates: { sowSignedOn: string; staffedOn: string } = { sowSignedOn: "2026-01-05", staffedOn: "2026-01-12" }) {
  const sm = await makeUser(db, "staff");
  const po = await makeUser(db, "staff");
  const dev = await makeUser(db, "staff");
  const copo = await makeUser(db, "customer");
  const viewer = await makeUser(db, "customer");
  const outsider = await makeUser(db, "customer");
  const project = createProject(db, sm, { name: "Acme Health — cloud contact center migration", customer: "Acme Health", ...dates, kickoffWeeks: 3, timeZone: "Europe/London" });
  addMember(db, sm, project.id, { userId: po.id, role: "product_owner" });
  addMember(db, sm, project.id, { userId: dev.id, role: "team" });
  addMember(db, sm, project.id, { userId: copo.id, role: "co_product_owner" });
  addMember(db, sm, project.id, { userId: viewer.id, role: "viewer" });
  return { sm, po, dev, copo, viewer, outsider, project };
}
