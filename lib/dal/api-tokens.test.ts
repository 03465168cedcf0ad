import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, users } from "@/db/schema";
import { ConflictError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { SYSTEM } from "./actor";
import {
  actorFromApiToken,
  createApiToken,
  createApiTokenForUser,
  LAST_USED_RESOLUTION_MS,
  listApiTokens,
  MAX_ACTIVE_TOKENS,
  revokeApiToken,
  revokeApiTokenForUser,
} from "./api-tokens";
import { disableUser, enableUser } from "./auth";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof seedAndLoadActors>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await seedAndLoadActors(t.db);
});
afterAll(async () => t.close());

const rowOf = async (id: string) => (await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;

describe("API tokens", () => {
  it("creates a token shown once and stores only its SHA-256 hash and prefix", async () => {
    const { id, token, prefix } = await createApiToken(people.participant, { name: "HR-portaal" });
    expect(token).toMatch(/^kpl_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(token.slice(0, 8));
    const row = await rowOf(id);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token.slice(8));
    expect(row.prefix).toBe(prefix);
    expect(row.userId).toBe(people.participant.userId);
  });

  it("lists only the person's own active tokens, without hashes", async () => {
    const { id } = await createApiToken(people.coordinator, { name: "Coordinatie" });
    const mine = await listApiTokens(people.coordinator);
    expect(mine.map((m) => m.id)).toContain(id);
    for (const m of mine) expect(Object.keys(m).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix"]);
    expect((await listApiTokens(people.participant)).map((m) => m.id)).not.toContain(id);
    await expect(listApiTokens(null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createApiToken(null, { name: "x" })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("authenticates a token as its owner and notes the use at most once a minute", async () => {
    const { id, token } = await createApiToken(people.partner, { name: "Koppeling" });
    const now = new Date();
    const actor = await actorFromApiToken(token, now);
    expect(actor?.userId).toBe(people.partner.userId);
    expect((await rowOf(id)).lastUsedAt?.getTime()).toBe(now.getTime());
    await actorFromApiToken(token, new Date(now.getTime() + 10_000));
    expect((await rowOf(id)).lastUsedAt?.getTime()).toBe(now.getTime());
    const later = new Date(now.getTime() + LAST_USED_RESOLUTION_MS + 1);
    await actorFromApiToken(token, later);
    expect((await rowOf(id)).lastUsedAt?.getTime()).toBe(later.getTime());
  });

  it("refuses unknown and malformed tokens", async () => {
    expect(await actorFromApiToken("kpl_" + "A".repeat(43))).toBeNull();
    expect(await actorFromApiToken("not a token")).toBeNull();
    expect(await actorFromApiToken("")).toBeNull();
  });

  it("lets only the owner revoke a token (someone else gets 404), after which it no longer authenticates", async () => {
    const { id, token } = await createApiToken(people.participant, { name: "Te intrekken" });
    await expect(revokeApiToken(people.coordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeApiToken(people.otherCoordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeApiToken(people.participant, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect((await rowOf(id)).revokedAt).toBeNull();
    expect(await actorFromApiToken(token)).not.toBeNull();
    await revokeApiToken(people.participant, id);
    expect((await rowOf(id)).revokedAt).not.toBeNull();
    expect(await actorFromApiToken(token)).toBeNull();
    expect((await listApiTokens(people.participant)).map((m) => m.id)).not.toContain(id);
    await revokeApiToken(people.participant, id); // again: nothing changes, no error
  });

  it("stops authenticating the tokens of a disabled person", async () => {
    const email = "api.disabled@example.org";
    await t.db.insert(users).values({ email, name: "Uitgeschakeld" });
    const { token } = await createApiTokenForUser(SYSTEM, email, "CLI");
    expect((await actorFromApiToken(token))?.email).toBe(email);
    await disableUser(SYSTEM, email);
    expect(await actorFromApiToken(token)).toBeNull();
    await expect(createApiTokenForUser(SYSTEM, email, "Nog een")).rejects.toBeInstanceOf(ConflictError);
    await enableUser(SYSTEM, email);
    expect((await actorFromApiToken(token))?.email).toBe(email);
  });

  it("limits a person to 20 active tokens", async () => {
    const email = "api.many@example.org";
    await t.db.insert(users).values({ email, name: "Veel tokens" });
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) made.push(await createApiTokenForUser(SYSTEM, email, `t${i}`));
    await expect(createApiTokenForUser(SYSTEM, email, "een te veel")).rejects.toBeInstanceOf(ConflictError);
    await revokeApiTokenForUser(SYSTEM, email, made[0]!.id);
    await expect(createApiTokenForUser(SYSTEM, email, "weer ruimte")).resolves.toMatchObject({ token: expect.stringMatching(/^kpl_/) as unknown });
  });

  it("holds the limit when many tokens are created at once", async () => {
    const email = "api.race@example.org";
    await t.db.insert(users).values({ email, name: "Gelijktijdig" });
    const results = await Promise.allSettled(Array.from({ length: MAX_ACTIVE_TOKENS + 5 }, (_, i) => createApiTokenForUser(SYSTEM, email, `r${i}`)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_ACTIVE_TOKENS);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
  });

  it("lets the operator revoke by prefix or id, only the named person's token", async () => {
    const a = await createApiTokenForUser(SYSTEM, "participant@example.org", "Via CLI");
    await expect(revokeApiTokenForUser(SYSTEM, "coordinator@example.org", a.prefix)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeApiTokenForUser(SYSTEM, "nobody@example.org", a.prefix)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeApiTokenForUser(SYSTEM, "participant@example.org", a.prefix)).resolves.toMatchObject({ id: a.id });
    expect(await actorFromApiToken(a.token)).toBeNull();
    await expect(revokeApiTokenForUser(SYSTEM, "participant@example.org", a.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createApiTokenForUser(SYSTEM, "nobody@example.org", "x")).rejects.toBeInstanceOf(NotFoundError);
  });
});
