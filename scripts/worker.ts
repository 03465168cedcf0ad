// `npm run worker`: the outbox mail worker as its own process, for PostgreSQL deployments in
// which the app runs with MAIL_WORKER=off. Several workers may run (claims use SKIP LOCKED).
import { sql } from "drizzle-orm";
import { closeHandle, getHandle } from "@/db/client";
import { appUrl, env, type Env } from "@/lib/env";
import { smtpTransport } from "@/lib/mail/transport";
import { startOutboxWorker, type RunningWorker } from "@/lib/mail/worker";

const SCHEMA_WAIT_MS = 5000;

function refuse(message: string): never {
  console.error(`[worker] ${message}`);
  process.exit(1);
}

function checkedEnv(): Env & { SMTP_URL: string; DATABASE_URL: string } {
  let e: Env;
  try {
    e = env();
  } catch (err) {
    refuse(err instanceof Error ? err.message : String(err));
  }
  if (!e.SMTP_URL) {
    refuse("SMTP_URL is not set: the worker sends the outbox over SMTP. Set SMTP_URL (smtp:// or smtps://) and MAIL_FROM.");
  }
  if (!e.DATABASE_URL) {
    refuse(
      "DATABASE_URL is not set: the worker is for PostgreSQL deployments. With the embedded database " +
        "(PGlite) only the app may open it, and the app sends mail itself (MAIL_WORKER=inline).",
    );
  }
  return { ...e, SMTP_URL: e.SMTP_URL, DATABASE_URL: e.DATABASE_URL };
}

async function main(): Promise<void> {
  const e = checkedEnv();
  const handle = await getHandle();

  let worker: RunningWorker | null = null;
  let stopping = false;
  // startOutboxWorker's timer does not hold the process open (inside the app the server does).
  const keepAlive = setInterval(() => {}, 1 << 30);

  const stop = async (signal: string) => {
    if (stopping) {
      console.error(`[worker] ${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`[worker] ${signal}: finishing the current batch, then stopping`);
    clearInterval(keepAlive);
    try {
      await worker?.stop();
      await closeHandle();
      process.exit(0);
    } catch (err) {
      console.error(`[worker] stopping failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));

  // The app applies migrations at its start; the worker never does (two migrators could race).
  while (!stopping) {
    const result = await handle.db.execute(sql`select to_regclass('public.mail_outbox') as t`);
    if ((result.rows[0] as { t: unknown } | undefined)?.t) break;
    console.log("[worker] the database has no mail outbox yet; waiting for the app to apply migrations");
    await new Promise((r) => setTimeout(r, SCHEMA_WAIT_MS));
  }
  if (stopping) return;

  const leaseMs = e.MAIL_LEASE_SECONDS * 1000;
  worker = startOutboxWorker(handle.db, smtpTransport(e.SMTP_URL, e.MAIL_FROM, { appUrl: appUrl(), leaseMs }), 2000, { leaseMs });
  console.log(`[worker] sending the outbox through ${new URL(e.SMTP_URL).host} as ${e.MAIL_FROM}; stop with Ctrl-C`);
}

main().catch(async (err: unknown) => {
  console.error(`[worker] ${err instanceof Error ? err.message : String(err)}`);
  await closeHandle().catch(() => {});
  process.exit(1);
});
