import { dirname, join } from "node:path";

/** Where the run's pristine demo database lives, beside the shared e2e server's database. */
export function demoTemplateFolder(): string {
  return join(dirname(process.env.E2E_DATABASE_URL!), "demo-template");
}
