import crypto from "node:crypto";
import { closeHandle, migrateDatabase, openDatabase, openMemoryDatabase, setHandle, type Db } from "@/db/client";

export interface TestDatabase {
  db: Db;
  kind: "pglite" | "postgres";
  url?: string;
  close: () => Promise<void>;
}

/**
 * A fresh, migrated database for one test file, installed as the process-wide database:
 * in-memory PGlite by default, a new database on TEST_DATABASE_URL's server when that is set
 * (dropped again by close()).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openMemoryDatabase();
    await migrateDatabase(handle);
    setHandle(handle);
    return { db: handle.db, kind: "pglite", close: () => closeHandle() };
  }
  const { Client } = await import("pg");
  const name = `koppel_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: ".data/unused" });
  await migrateDatabase(handle);
  setHandle(handle);
  return {
    db: handle.db,
    kind: "postgres",
    url: url.toString(),
    close: async () => {
      await closeHandle();
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
