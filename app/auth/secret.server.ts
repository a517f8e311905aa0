import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { databasePath } from "../../db/client.server";

let cached: string | undefined;

/**
 * `SESSION_SECRET`, or else a random secret kept next to the database so that sessions
 * survive a restart. Generating one prints a warning: production should set its own.
 */
export function sessionSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv) return (cached = fromEnv);
  const file = join(dirname(databasePath()), "session-secret");
  if (existsSync(file)) return (cached = readFileSync(file, "utf8").trim());
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  console.warn(`SESSION_SECRET is not set: generated one and kept it in ${file}. Set SESSION_SECRET in production.`);
  return (cached = secret);
}
