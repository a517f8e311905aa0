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
