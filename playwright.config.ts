import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * The config is evaluated in the runner and again in each worker; values chosen here are kept in
 * the environment so that every process agrees on the port, the database file and the secret.
 */
function once(name: string, make: () => string): string {
  process.env[name] ??= make();
  return process.env[name]!;
}

const port = once("E2E_PORT", () =>
  execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString(),
);
const databaseFile = once("E2E_DATABASE_URL", () => join(mkdtempSync(join(tmpdir(), "sprintlab-e2e-")), "e2e.db"));
const sessionSecret = once("E2E_SESSION_SECRET", () => randomBytes(24).toString("base64url"));
const baseURL = `http://localhost:${port}`;

const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "test/e2e",
  globalSetup: "./test/support/e2e-global-setup.ts",
  // A journey is a minute of a person's work; on a busy 2-core machine each step may wait longer.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `node --import tsx scripts/start.ts`,
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: port, DATABASE_URL: databaseFile, SESSION_SECRET: sessionSecret },
  },
});
