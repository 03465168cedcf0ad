import fs from "node:fs";
import path from "node:path";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { acquireLock } from "./lock";
import * as schema from "./schema";

export { DatabaseLockedError } from "./lock";

export type Db = NodePgDatabase<typeof schema>;
export type DbKind = "pglite" | "postgres";

interface Handle {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
  /** PostgreSQL only: the pool, for work that needs one connection of its own (the migration lock). */
  pool?: import("pg").Pool;
}

const KEY = Symbol.for("koppel.db");
type Global = typeof globalThis & { [KEY]?: Promise<Handle> };
const g = globalThis as Global;

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
}

/** Opens PostgreSQL (when a URL is given) or the embedded PGlite in `${dataDir}/pglite`. */
export async function openDatabase(opts: OpenOptions): Promise<Handle> {
  if (opts.databaseUrl) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client losing its connection must not take the process down; the pool reconnects.
    pool.on("error", (err) => console.error("[koppel] database connection error:", err.message));
    return { db: drizzle(pool, { schema }), kind: "postgres", close: () => pool.end(), pool };
  }
  const dir = path.resolve(opts.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const release = acquireLock(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = await PGlite.create(path.join(dir, "pglite"));
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Opens an in-memory PGlite (tests). */
export async function openMemoryDatabase(): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create();
  return { db: drizzle(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close() };
}

/** The advisory lock every Koppel process takes around its migrations (any fixed 64-bit number). */
export const MIGRATION_LOCK_KEY = "7020155401420150551";

/**
 * Runs the committed migrations in db/migrations. On PostgreSQL, under an advisory lock held on a
 * connection of its own: two app processes starting at once on one database otherwise both create
 * drizzle's bookkeeping schema and table and one crashes (23505), or both apply a migration.
 * The second waits, then finds nothing left to do.
 */
export async function migrateDatabase(handle: Handle): Promise<void> {
  const migrationsFolder = path.join(process.cwd(), "db", "migrations");
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    if (!handle.pool) {
      await migrate(handle.db, { migrationsFolder });
      return;
    }
    const client = await handle.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      try {
        await migrate(drizzle(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch((err: Error) => {
          broken = err; // a connection that may still hold the lock is closed, not reused
        });
      }
    } finally {
      client.release(broken);
    }
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
}

/** The process-wide database, opened on first use (never at import: `next build` imports this). */
export function getHandle(): Promise<Handle> {
  if (!g[KEY]) {
    const promise = (async () => {
      const { env } = await import("../lib/env");
      const e = env();
      return openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.KOPPEL_DATA_DIR });
    })();
    g[KEY] = promise;
    promise.catch(() => {
      if (g[KEY] === promise) delete g[KEY];
    });
  }
  return g[KEY];
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

/** Replaces the process-wide database (tests, CLI). */
export function setHandle(handle: Handle): void {
  g[KEY] = Promise.resolve(handle);
}

export async function closeHandle(): Promise<void> {
  const h = g[KEY];
  delete g[KEY];
  if (h) await (await h).close();
}

export { schema };
