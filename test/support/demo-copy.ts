import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/client.server";
import { test } from "./e2e";
import { demoTemplateFolder } from "./demo-template";
import { startServer } from "./ops";

/** A copy of the pristine demo in a folder of its own, for a test that starts servers on it. */
export function demoCopy(label = "demo-copy"): { file: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), `sprintlab-${label}-`));
  cpSync(demoTemplateFolder(), folder, { recursive: true });
  return { file: join(folder, "sprintlab.db"), remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * The pristine demo that `test/support/e2e-global-setup.ts` seeds once per run: journeys that
 * change the demo project or demo users' state use `demoTest`, which gives each test its own copy
 * of it behind a server of its own, so no journey reads what another one changed — in any order,
 * in parallel, and with --repeat-each.
 */
export const demoTest = test.extend<{ demoServer: { url: string; file: string } }>({
  demoServer: [
    async ({}, use) => {
      const { file, remove } = demoCopy();
      const server = await startServer(file, { SESSION_SECRET: process.env.E2E_SESSION_SECRET!, SHUTDOWN_GRACE_MS: "0" });
      await use({ url: server.url.replace("127.0.0.1", "localhost"), file });
      server.process.kill("SIGTERM");
      await server.exited;
      remove();
    },
    // Starting a server of its own is not the test's time.
    { timeout: 60_000 },
  ],
  baseURL: async ({ demoServer }, use) => {
    await use(demoServer.url);
  },
  appDb: async ({ demoServer }, use) => {
    const db = openDatabase(demoServer.file, { migrate: false });
    await use(db);
    db.$client.close();
  },
});
