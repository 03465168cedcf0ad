import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mailOutbox } from "@/db/schema";
import { renderMagicLink } from "@/emails/magic-link";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { claimNextMail, enqueueMail, markMailFailed, markMailSent, MAX_MAIL_ATTEMPTS, onOutboxChange, REDACTED_TEXT, retryDelayMs } from "./mail";

// PGlite serves one connection at a time, so only a real PostgreSQL server can show a race.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());
afterEach(() => {
  vi.useRealTimers();
});
beforeEach(async () => {
  await t.db.delete(mailOutbox).where(inArray(mailOutbox.status, ["pending", "sending", "sent", "failed"]));
});

async function enqueue(to: string): Promise<void> {
  const mail = renderMagicLink("en", { url: "http://localhost:3999/x", minutes: 15 });
  await enqueueMail(t.db, { ...mail, to, locale: "en", template: "magic-link" });
}

const row = async (to: string) => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)))[0]!;

describe("the mail outbox", () => {
  it("queues a message as pending and tells in-process listeners", async () => {
    let told = 0;
    const unsubscribe = onOutboxChange(() => told++);
    await enqueue("one@example.org");
    unsubscribe();
    await enqueue("two@example.org");
    expect(told).toBe(1);
    expect(await row("one@example.org")).toMatchObject({ status: "pending", attempts: 0, locale: "en", template: "magic-link", sentAt: null });
  });

  it("claims a due message once, with a lease, and not again while the lease runs", async () => {
    await enqueue("claim@example.org");
    const first = (await claimNextMail(t.db))!;
    expect(first.toAddress).toBe("claim@example.org");
    expect(first).toMatchObject({ status: "sending", attempts: 1 });
    expect(first.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await claimNextMail(t.db)).toBeNull();

    // A worker that died mid-send: once its lease has run out the message is claimed again, with a new lease.
    await t.db.update(mailOutbox).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(mailOutbox.id, first.id));
    const again = (await claimNextMail(t.db))!;
    expect([again.id, again.attempts]).toEqual([first.id, 2]);
    expect(again.leaseToken).not.toBe(first.leaseToken);

    // The first worker's late answers count for nothing: neither "sent" nor "failed" is recorded.
    expect(await markMailFailed(t.db, first, "timeout")).toBe(false);
    expect(await markMailSent(t.db, first, "smtp")).toBe(false);
    expect(await row("claim@example.org")).toMatchObject({ status: "sending", leaseToken: again.leaseToken, lastError: null });
    expect(await markMailSent(t.db, again, "smtp")).toBe(true);
    expect(await markMailFailed(t.db, again, "late failure")).toBe(false);
    expect(await row("claim@example.org")).toMatchObject({ status: "sent", transport: "smtp", lastError: null });
  });

  it("does not claim a message whose next attempt lies in the future, or one that is sent", async () => {
    await enqueue("later@example.org");
    await enqueue("done@example.org");
    const later = await row("later@example.org");
    await t.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() + 60_000) }).where(eq(mailOutbox.id, later.id));
    const done = await claimNextMail(t.db);
    expect(done!.toAddress).toBe("done@example.org");
    await markMailSent(t.db, done!, "fake");
    expect(await row("done@example.org")).toMatchObject({ status: "sent", transport: "fake", lockedUntil: null });
    expect((await row("done@example.org")).sentAt).toBeInstanceOf(Date);
    expect(await claimNextMail(t.db)).toBeNull();
  });

  it("backs off after a failure and gives up after MAX_MAIL_ATTEMPTS", async () => {
    await enqueue("flaky@example.org");
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      const claimed = await claimNextMail(t.db);
      expect(claimed?.attempts).toBe(attempt);
      const before = Date.now();
      await markMailFailed(t.db, claimed!, `421 try again (${attempt})`);
      const after = await row("flaky@example.org");
      expect(after.status).toBe(attempt < MAX_MAIL_ATTEMPTS ? "pending" : "failed");
      expect(after.lastError).toBe(`421 try again (${attempt})`);
      expect(after.lockedUntil).toBeNull();
      expect(after.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(attempt) - 5);
      expect(await claimNextMail(t.db)).toBeNull();
      await t.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(mailOutbox.id, after.id));
    }
    expect(await claimNextMail(t.db)).toBeNull();
    expect(await row("flaky@example.org")).toMatchObject({ status: "failed", attempts: MAX_MAIL_ATTEMPTS });
  });

  // On PGlite the database's clock is this process's clock, so only PostgreSQL can differ.
  it.skipIf(!onPostgres)("judges what is due by the database's clock, even when the worker's runs behind (PostgreSQL)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 5 * 60_000);
    await enqueue("skew@example.org");
    const claimed = await claimNextMail(t.db);
    expect(claimed?.toAddress).toBe("skew@example.org");
    await markMailFailed(t.db, claimed!, "421 busy");
    // The back-off counts from the database's now, not from the worker's clock five minutes back.
    expect(await claimNextMail(t.db)).toBeNull();
    const after = await row("skew@example.org");
    vi.useRealTimers();
    expect(after.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) - 5000);
  });

  it("waits 30 s, then twice as long each time, at most an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it.skipIf(!onPostgres)("never lets two concurrent claims take the same message (PostgreSQL)", async () => {
    const total = 60;
    for (let i = 0; i < total; i++) await enqueue(`race${i}@example.org`);
    const seen = new Map<string, number>();
    for (let round = 0; round < 20 && seen.size < total; round++) {
      const claims = await Promise.all(Array.from({ length: 12 }, () => claimNextMail(t.db)));
      for (const r of claims) if (r) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    }
    expect([...seen.values()].filter((n) => n > 1)).toEqual([]);
    expect(seen.size).toBe(total);
    const rows = await t.db.select({ attempts: mailOutbox.attempts }).from(mailOutbox);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it("blanks a sign-in mail's body once it is sent or given up, keeping who, what and when", async () => {
    const token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const link = `http://localhost:3999/api/auth/callback/nodemailer?token=${token}&email=x%40example.org`;
    await enqueueMail(t.db, { ...renderMagicLink("en", { url: link, minutes: 15 }), to: "secret@example.org", locale: "en", template: "magic-link" });
    // Any template with a sign-in link in it counts as secret too.
    await enqueueMail(t.db, { subject: "Welcome", text: `Open ${link}`, html: `<a href="${link}">Open</a>`, to: "given-up@example.org", locale: "en", template: "enrollment-accepted" });
    await enqueueMail(t.db, { subject: "Confirm", text: "Confirm: http://localhost:3999/nl/programmes/x/confirm?token=abc", html: "", to: "confirm@example.org", locale: "nl", template: "sign-up-confirmation" });
    await enqueueMail(t.db, { subject: "Hello", text: "No secret here", html: "<p>No secret here</p>", to: "plain@example.org", locale: "en", template: "meeting-logged" });
    expect((await row("secret@example.org")).text).toContain(token);

    expect((await row("confirm@example.org")).secret).toBe(true);
    await t.db.delete(mailOutbox).where(eq(mailOutbox.toAddress, "confirm@example.org"));
    for (let i = 0; i < 3; i++) {
      const claimed = (await claimNextMail(t.db))!;
      if (claimed.toAddress === "given-up@example.org") await markMailFailed(t.db, { ...claimed, attempts: MAX_MAIL_ATTEMPTS }, "550 no such user");
      else await markMailSent(t.db, claimed, "smtp");
    }
    const all = await t.db.select().from(mailOutbox);
    expect(all.filter((r) => JSON.stringify(r).includes(token))).toEqual([]);
    expect(await row("secret@example.org")).toMatchObject({ status: "sent", secret: true, subject: "Your sign-in link for Koppel", text: REDACTED_TEXT });
    expect((await row("secret@example.org")).bodyPurgedAt).toBeInstanceOf(Date);
    expect(await row("given-up@example.org")).toMatchObject({ status: "failed", secret: true, text: REDACTED_TEXT });
    expect(await row("plain@example.org")).toMatchObject({ status: "sent", secret: false, text: "No secret here", bodyPurgedAt: null });
  });

  it("keeps a secret body while it is only pending, and when the demo mailbox asks to keep it", async () => {
    await enqueue("pending@example.org");
    const claimed = (await claimNextMail(t.db))!;
    await markMailFailed(t.db, claimed, "421 busy");
    expect((await row("pending@example.org")).text).toContain("http://localhost:3999/x");
    await t.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(mailOutbox.id, claimed.id));
    await markMailSent(t.db, (await claimNextMail(t.db))!, "mailbox", { keepSecretBody: true });
    expect(await row("pending@example.org")).toMatchObject({ status: "sent", transport: "mailbox", bodyPurgedAt: null });
    expect((await row("pending@example.org")).text).toContain("http://localhost:3999/x");
  });
});
