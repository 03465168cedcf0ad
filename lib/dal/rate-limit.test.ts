import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { hitRateLimit } from "./rate-limit";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());
afterEach(() => {
  vi.useRealTimers();
});

const at = (iso: string) => vi.setSystemTime(new Date(iso));

describe("hitRateLimit", () => {
  it("allows `limit` hits in a window, then refuses until the window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at("2030-01-01T10:00:00Z");
    const hits: boolean[] = [];
    for (let i = 0; i < 4; i++) hits.push(await hitRateLimit(t.db, "test:a", 3, 60));
    expect(hits).toEqual([true, true, true, false]);
    at("2030-01-01T10:00:59Z");
    expect(await hitRateLimit(t.db, "test:a", 3, 60)).toBe(false);
    at("2030-01-01T10:01:00Z");
    expect(await hitRateLimit(t.db, "test:a", 3, 60)).toBe(true);
    const [row] = await t.db.select().from(rateLimits).where(eq(rateLimits.key, "test:a"));
    expect(row).toMatchObject({ count: 1, windowStart: new Date("2030-01-01T10:01:00Z") });
  });

  it("counts every key on its own", async () => {
    expect(await hitRateLimit(t.db, "test:b", 1, 60)).toBe(true);
    expect(await hitRateLimit(t.db, "test:c", 1, 60)).toBe(true);
    expect(await hitRateLimit(t.db, "test:b", 1, 60)).toBe(false);
  });

  it.skipIf(!onPostgres)("lets exactly `limit` of many concurrent hits through (PostgreSQL)", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => hitRateLimit(t.db, "test:race", 20, 60)));
    expect(results.filter(Boolean)).toHaveLength(20);
    const [row] = await t.db.select().from(rateLimits).where(eq(rateLimits.key, "test:race"));
    expect(row!.count).toBe(30);
  });
});
