import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, or, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { accessTokens, users } from "../../db/schema";
import { DomainError } from "../lib/errors";
import { parseInput } from "../lib/validation";
import { userColumns, type User } from "./users.server";

const TOKEN_PREFIX = "spl_";

export const TokenNameSchema = z.object({
  name: z
    .string({ error: "Name the token." })
    .trim()
    .min(1, "Name the token, e.g. the script that will use it.")
    .max(80, "Keep the name under 80 characters."),
});

export type TokenListItem = {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Create a personal access token; the plain token is returned once and only its hash is kept. */
export function createToken(db: Db, userId: number, input: unknown): { id: number; token: string } {
  const { name } = parseInput(TokenNameSchema, input);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = db
    .insert(accessTokens)
    .values({ userId, name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) })
    .returning({ id: accessTokens.id })
    .get();
  return { id: row.id, token };
}

export function listTokens(db: Db, userId: number): TokenListItem[] {
  return db
    .select({
      id: accessTokens.id,
      name: accessTokens.name,
      prefix: accessTokens.prefix,
      createdAt: accessTokens.createdAt,
      lastUsedAt: accessTokens.lastUsedAt,
      revokedAt: accessTokens.revokedAt,
    })
    .from(accessTokens)
    .where(eq(accessTokens.userId, userId))
    .orderBy(desc(accessTokens.createdAt), desc(accessTokens.id))
    .all();
}

export function revokeToken(db: Db, userId: number, tokenId: number): void {
  const result = db
    .update(accessTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(accessTokens.id, tokenId), eq(accessTokens.userId, userId), isNull(accessTokens.revokedAt)))
    .run();
  if (result.changes === 0) throw new DomainError("not_found", "No such active token.");
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** The active user behind a bearer token, or null for a missing, revoked or deactivated one. */
export function authenticateToken(db: Db, token: string | null, now = new Date()): User | null {
  if (!token || !token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = db
    .select({ tokenId: accessTokens.id, lastUsedAt: accessTokens.lastUsedAt, ...userColumns })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .where(and(eq(accessTokens.tokenHash, hashToken(token)), isNull(accessTokens.revokedAt), eq(users.active, true)))
    .get();
  if (!row) return null;
  // Recording every use would make each API read a write; a minute's resolution is enough to tell
  // use, so the write happens only once the recorded use is that old (the update checks again,
  // so two calls at once write it once). Best-effort: on a read-only (or busy) database the
  // read still answers.
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  if (row.lastUsedAt === null || row.lastUsedAt < stale) {
    try {
      recordUse(db, row.tokenId, now, stale);
    } catch {
      // The last use is written on a later call.
    }
  }
  const { tokenId: _tokenId, lastUsedAt: _lastUsedAt, ...user } = row;
  return user;
}

function recordUse(db: Db, tokenId: number, now: Date, stale: string): void {
  db.update(accessTokens)
    .set({ lastUsedAt: now.toISOString() })
    .where(and(eq(accessTokens.id, tokenId), or(isNull(accessTokens.lastUsedAt), lt(accessTokens.lastUsedAt, stale))))
    .run();
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}
