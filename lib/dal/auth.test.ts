import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mailOutbox, sessions, users, verificationTokens } from "@/db/schema";
import { hashVerificationToken } from "@/lib/auth/secret";
import { AppError, NotFoundError } from "@/lib/errors";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { SYSTEM } from "./actor";
import {
  createSignInLinkForUser,
  disableUser,
  enableUser,
  mayUserSignIn,
  normaliseEmail,
  RATE,
  requestSignInLink,
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
