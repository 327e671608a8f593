// e2e: the built app (`next start`) in live mode against the simulator, as separate web servers.
// Run `npm run build` first (test:e2e does); Chromium comes from Debian (CHROMIUM_PATH).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { hashPassword } from "./lib/auth/password";
import {
  APP_PORT,
  BAD_AUTH_PORT,
  E2E_NOW,
  E2E_TODAY,
  E2E_USER,
  E2E_VIEWER,
  SESSION_SECRET,
  SIM_PORT,
  SLOW_APP_PORT,
  SLOW_SIM_PORT,
  STORAGE_STATE,
} from "./e2e/env";

// Worker processes re-evaluate this file: keep one user hash and one "today" for the whole run.
process.env.E2E_TODAY = E2E_TODAY;
process.env.E2E_USERS ??= [
  `${E2E_USER.username}:admin:${hashPassword(E2E_USER.password)}`,
  `${E2E_VIEWER.username}:viewer:${hashPassword(E2E_VIEWER.password)}`,
].join(",");
// Each app server keeps its embedded store in a folder of this run's, so every run starts cold.
const DATA_ROOT = (process.env.E2E_DATA_ROOT ??= mkdtempSync(join(tmpdir(), "imr-e2e-")));

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const reuse = !process.env.CI;

function simulator(port: number, extra = "") {
  return {
    command: `npx tsx scripts/simulator.ts --port ${port} --now ${E2E_NOW} ${extra}`.trim(),
    port,
    reuseExistingServer: reuse,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  };
}

function app(port: number, simPort: number, env: Record<string, string> = {}) {
  return {
    command: `sh scripts/start.sh -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: reuse,
    timeout: 120_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      ILETIMERKEZI_API_KEY: "demo-key",
      ILETIMERKEZI_API_SECRET: "demo-secret",
      ILETIMERKEZI_BASE_URL: `http://127.0.0.1:${simPort}/v1`,
      SESSION_SECRET,
      DASHBOARD_USERS: process.env.E2E_USERS ?? "",
      PORT: String(port),
      DATA_DIR: join(DATA_ROOT, String(port)),
      ...env,
    },
  };
}

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    locale: "en-GB",
    timezoneId: "Europe/Istanbul",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        locale: "en-GB",
        timezoneId: "Europe/Istanbul",
        storageState: STORAGE_STATE,
        launchOptions: {
          executablePath: chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    simulator(SIM_PORT),
    simulator(SLOW_SIM_PORT, "--latency 120 --orders-per-day 20"),
    app(APP_PORT, SIM_PORT),
    app(BAD_AUTH_PORT, SIM_PORT, { ILETIMERKEZI_API_KEY: "wrong-key" }),
    app(SLOW_APP_PORT, SLOW_SIM_PORT, { UPSTREAM_CONCURRENCY: "4" }),
  ],
});
