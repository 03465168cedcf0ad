import { getHandle, migrateDatabase } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { authSecret } from "@/lib/auth/secret";
import { appUrl, env } from "@/lib/env";
import { sqlState } from "@/lib/dal/tx";
import { startJobs } from "@/lib/jobs";
import { describeError } from "@/lib/log-error";
import { mailboxTransport, smtpTransport } from "@/lib/mail/transport";
import { startOutboxWorker } from "@/lib/mail/worker";

const KEY = Symbol.for("koppel.startup");
const g = globalThis as typeof globalThis & { [KEY]?: Promise<void> };

/**
 * Runs once per server process, before it serves requests: checks the environment, opens the
 * database, applies migrations, seeds demo data once, and starts the in-process mail worker.
 */
export function startup(): Promise<void> {
  g[KEY] ??= (async () => {
    const e = env();
    authSecret();
    const handle = await getHandle();
    await migrateDatabase(handle);
    if (e.KOPPEL_ENV === "demo" && e.DEMO_SEED === "auto") {
      if (await seedDemoData(handle.db)) console.log("[koppel] demo data seeded");
    }
    if (e.MAIL_WORKER === "inline") {
      const leaseMs = e.MAIL_LEASE_SECONDS * 1000;
      const transport = e.SMTP_URL ? smtpTransport(e.SMTP_URL, e.MAIL_FROM, { appUrl: appUrl(), leaseMs }) : mailboxTransport;
      startOutboxWorker(handle.db, transport, 2000, { leaseMs });
    }
    startJobs();
    console.log(
      `[koppel] ready: ${e.KOPPEL_ENV} mode, database ${handle.kind}, mail ${e.SMTP_URL ? "smtp" : "dev mailbox"}${e.MAIL_WORKER === "off" ? " (worker off)" : ""}`,
    );
  })();
  return g[KEY];
}

/** startup(), but a server that cannot start says why in one message and stops. */
export async function startupOrExit(): Promise<void> {
  try {
    await startup();
  } catch (err) {
    // A database error says what PostgreSQL objected to (code, constraint, detail), not only drizzle's "Failed query".
    console.error(sqlState(err) ? `Koppel cannot start: ${describeError(err)}` : err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
