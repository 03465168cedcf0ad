import fs from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { DEMO_PORT, DEMO_URL, PROD_PORT, PROD_URL, SMTP_HTTP_PORT, SMTP_PORT } from "./e2e/support/servers";

/**
 * End-to-end tests against the production build (`next build` runs first in `npm run test:e2e`).
 * Three servers: a real SMTP server (smtp-server) that the tests read, Koppel in demo mode and
 * Koppel in production mode, each on fresh data. With DATABASE_URL set, the demo server runs on
 * that PostgreSQL database; the production server always runs on its own embedded database.
 */

function browserPath(): string | undefined {
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const own = chromium.executablePath();
  if (own && fs.existsSync(own)) return undefined;
  throw new Error(
    "No Chromium for the end-to-end tests. Install one with:\n  sudo apt-get install -y chromium\n(or `npx playwright install chromium` where downloads are possible).",
  );
}

// The production server as `npm start` runs it (scripts/server.mjs: Next behind a Node server that
// passes on the socket's address); it listens on PORT.
const serve = "node scripts/server.mjs";

/**
 * E2E_SMOKE=1 runs a chosen smoke set: what proves the embedded database end to end (public pages,
 * sign-in by mail, sign-up, waitlist and review, production mode). CI runs the whole suite on
 * PostgreSQL and this set on the embedded database, where the integration tests run in full too.
 */
export const SMOKE_SPECS = ["public", "sign-in", "enrollment", "production"].map((name) => `**/${name}.spec.ts`);

const common = {
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  MAIL_FROM: "Koppel e2e <koppel@example.org>",
  MAIL_WORKER: "inline",
  NEXT_TELEMETRY_DISABLED: "1",
};

export default defineConfig({
  testDir: "e2e",
  testMatch: process.env.E2E_SMOKE === "1" ? SMOKE_SPECS : "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Long flows check every page they visit with axe at two widths (about a second a check).
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: DEMO_URL,
    locale: "en-GB",
    trace: "retain-on-failure",
    launchOptions: { executablePath: browserPath() },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs e2e/support/smtp-sink.ts",
      url: `http://127.0.0.1:${SMTP_HTTP_PORT}/messages`,
      env: { E2E_SMTP_PORT: String(SMTP_PORT), E2E_SMTP_HTTP_PORT: String(SMTP_HTTP_PORT) },
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `rm -rf .e2e-data/demo && ${serve}`,
      url: `${DEMO_URL}/api/health`,
      env: { ...common, KOPPEL_ENV: "demo", KOPPEL_DATA_DIR: ".e2e-data/demo", APP_URL: DEMO_URL, PORT: String(DEMO_PORT) },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
    },
    {
      command: `rm -rf .e2e-data/prod && node node_modules/tsx/dist/cli.mjs scripts/cli.ts create-org --name "Gemeente Proef" --slug gemeente-proef --admin-email admin@prod.example.org --locale en && ${serve}`,
      url: `${PROD_URL}/api/health`,
      env: {
        ...common,
        DATABASE_URL: "",
        KOPPEL_ENV: "production",
        KOPPEL_DATA_DIR: ".e2e-data/prod",
        APP_URL: PROD_URL,
        PORT: String(PROD_PORT),
        AUTH_SECRET: "e2e-production-secret-that-is-long-enough-0123456789",
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
    },
  ],
});
