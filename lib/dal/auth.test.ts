import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { accounts, mailOutbox, sessions, users, verificationTokens } from "@/db/schema";
import { hashVerificationToken } from "@/lib/auth/secret";
import { AppError, NotFoundError } from "@/lib/errors";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { SYSTEM } from "./actor";
import {
  createSignInLinkForUser,
  disableUser,
  enableUser,
  getLiveSessionAndUser,
  mayUserSignIn,
  normaliseEmail,
  RATE,
  requestSignInLink,
  safeCallbackPath,
  SIGN_IN_LINK_MINUTES,
  signInPageUrl,
} from "./auth";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedAndLoadActors(t.db);
});
afterAll(async () => t.close());
afterEach(() => {
  vi.useRealTimers();
});

let ipCounter = 0;
/** A fresh client address per call site, so one test's requests do not use up another's limit. */
const freshIp = () => `192.0.2.${++ipCounter}`;

const request = (email: string, ip = freshIp()) => requestSignInLink({ email, ip, locale: "nl", callbackPath: "/nl/start" });

async function mailTo(address: string) {
  return t.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, address), eq(mailOutbox.template, "magic-link")));
}

async function addSession(email: string): Promise<string> {
  const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const token = `session-${email}-${Math.random()}`;
  await t.db.insert(sessions).values({ sessionToken: token, userId: u!.id, expires: new Date(Date.now() + 3600_000) });
  return token;
}

describe("requestSignInLink", () => {
  it("answers the same for a known and an unknown address, and mails only the known one", async () => {
    const known = await request("participant@example.org");
    const unknown = await request("nobody-here@example.org");
    expect(known).toBe("accepted");
    expect(unknown).toBe(known);

    const sent = await mailTo("participant@example.org");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.locale).toBe("nl");
    expect(sent[0]!.text).toContain("/api/auth/callback/nodemailer?");
    expect(await mailTo("nobody-here@example.org")).toHaveLength(0);
    const tokens = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "nobody-here@example.org"));
    expect(tokens).toHaveLength(0);
  });

  it("stores only a hash of the token that is in the link", async () => {
    await request("partner@example.org");
    const [mail] = await mailTo("partner@example.org");
    const token = new URL(/(http\S+callback\/nodemailer\S+)/.exec(mail!.text)![1]!).searchParams.get("token")!;
    const stored = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "partner@example.org"));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token).not.toBe(token);
    expect(stored[0]!.token).toBe(hashVerificationToken(token, process.env.AUTH_SECRET!));
  });

  it("normalises the address (trim, lower case) before looking it up and counting it", async () => {
    await request("  Coordinator@EXAMPLE.org \n");
    expect(await mailTo("coordinator@example.org")).toHaveLength(1);
    expect(await mailTo("  Coordinator@EXAMPLE.org \n")).toHaveLength(0);
    // Spelling variants of one address share one limit.
    for (let i = 1; i < RATE.perAddress; i++) expect(await request(i % 2 ? "COORDINATOR@example.org" : " coordinator@example.org")).toBe("accepted");
    expect(await request("Coordinator@Example.Org")).toBe("rate_limited");
  });

  it.each([
    ["a comma", "participant@example.org,victim@example.net"],
    ["a semicolon", "participant@example.org;victim@example.net"],
    ["angle brackets", "Pim <participant@example.org>"],
    ["a line break", "participant@example.org\nbcc: victim@example.net"],
    ["a carriage return", "participant@example.org\r\nBcc:victim@example.net"],
    ["no address at all", "not an address"],
  ])("refuses input with %s and queues nothing", async (_label, input) => {
    const before = (await t.db.select().from(mailOutbox)).length;
    const result = request(input);
    await expect(result).rejects.toBeInstanceOf(AppError);
    await expect(result).rejects.toMatchObject({ code: "invalid" });
    expect((await t.db.select().from(mailOutbox)).length).toBe(before);
  });

  it(`allows ${RATE.perAddress} requests per address in ${RATE.windowSeconds / 60} minutes, from any IP`, async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2031-03-03T09:00:00Z");
    vi.setSystemTime(start);
    const address = "li.wei@example.org";
    for (let i = 0; i < RATE.perAddress; i++) expect(await request(address)).toBe("accepted");
    expect(await request(address)).toBe("rate_limited");
    // An unknown address is limited the same way, so the limit tells nothing about accounts.
    for (let i = 0; i < RATE.perAddress; i++) expect(await request("ghost@example.org")).toBe("accepted");
    expect(await request("ghost@example.org")).toBe("rate_limited");
    expect(await mailTo(address)).toHaveLength(RATE.perAddress);

    vi.setSystemTime(new Date(start.getTime() + RATE.windowSeconds * 1000 - 1000));
    expect(await request(address)).toBe("rate_limited");
    vi.setSystemTime(new Date(start.getTime() + RATE.windowSeconds * 1000 + 1000));
    expect(await request(address)).toBe("accepted");
    expect(await mailTo(address)).toHaveLength(RATE.perAddress + 1);
  });

  it(`allows ${RATE.perIp} requests per IP in ${RATE.windowSeconds / 60} minutes, whatever the address`, async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2032-04-04T09:00:00Z");
    vi.setSystemTime(start);
    const ip = "198.51.100.7";
    for (let i = 0; i < RATE.perIp; i++) expect(await request(`visitor${i}@example.org`, ip)).toBe("accepted");
    expect(await request("admin@example.org", ip)).toBe("rate_limited");
    expect(await mailTo("admin@example.org")).toHaveLength(0);
    expect(await request("admin@example.org", "198.51.100.8")).toBe("accepted");
    vi.setSystemTime(new Date(start.getTime() + RATE.windowSeconds * 1000 + 1000));
    expect(await request("visitor99@example.org", ip)).toBe("accepted");
  });
});

describe("disabled accounts", () => {
  it("get no link, cannot sign in, and lose every session; enabling lets them in again", async () => {
    const email = "westland@example.org";
    const theirs = [await addSession(email), await addSession(email)];
    const someoneElses = await addSession("admin@example.org");
    expect(await mayUserSignIn(email)).toBe(true);

    await disableUser(SYSTEM, email);

    expect(await mayUserSignIn(email)).toBe(false);
    const left = (await t.db.select({ token: sessions.sessionToken }).from(sessions)).map((s) => s.token);
    expect(left).not.toContain(theirs[0]);
    expect(left).not.toContain(theirs[1]);
    expect(left).toContain(someoneElses);

    expect(await request(email)).toBe("accepted");
    expect(await mailTo(email)).toHaveLength(0);
    await expect(createSignInLinkForUser(SYSTEM, email)).rejects.toBeInstanceOf(NotFoundError);

    await enableUser(SYSTEM, email);
    expect(await mayUserSignIn(email)).toBe(true);
    expect(await createSignInLinkForUser(SYSTEM, email)).toContain("/api/auth/callback/nodemailer?");
  });

  it("refuses unknown addresses with NotFoundError", async () => {
    await expect(disableUser(SYSTEM, "nobody@example.org")).rejects.toBeInstanceOf(NotFoundError);
    await expect(enableUser(SYSTEM, "nobody@example.org")).rejects.toBeInstanceOf(NotFoundError);
    expect(await mayUserSignIn("nobody@example.org")).toBe(false);
  });
});

describe("createSignInLinkForUser", () => {
  it("links to next-auth's callback with the user's start page and the app URL", async () => {
    const url = new URL(await createSignInLinkForUser(SYSTEM, "li.wei@example.org"));
    expect(url.origin).toBe("http://localhost:3999");
    expect(url.pathname).toBe("/api/auth/callback/nodemailer");
    expect(url.searchParams.get("email")).toBe("li.wei@example.org");
    expect(url.searchParams.get("callbackUrl")).toBe("http://localhost:3999/zh-CN/start");
    expect(url.searchParams.get("token")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("normaliseEmail", () => {
  it("returns one lower-case mailbox or throws", () => {
    expect(normaliseEmail(" Anna.Bakker@Example.ORG ")).toBe("anna.bakker@example.org");
    expect(() => normaliseEmail("a@example.org, b@example.org")).toThrow(AppError);
    expect(() => normaliseEmail("")).toThrow(AppError);
  });
});

const tokenIn = (text: string): string =>
  new URL(/(http\S+callback\/nodemailer\S+)/.exec(text)![1]!).searchParams.get("token")!;

describe("sign-in links", () => {
  it(`work for ${SIGN_IN_LINK_MINUTES} minutes, and say so in the mail`, async () => {
    const before = Date.now();
    await request("admin@example.org");
    const [token] = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "admin@example.org"));
    expect(SIGN_IN_LINK_MINUTES).toBe(15);
    expect(token!.expires.getTime()).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(token!.expires.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    const [mail] = await mailTo("admin@example.org");
    expect(mail!.text).toMatch(/15 (minuten|minutes|分钟)/);
  });

  it("are voided by a newer link for the same address, and no one else's", async () => {
    const earlier = (await mailTo("li.wei@example.org")).length;
    await request("li.wei@example.org");
    await createSignInLinkForUser(SYSTEM, "coordinator@example.org");
    await request("li.wei@example.org");
    const mails = (await mailTo("li.wei@example.org")).slice(earlier);
    expect(mails).toHaveLength(2);
    const stored = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "li.wei@example.org"));
    // Only the newest mail's token is left; the first mail's link no longer signs in.
    expect(stored.map((r) => r.token)).toEqual([hashVerificationToken(tokenIn(mails[1]!.text), process.env.AUTH_SECRET!)]);
    expect(await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "coordinator@example.org"))).toHaveLength(1);
  });

  it("are used up by next-auth's check: a second use of the same link finds nothing", async () => {
    const url = new URL(await createSignInLinkForUser(SYSTEM, "participant@example.org"));
    // The adapter next-auth uses, on the same tables: useVerificationToken is what its email callback calls.
    const adapter = DrizzleAdapter(t.db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
    const params = { identifier: "participant@example.org", token: hashVerificationToken(url.searchParams.get("token")!, process.env.AUTH_SECRET!) };
    expect(await adapter.useVerificationToken!(params)).toMatchObject({ identifier: "participant@example.org" });
    expect(await adapter.useVerificationToken!(params)).toBeNull();
  });
});

describe("links in other mails", () => {
  it("open the sign-in page for the address with a same-site path to go to afterwards", () => {
    expect(signInPageUrl("en", "yara+test@example.org", "/en/participant")).toBe(
      "http://localhost:3999/en/sign-in?email=yara%2Btest%40example.org&callbackUrl=%2Fen%2Fparticipant",
    );
    expect(new URL(signInPageUrl("nl", "a@example.org", "https://evil.example/x")).searchParams.get("callbackUrl")).toBe("/");
  });

  it("accept only same-site paths as the place to go after signing in", () => {
    expect(safeCallbackPath("/nl/participant")).toBe("/nl/participant");
    expect(safeCallbackPath("/en/coordinator/cohorts?page=2#x")).toBe("/en/coordinator/cohorts?page=2#x");
    for (const bad of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/\tevil", "javascript:alert(1)", "nl/start", "", null, undefined, `/${"a".repeat(600)}`]) {
      expect(safeCallbackPath(bad)).toBeNull();
    }
  });
});

describe("sessions", () => {
  async function sessionFor(email: string, createdAt: Date): Promise<string> {
    const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const token = `session-${Math.random()}`;
    // Used yesterday, so next-auth's idle expiry lies well ahead.
    await t.db.insert(sessions).values({ sessionToken: token, userId: u!.id, expires: new Date(Date.now() + 29 * 86400_000), createdAt });
    return token;
  }

  it("are read with their person while younger than 30 days", async () => {
    const token = await sessionFor("coordinator@example.org", new Date(Date.now() - 29 * 86400_000));
    expect(await getLiveSessionAndUser(token)).toMatchObject({ session: { sessionToken: token }, user: { email: "coordinator@example.org" } });
    expect(await getLiveSessionAndUser("no-such-session")).toBeNull();
  });

  it("end 30 days after sign-in however active they were: refused and deleted", async () => {
    const token = await sessionFor("coordinator@example.org", new Date(Date.now() - 31 * 86400_000));
    expect(await getLiveSessionAndUser(token)).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.sessionToken, token))).toEqual([]);
  });
});
