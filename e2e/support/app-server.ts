import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { SMTP_PORT } from "./servers";

/**
 * A Koppel production server of a test's own (scripts/server.mjs, as `npm start` runs it), on a
 * fresh embedded database with one organisation whose admin is `adminEmail`; mail goes to the
 * test SMTP server. For tests that need settings the shared servers do not have.
 */
export async function startOwnServer(opts: { port: number; name: string; adminEmail: string; env?: Record<string, string> }) {
  const url = `http://localhost:${opts.port}`;
  const dataDir = `.e2e-data/${opts.name}`;
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    DATABASE_URL: "",
    KOPPEL_ENV: "production",
    KOPPEL_DATA_DIR: dataDir,
    APP_URL: url,
    PORT: String(opts.port),
    AUTH_SECRET: "e2e-own-server-secret-that-is-long-enough-0123456789",
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    MAIL_FROM: "Koppel e2e <koppel@example.org>",
    MAIL_WORKER: "inline",
    NEXT_TELEMETRY_DISABLED: "1",
    ...opts.env,
  };
  execFileSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/cli.ts", "create-org", "--name", `Proef ${opts.name}`, "--slug", `proef-${opts.name}`, "--admin-email", opts.adminEmail, "--locale", "en"],
    { env, stdio: "ignore" },
  );
  const child: ChildProcess = spawn(process.execPath, ["scripts/server.mjs"], { env, stdio: "ignore" });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`scripts/server.mjs exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${url}/api/health did not answer within 120 s`);
}
