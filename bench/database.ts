import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { migrateDatabase, openDatabase } from "../db/client";
import { seedDemoData } from "../db/seed";
import { onCleanup } from "./cleanup";
import { seedLargeTenant, type SeedInfo } from "./seed-large";

export interface BenchDatabase {
  kind: "postgres" | "pglite";
  /** For the report: the database name or folder (no password). */
  label: string;
  /** The app's database settings: DATABASE_URL (PostgreSQL) and KOPPEL_DATA_DIR (always; holds auth-secret). */
  appEnv: { DATABASE_URL?: string; KOPPEL_DATA_DIR: string };
  seed: SeedInfo;
}

/** The server's URL with another database name. */
function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const redact = (url: string): string => {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
};

/**
 * Creates the bench's own database and seeds it: a fresh `koppel_bench_<ts>` on the PostgreSQL
 * server of BENCH_DATABASE_URL (or DATABASE_URL), else a PGlite folder under the temp dir.
 * Registers its removal with cleanup() as soon as it exists.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "koppel-bench-"));
  onCleanup(`remove ${dataDir}`, () => fs.rmSync(dataDir, { recursive: true, force: true }));

  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  let databaseUrl: string | undefined;
  let label = path.join(dataDir, "pglite");
  if (serverUrl) {
    const name = `koppel_bench_${Date.now()}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    onCleanup(`drop database ${name}`, async () => {
      await adminQuery(serverUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
      console.log(`[bench] dropped database ${name}`);
    });
    databaseUrl = withDatabase(serverUrl, name);
    label = redact(databaseUrl);
  }

  console.log(`[bench] database: ${label}`);
  const handle = await openDatabase({ databaseUrl, dataDir });
  try {
    await migrateDatabase(handle);
    await seedDemoData(handle.db);
    const seed = await seedLargeTenant(handle.db);
    const c = seed.counts;
    console.log(
      `[bench] seeded in ${seed.seconds.toFixed(1)} s: ${c.cohorts} cohorts, ${c.users} users, ` +
        `${c.memberships} memberships, ${c.enrollments} enrollments (${c.enrollmentEvents} events) in "${seed.organisationName}"`,
    );
    return { kind: handle.kind, label, appEnv: { DATABASE_URL: databaseUrl, KOPPEL_DATA_DIR: dataDir }, seed };
  } finally {
    // PGlite is single-process: the server must find the folder closed (and its pid lock gone).
    await handle.close();
  }
}

/** One statement on the server's own database (CREATE/DROP DATABASE cannot run elsewhere). */
async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
