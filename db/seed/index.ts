import { sql } from "drizzle-orm";
import { createUser } from "../../app/auth/users.server";
import type { Db } from "../client.server";
import { holidays, users } from "../schema";
import { seedDelivery } from "./delivery";
import { seedIdeas } from "./ideas";
import { DEMO_PASSWORD, DEMO_USERS } from "./users";

export { DEMO_PASSWORD, DEMO_USERS };

const DEMO_HOLIDAYS = [
  { date: "2026-12-25", name: "Christmas Day" },
  { date: "2026-12-28", name: "Boxing Day (observed)" },
  { date: "2027-01-01", name: "New Year's Day" },
  { date: "2027-04-02", name: "Good Friday" },
  { date: "2027-04-05", name: "Easter Monday" },
];

export function isEmpty(db: Db): boolean {
  const row = db.select({ n: sql<number>`count(*)` }).from(users).get();
  return (row?.n ?? 0) === 0;
}

/** Seed the demo into an empty database. */
export async function seedDemo(db: Db): Promise<void> {
  for (const u of DEMO_USERS) {
    await createUser(db, null, { email: u.email, name: u.name, role: u.role, company: u.company ?? undefined, password: DEMO_PASSWORD });
  }
  db.insert(holidays).values(DEMO_HOLIDAYS).run();
  await seedIdeas(db);
  await seedDelivery(db);
}
