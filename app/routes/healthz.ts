import { getDb } from "~/lib/db.server";
import { checkHealth } from "~/operations/health.server";
import { apiJson } from "~/web/api.server";

/** The load balancer's check (API.md): no sign-in, 200 when healthy, 503 naming the failing part. */
export function loader() {
  const health = checkHealth(getDb);
  return apiJson(health, health.status === "ok" ? 200 : 503);
}
