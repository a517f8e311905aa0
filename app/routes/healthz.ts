import { getDb } from "~/lib/db.server";
import { checkHealth } from "~/operations/health.server";

/** The load balancer's check (API.md): no sign-in, 200 when healthy, 503 naming the failing part. */
export function loader() {
  const health = checkHealth(getDb);
  return new Response(JSON.stringify(health), {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
