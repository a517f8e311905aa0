import type { Db } from "../../db/client.server";
import type { Role } from "../../db/schema";
import { createUser, type User } from "../../app/auth/users.server";

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
