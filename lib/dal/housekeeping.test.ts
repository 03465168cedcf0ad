import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, mailOutbox, rateLimits, sessions, users, verificationTokens } from "@/db/schema";
import { startJobs } from "@/lib/jobs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { SYSTEM } from "./actor";
import { purgeExpired, RETENTION } from "./housekeeping";
import { REDACTED_TEXT } from "./mail";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

// A fixed "now" for the job; every row is dated relative to it.
const NOW = new Date("2026-06-15T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;
const DAY = 86_400_000;

async function mail(to: string, over: Partial<typeof mailOutbox.$inferInsert>) {
  await t.db.insert(mailOutbox).values({ toAddress: to, locale: "nl", template: "meeting-logged", subject: `Over ${to}`, text: `Body for ${to}`, html: `<p>Body for ${to}</p>`, ...over });
}
const rowOf = async (to: string) => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)))[0]!;

describe("housekeeping", () => {
  it("blanks mail bodies after 30 days (keeping the delivery record), sign-in links in the demo mailbox after 15 minutes, and deletes expired tokens, sessions and rate-limit windows", async () => {
    await mail("old-sent@example.org", { status: "sent", sentAt: ago(RETENTION.mailBodyDays * DAY + MIN), transport: "smtp" });
    await mail("young-sent@example.org", { status: "sent", sentAt: ago(RETENTION.mailBodyDays * DAY - MIN) });
    await mail("old-failed@example.org", { status: "failed", nextAttemptAt: ago(31 * DAY), lastError: "550 no such user" });
    await mail("old-pending@example.org", { status: "pending", nextAttemptAt: ago(31 * DAY) });
    const link = "http://localhost:3999/api/auth/callback/nodemailer?token=abc123secret";
    await mail("mailbox-old@example.org", { template: "magic-link", secret: true, text: link, html: link, status: "sent", transport: "mailbox", sentAt: ago(16 * MIN) });
    await mail("mailbox-new@example.org", { template: "magic-link", secret: true, text: link, html: link, status: "sent", transport: "mailbox", sentAt: ago(5 * MIN) });

    const [u] = await t.db.insert(users).values({ email: "housekeeping@example.org" }).returning({ id: users.id });
    await t.db.insert(sessions).values([
      { sessionToken: "expired-session", userId: u!.id, expires: ago(1000) },
      { sessionToken: "live-session", userId: u!.id, expires: ago(-DAY) },
      // In use yesterday, but signed in 31 days ago: past the absolute lifetime.
      { sessionToken: "old-session", userId: u!.id, expires: ago(-DAY), createdAt: ago(31 * DAY) },
    ]);
    await t.db.insert(verificationTokens).values([
      { identifier: "a@example.org", token: "expired-token", expires: ago(1000) },
      { identifier: "a@example.org", token: "live-token", expires: ago(-3600_000) },
    ]);
    await t.db.insert(rateLimits).values([
      { key: "signin:addr:past", windowStart: ago(RETENTION.rateLimitWindowSeconds * 1000 + MIN), count: 5 },
      { key: "signup:ip:current", windowStart: ago(10 * MIN), count: 3 },
    ]);

    await t.db.insert(auditEvents).values([
      { action: "sign_in", actorUserId: u!.id, createdAt: ago(731 * DAY) },
      { action: "sign_in", actorUserId: u!.id, createdAt: ago(729 * DAY) },
    ]);

    expect(await purgeExpired(SYSTEM, NOW)).toEqual({ mailBodies: 2, mailboxSecrets: 1, verificationTokens: 1, sessions: 2, rateLimits: 1, auditEvents: 1 });
    expect((await t.db.select({ at: auditEvents.createdAt }).from(auditEvents)).map((e) => e.at)).toEqual([ago(729 * DAY)]);

    expect(await rowOf("old-sent@example.org")).toMatchObject({ text: "", html: "", status: "sent", subject: "Over old-sent@example.org", transport: "smtp", bodyPurgedAt: NOW });
    expect(await rowOf("old-failed@example.org")).toMatchObject({ text: "", status: "failed", lastError: "550 no such user" });
    expect((await rowOf("young-sent@example.org")).text).toBe("Body for young-sent@example.org");
    expect((await rowOf("old-pending@example.org")).text).toBe("Body for old-pending@example.org");
    expect(await rowOf("mailbox-old@example.org")).toMatchObject({ text: REDACTED_TEXT, bodyPurgedAt: NOW });
    expect((await rowOf("mailbox-new@example.org")).text).toBe(link);
    expect((await t.db.select().from(sessions)).map((s) => s.sessionToken)).toEqual(["live-session"]);
    expect((await t.db.select().from(verificationTokens)).map((v) => v.token)).toEqual(["live-token"]);
    expect((await t.db.select().from(rateLimits)).map((r) => r.key)).toEqual(["signup:ip:current"]);

    // Run again: nothing left to do.
    expect(await purgeExpired(SYSTEM, NOW)).toEqual({ mailBodies: 0, mailboxSecrets: 0, verificationTokens: 0, sessions: 0, rateLimits: 0, auditEvents: 0 });
  });

  it("runs from the app's periodic jobs at start", async () => {
    await t.db.insert(verificationTokens).values({ identifier: "b@example.org", token: "lapsed-at-start", expires: new Date(Date.now() - 1000) });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const jobs = startJobs(60_000, 3_600_000);
    await expect.poll(async () => (await t.db.select().from(verificationTokens).where(eq(verificationTokens.token, "lapsed-at-start"))).length).toBe(0);
    jobs.stop();
    log.mockRestore();
  });
});
