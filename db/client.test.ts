import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "./client";

const serverUrl = process.env.TEST_DATABASE_URL;

async function withFreshDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const { Client } = await import("pg");
  const name = `koppel_migrate_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  try {
    await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

describe("migrations (PostgreSQL)", () => {
  it.skipIf(!serverUrl)("lets two processes migrate one fresh database at the same moment: both start, each migration is applied once", { timeout: 120_000 }, async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    const failures: string[] = [];
    for (let round = 0; round < 5; round++) {
      await withFreshDatabase(async (url) => {
        const a = await openDatabase({ databaseUrl: url, dataDir: ".data/unused" });
        const b = await openDatabase({ databaseUrl: url, dataDir: ".data/unused" });
        try {
          const results = await Promise.allSettled([migrateDatabase(a), migrateDatabase(b)]);
          for (const r of results) if (r.status === "rejected") failures.push(String((r.reason as { cause?: { code?: string } }).cause?.code ?? r.reason));
          const applied = await a.pool!.query("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations");
          expect(applied.rows[0]).toEqual({ n: journal.entries.length });
          // Nothing is left holding the lock: a third start migrates (nothing to do) at once.
          await migrateDatabase(a);
        } finally {
          await a.close();
          await b.close();
        }
      });
    }
    expect(failures).toEqual([]);
  });
});
