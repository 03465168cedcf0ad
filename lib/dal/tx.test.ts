import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appMeta, mailOutbox } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { enqueueMail } from "./mail";
import { sqlState, transaction } from "./tx";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

/** An error shaped like drizzle's: the driver's error with its SQLSTATE as `cause`. */
function dbError(code: string): Error {
  return Object.assign(new Error("Failed query: select 1\nparams: "), { cause: Object.assign(new Error("deadlock detected"), { code }) });
}

const mailTo = (to: string) => t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
const queue = (tx: Parameters<typeof enqueueMail>[0], to: string) =>
  enqueueMail(tx, { to, locale: "nl", template: "test", subject: "s", text: "t", html: "<p>t</p>" });

describe("transaction", () => {
  it("runs the whole transaction again after a deadlock, and the mail of the failed attempt is rolled back with it", async () => {
    let attempts = 0;
    const result = await transaction(t.db, async (tx) => {
      attempts++;
      await queue(tx, "retry@example.org");
      if (attempts === 1) throw dbError("40P01");
      return "done";
    });
    expect(result).toBe("done");
    expect(attempts).toBe(2);
    expect(await mailTo("retry@example.org")).toHaveLength(1);
  });

  it("gives up after three attempts and throws the database's error; other errors are not retried", async () => {
    let attempts = 0;
    const always = transaction(t.db, async (tx) => {
      attempts++;
      await queue(tx, "never@example.org");
      throw dbError("40001");
    });
    await expect(always).rejects.toSatisfy((e) => sqlState(e) === "40001");
    expect(attempts).toBe(3);
    expect(await mailTo("never@example.org")).toHaveLength(0);

    attempts = 0;
    await expect(
      transaction(t.db, async (tx) => {
        attempts++;
        await tx.execute(sql`select 1`);
        throw dbError("23505");
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });

  it.skipIf(!onPostgres)("lets both sides of a real deadlock finish: PostgreSQL aborts one, which is run again", async () => {
    await t.db.insert(appMeta).values([
      { key: "lock-a", value: "0" },
      { key: "lock-b", value: "0" },
    ]);
    // Two transactions lock two rows in opposite orders and wait for each other at the second.
    let bothHoldFirst: () => void;
    const gate = new Promise<void>((r) => (bothHoldFirst = r));
    let holding = 0;
    const retries: string[] = [];
    const crossing = (first: string, second: string) =>
      transaction(
        t.db,
        async (tx) => {
          await tx.execute(sql`UPDATE app_meta SET value = (value::int + 1)::text WHERE key = ${first}`);
          if (++holding === 2) bothHoldFirst();
          await Promise.race([gate, new Promise((r) => setTimeout(r, 500))]);
          await tx.execute(sql`UPDATE app_meta SET value = (value::int + 1)::text WHERE key = ${second}`);
        },
        { onRetry: (code) => retries.push(code) },
      );
    await Promise.all([crossing("lock-a", "lock-b"), crossing("lock-b", "lock-a")]);
    expect(retries).toEqual(["40P01"]);
    const rows = await t.db.select().from(appMeta).where(sql`${appMeta.key} in ('lock-a', 'lock-b')`);
    expect(rows.map((r) => r.value)).toEqual(["2", "2"]);
  });
});
