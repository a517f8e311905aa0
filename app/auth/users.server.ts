import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { ROLES, accessTokens, passwordHashes, sessions, users, type Role } from "../../db/schema";
import { DomainError } from "../lib/errors";
import { parseInput, oneLine } from "../lib/validation";
import { recordAudit } from "./audit.server";
import { hashPassword } from "./password.server";

export type User = {
  id: number;
  email: string;
  name: string;
  role: Role;
  company: string | null;
  active: boolean;
};

/** The columns of a User, for every query that returns one (never the password hash). */
export const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  company: users.company,
  active: users.active,
};

/** A user as the API shows it. */
export function userJson(user: User) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, company: user.company, active: user.active };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EmailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const RoleSchema = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}.` });

export const NewUserSchema = z.object({
  email: EmailSchema,
  name: z.string({ error: "Enter a name." }).overwrite(oneLine).trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters."),
  role: RoleSchema,
  password: z
    .string({ error: "Enter a password." })
    .min(10, "Use at least 10 characters.")
    .max(200, "Keep the password under 200 characters."),
  company: z
    .string()
    .trim()
    .max(120, "Keep the company under 120 characters.")
    .optional()
    .transform((v) => v || null),
});

export const UserChangeSchema = z
  .object({
    role: RoleSchema.optional(),
    active: z.boolean({ error: "active must be true or false." }).optional(),
    company: z.string({ error: "company must be text." }).trim().max(120, "Keep the company under 120 characters.").nullable().optional(),
  })
  .refine((v) => v.role !== undefined || v.active !== undefined || v.company !== undefined, {
    message: "Give a role, active or company.",
    path: ["role"],
  });

export function listUsers(db: Db): User[] {
  return db.select(userColumns).from(users).orderBy(asc(users.name)).all();
}

export function getUserById(db: Db, id: number): User | null {
  return db.select(userColumns).from(users).where(eq(users.id, id)).get() ?? null;
}

export function getUserByEmail(db: Db, email: string): User | null {
  return db.select(userColumns).from(users).where(eq(users.email, normalizeEmail(email))).get() ?? null;
}

export async function createUser(db: Db, actor: User | null, input: unknown): Promise<User> {
  const data = parseInput(NewUserSchema, input);
  const hash = await hashPassword(data.password);
  return db.transaction((tx) => {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get();
    if (existing) {
      throw new DomainError("conflict", "A user with this email already exists.", {
        fields: { email: "A user with this email already exists." },
      });
    }
    const user = tx
      .insert(users)
      .values({ email: data.email, name: data.name, role: data.role, company: data.company })
      .returning(userColumns)
      .get();
    tx.insert(passwordHashes).values({ userId: user.id, hash }).run();
    recordAudit(tx, actor?.id ?? null, "user.created", `user:${user.id}`, { email: user.email, role: user.role });
    return user;
  });
}

/**
 * Change a user's role, company and/or active flag (admin). Deactivation ends every session and revokes
 * every token in the same transaction, so the user is out at their next request. An admin cannot
 * lock themselves out.
 */
export function updateUser(db: Db, actor: User, userId: number, input: unknown): User {
  const change = parseInput(UserChangeSchema, input);
  return db.transaction((tx) => {
    const user = tx.select(userColumns).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new DomainError("not_found", "No such user.");
    if (user.id === actor.id && (change.active === false || (change.role && change.role !== "admin"))) {
      throw new DomainError("conflict", "You cannot deactivate yourself or remove your own admin role.");
    }
    if (change.role && change.role !== user.role) {
      tx.update(users).set({ role: change.role }).where(eq(users.id, user.id)).run();
      recordAudit(tx, actor.id, "user.role_changed", `user:${user.id}`, { from: user.role, to: change.role });
    }
    const role = change.role ?? user.role;
    const company = change.company !== undefined ? change.company?.trim() || null : user.company;
    // Votes count per company (SPEC B6): a customer or partner always belongs to one.
    if ((role === "customer" || role === "partner") && change.company !== undefined && !company) {
      throw new DomainError("invalid", "Customers and partners belong to a company.", { fields: { company: "Give the company: customers and partners always belong to one." } });
    }
    if (change.company !== undefined && company !== user.company) {
      tx.update(users).set({ company }).where(eq(users.id, user.id)).run();
      recordAudit(tx, actor.id, "user.company_changed", `user:${user.id}`, { from: user.company, to: company });
    }
    if (change.active !== undefined && change.active !== user.active) {
      tx.update(users).set({ active: change.active }).where(eq(users.id, user.id)).run();
      if (!change.active) {
        tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
        tx.update(accessTokens)
          .set({ revokedAt: new Date().toISOString() })
          .where(and(eq(accessTokens.userId, user.id), isNull(accessTokens.revokedAt)))
          .run();
      }
      recordAudit(tx, actor.id, change.active ? "user.reactivated" : "user.deactivated", `user:${user.id}`, {});
    }
    return tx.select(userColumns).from(users).where(eq(users.id, user.id)).get()!;
  });
}
