import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { memberships, sessions, users } from "@/db/schema";
import { sessionCookie } from "@/lib/auth/secret";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { SYSTEM } from "./actor";
import { disableUser, enableUser } from "./auth";
import { ORG_COOKIE, getCurrentActor } from "./session";

// The request's cookies, as next/headers would give them inside a request.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));

let t: TestDatabase;
let people: Awaited<ReturnType<typeof seedAndLoadActors>>;
const DAY = 86400_000;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await seedAndLoadActors(t.db);
});
afterAll(async () => t.close());
beforeEach(() => jar.clear());

async function signedIn(email: string, opts: { createdAgo?: number; expiresIn?: number } = {}): Promise<string> {
  const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const token = `session-${Math.random()}`;
  await t.db.insert(sessions).values({
    sessionToken: token,
    userId: u!.id,
    expires: new Date(Date.now() + (opts.expiresIn ?? 29.5 * DAY)),
    createdAt: new Date(Date.now() - (opts.createdAgo ?? DAY)),
  });
  jar.set(sessionCookie().name, token);
  return token;
}

/** Runs `fn` and counts the SQL statements it sends to the database. */
async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const client = (t.db as unknown as { $client: unknown }).$client as { query: (...args: unknown[]) => Promise<unknown> };
  const spy = vi.spyOn(client, "query");
  try {
    const result = await fn();
    return { result, queries: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

const sessionRow = (token: string) => t.db.select().from(sessions).where(eq(sessions.sessionToken, token));

describe("getCurrentActor", () => {
  it("sends no query at all without a session cookie", async () => {
    jar.set(ORG_COOKIE, people.foundation.id);
    const { result, queries } = await countQueries(() => getCurrentActor());
    expect(result).toBeNull();
    expect(queries).toBe(0);
  });

  it("resolves the person and all their organisations in one query", async () => {
    await signedIn("coordinator@example.org");
    const { result, queries } = await countQueries(() => getCurrentActor());
    expect(queries).toBe(1);
    expect(result).toEqual(people.coordinator);
  });

  it("is nobody for an unknown session token, in one query", async () => {
    jar.set(sessionCookie().name, "no-such-session");
    const { result, queries } = await countQueries(() => getCurrentActor());
    expect(result).toBeNull();
    expect(queries).toBe(1);
  });

  it("works in the organisation the org cookie names, and only among the person's own", async () => {
    const [extra] = await t.db
      .insert(memberships)
      .values({ organisationId: people.westland.id, userId: people.coordinator.userId, role: "participant" })
      .returning();
    try {
      await signedIn("coordinator@example.org");
      const first = (await getCurrentActor())!;
      expect(first.memberships.map((m) => m.organisationId).sort()).toEqual([people.foundation.id, people.westland.id].sort());
      jar.set(ORG_COOKIE, people.westland.id);
      expect((await getCurrentActor())!.current).toMatchObject({ organisationId: people.westland.id, role: "participant" });
      jar.set(ORG_COOKIE, people.foundation.id);
      expect((await getCurrentActor())!.current).toMatchObject({ organisationId: people.foundation.id, role: "coordinator" });
      jar.set(ORG_COOKIE, "00000000-0000-4000-8000-000000000000");
      expect((await getCurrentActor())!.current?.organisationId).toBe(first.current?.organisationId);
    } finally {
      await t.db.delete(memberships).where(eq(memberships.id, extra!.id));
    }
  });

  it("drops a removed membership on the next request", async () => {
    const [extra] = await t.db
      .insert(memberships)
      .values({ organisationId: people.westland.id, userId: people.participant.userId, role: "coordinator" })
      .returning();
    await signedIn("participant@example.org");
    jar.set(ORG_COOKIE, people.westland.id);
    expect((await getCurrentActor())!.current?.organisationId).toBe(people.westland.id);
    await t.db.delete(memberships).where(and(eq(memberships.id, extra!.id)));
    const after = (await getCurrentActor())!;
    expect(after.memberships.map((m) => m.organisationId)).not.toContain(people.westland.id);
    expect(after.current?.organisationId).not.toBe(people.westland.id);
  });

  it("is someone without any membership: signed in, working nowhere", async () => {
    const [u] = await t.db.insert(users).values({ email: "lonely@example.org", locale: "en" }).returning();
    await signedIn(u!.email);
    expect(await getCurrentActor()).toMatchObject({ userId: u!.id, memberships: [], current: null, locale: "en" });
  });

  it("refuses and deletes a session 30 days after sign-in, however recently used", async () => {
    const token = await signedIn("coordinator@example.org", { createdAgo: 31 * DAY, expiresIn: 29 * DAY });
    expect(await getCurrentActor()).toBeNull();
    expect(await sessionRow(token)).toEqual([]);
  });

  it("refuses and deletes a session past its idle expiry", async () => {
    const token = await signedIn("coordinator@example.org", { createdAgo: 2 * DAY, expiresIn: -1000 });
    expect(await getCurrentActor()).toBeNull();
    expect(await sessionRow(token)).toEqual([]);
  });

  it("pushes the idle expiry forward at most once a day", async () => {
    const token = await signedIn("coordinator@example.org", { createdAgo: 3 * DAY, expiresIn: 27 * DAY });
    const { queries } = await countQueries(() => getCurrentActor());
    expect(queries).toBe(2);
    const [row] = await sessionRow(token);
    expect(row!.expires.getTime()).toBeGreaterThan(Date.now() + 29.9 * DAY);
    expect((await countQueries(() => getCurrentActor())).queries).toBe(1);
  });

  it("is nobody once the account is disabled", async () => {
    await signedIn("partner@example.org");
    expect(await getCurrentActor()).not.toBeNull();
    await disableUser(SYSTEM, "partner@example.org");
    try {
      expect(await getCurrentActor()).toBeNull();
    } finally {
      await enableUser(SYSTEM, "partner@example.org");
    }
  });
});
