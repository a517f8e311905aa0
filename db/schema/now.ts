import { sql } from "drizzle-orm";

/** The default of every timestamp column: the moment of the write, as ISO 8601 in UTC. */
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
