import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { now } from "./now";

import { ROLES } from "./enums";

export { ROLES, type Role } from "./enums";

const timestamp = (name = "created_at") =>
  text(name)
    .notNull()
    .default(now);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    company: text("company"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: timestamp(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_role_idx").on(t.role)],
);

/** Kept apart from `users` so that no listing of users can leak a hash by selecting `*`. */
export const passwordHashes = sqliteTable("password_hashes", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  hash: text("hash").notNull(),
  updatedAt: timestamp("updated_at"),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp(),
    expiresAt: text("expires_at").notNull(),
    /** When the session was last used (to the minute): it ends after SESSION_IDLE_DAYS without use. */
    lastSeenAt: text("last_seen_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const accessTokens = sqliteTable(
  "access_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** sha256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    /** First characters of the token, so a user can tell their tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("access_tokens_hash_unique").on(t.tokenHash), index("access_tokens_user_idx").on(t.userId)],
);

export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at)],
);

/** Recent attempts that count toward a rate limit: a bucket (what was tried) and a key (an email or a client address). */
export const rateLimitHits = sqliteTable(
  "rate_limit_hits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("rate_limit_hits_bucket_key_at_idx").on(t.bucket, t.key, t.at)],
);

export const holidays = sqliteTable("holidays", {
  date: text("date").primaryKey(),
  name: text("name").notNull(),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    at: timestamp("at"),
  },
  (t) => [
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_kind_idx").on(t.kind),
    index("audit_log_at_idx").on(t.at),
  ],
);
