import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mailOutbox } from "@/db/schema";
import { renderMagicLink } from "@/emails/magic-link";
import { enqueueMail, MAX_MAIL_ATTEMPTS, retryDelayMs, type OutboxRow } from "@/lib/dal/mail";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/smtp-sink";
import { messageIdFor, smtpTimeouts, smtpTransport, type MailTransport } from "./transport";
import { processOutbox, startOutboxWorker } from "./worker";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.db.delete(mailOutbox).where(inArray(mailOutbox.status, ["pending", "sending", "sent", "failed"]));
});

async function enqueue(to: string): Promise<void> {
  const mail = renderMagicLink("nl", { url: "http://localhost:3999/x", minutes: 15 });
  await enqueueMail(t.db, { ...mail, to, locale: "nl", template: "magic-link" });
}

/** Records what it was asked to send; fails while `failing` is set. */
function fakeTransport(failing?: string): MailTransport & { sent: OutboxRow[]; tries: number } {
  const transport = {
    name: "fake",
    sent: [] as OutboxRow[],
    tries: 0,
    async send(row: OutboxRow) {
      transport.tries++;
      await Promise.resolve();
      if (failing) throw new Error(failing);
      transport.sent.push(row);
    },
  };
  return transport;
}

const row = async (to: string) => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)))[0]!;

describe("processOutbox", () => {
  it("sends each due message once and marks it sent", async () => {
    await enqueue("a@example.org");
    await enqueue("b@example.org");
    const transport = fakeTransport();
    expect(await processOutbox(t.db, transport)).toBe(2);
    expect(transport.sent.map((r) => r.toAddress).sort()).toEqual(["a@example.org", "b@example.org"]);
    expect(transport.sent[0]!.subject).toBe("Je aanmeldlink voor Koppel");
    expect(await row("a@example.org")).toMatchObject({ status: "sent", transport: "fake", attempts: 1, lastError: null });
    expect(await processOutbox(t.db, transport)).toBe(0);
    expect(transport.tries).toBe(2);
  });

  it("sends batch after batch until the outbox is empty", async () => {
    for (let i = 0; i < 25; i++) await enqueue(`bulk${i}@example.org`);
    const transport = fakeTransport();
    expect(await processOutbox(t.db, transport)).toBe(25);
    expect(new Set(transport.sent.map((r) => r.id)).size).toBe(25);
  });

  it("marks a failure for a later try, then gives up after MAX_MAIL_ATTEMPTS", async () => {
    await enqueue("down@example.org");
    const transport = fakeTransport("connect ECONNREFUSED 127.0.0.1:25");
    const before = Date.now();
    expect(await processOutbox(t.db, transport)).toBe(0);
    let r = await row("down@example.org");
    expect(r).toMatchObject({ status: "pending", attempts: 1, lastError: "connect ECONNREFUSED 127.0.0.1:25", sentAt: null });
    expect(r.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(1) - 5);
    // Not due yet: a second run leaves it alone.
    expect(await processOutbox(t.db, transport)).toBe(0);
    expect(transport.tries).toBe(1);

    for (let i = 2; i <= MAX_MAIL_ATTEMPTS + 2; i++) {
      await t.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(mailOutbox.id, r.id));
      await processOutbox(t.db, transport);
      r = await row("down@example.org");
    }
    expect(transport.tries).toBe(MAX_MAIL_ATTEMPTS);
    expect(r).toMatchObject({ status: "failed", attempts: MAX_MAIL_ATTEMPTS });
  });

  it("recovers when the transport works again", async () => {
    await enqueue("later@example.org");
    expect(await processOutbox(t.db, fakeTransport("timeout"))).toBe(0);
    const r = await row("later@example.org");
    await t.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(mailOutbox.id, r.id));
    const working = fakeTransport();
    expect(await processOutbox(t.db, working)).toBe(1);
    expect(await row("later@example.org")).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });
});

describe("startOutboxWorker", () => {
  it("sends what is queued at start and what is queued later, and stops cleanly", async () => {
    await enqueue("early@example.org");
    const transport = fakeTransport();
    // A long interval: the second message can only go out because enqueueMail wakes the worker.
    const worker = startOutboxWorker(t.db, transport, 60_000);
    await expect.poll(() => transport.sent.length, { timeout: 5000 }).toBe(1);
    await enqueue("late@example.org");
    await expect.poll(() => transport.sent.length, { timeout: 5000 }).toBe(2);
    await worker.stop();
    await enqueue("after-stop@example.org");
    await new Promise((r) => setTimeout(r, 200));
    expect(transport.sent.map((r) => r.toAddress)).toEqual(["early@example.org", "late@example.org"]);
    expect((await row("after-stop@example.org")).status).toBe("pending");
  });
});

describe("two workers and a slow or failing SMTP server", () => {
  const sinks: SmtpSink[] = [];
  const sink = async (opts: Parameters<typeof startSmtpSink>[0] = {}) => {
    const s = await startSmtpSink(opts);
    sinks.push(s);
    return s;
  };
  afterAll(async () => Promise.all(sinks.map((s) => s.close())));
  const FROM = "Koppel <no-reply@koppel.example.org>";
  const APP = "http://localhost:3999";
  const countById = (s: SmtpSink) => {
    const n = new Map<string, number>();
    for (const m of s.received) n.set(m.messageId ?? "?", (n.get(m.messageId ?? "?") ?? 0) + 1);
    return n;
  };

  it("delivers each message once when the server is slower than a batch's lease would allow", async () => {
    const slow = await sink({ delayMs: 300 });
    for (let i = 0; i < 10; i++) await enqueue(`slow${i}@example.org`);
    const opts = { leaseMs: 2000 };
    // Ten messages at 0.3 s each take 3 s: longer than the 2 s lease, but each claim covers one message.
    const workers = [0, 1].map(() => startOutboxWorker(t.db, smtpTransport(slow.url, FROM, { appUrl: APP, ...opts }), 100, opts));
    await expect.poll(async () => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.status, "sent"))).length, { timeout: 10_000, interval: 100 }).toBe(10);
    // Longer than a lease: a worker that thought a message abandoned would have sent it again by now.
    await new Promise((r) => setTimeout(r, 2500));
    await Promise.all(workers.map((w) => w.stop()));
    expect(slow.received).toHaveLength(10);
    expect([...countById(slow).values()]).toEqual(Array.from({ length: 10 }, () => 1));
    const rows = await t.db.select().from(mailOutbox);
    expect(new Set(slow.received.map((m) => m.messageId))).toEqual(new Set(rows.map((r) => messageIdFor(r.id, APP))));
  });

  it("keeps a message sent when a worker whose lease ran out reports a failure afterwards", async () => {
    const failingLate = await sink({ delayMs: 2000, failWith: { code: 451, message: "try again later" } });
    const good = await sink();
    await enqueue("late@example.org");
    const opts = { leaseMs: 2000 };
    // Worker A stalls past its 1 s lease (its own limits are set beyond the lease to stand for a stalled process).
    const a = processOutbox(t.db, smtpTransport(failingLate.url, FROM, { appUrl: APP, leaseMs: 20_000 }), { leaseMs: 1000, sendTimeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 1300));
    // Worker B finds the lease run out, claims the message and delivers it.
    expect(await processOutbox(t.db, smtpTransport(good.url, FROM, { appUrl: APP, ...opts }), opts)).toBe(1);
    expect(await row("late@example.org")).toMatchObject({ status: "sent", attempts: 2 });
    // A's late 451 arrives now; it must not turn "sent" back into "pending".
    expect(await a).toBe(0);
    expect(failingLate.attempts).toBe(1);
    expect(await row("late@example.org")).toMatchObject({ status: "sent", lastError: null });
    expect(await processOutbox(t.db, smtpTransport(good.url, FROM, { appUrl: APP, ...opts }), opts)).toBe(0);
    expect(good.received).toHaveLength(1);
    expect(good.received[0]!.messageId).toBe(messageIdFor((await row("late@example.org")).id, APP));
  });

  it("uses one Message-ID for every try of a message, made from the outbox row and APP_URL's host", async () => {
    const refusing = await sink({ failWith: { code: 451, message: "greylisted" } });
    const good = await sink();
    await enqueue("retry@example.org");
    expect(await processOutbox(t.db, smtpTransport(refusing.url, FROM, { appUrl: APP }))).toBe(0);
    const r = await row("retry@example.org");
    expect(r).toMatchObject({ status: "pending", attempts: 1 });
    await t.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(mailOutbox.id, r.id));
    expect(await processOutbox(t.db, smtpTransport(good.url, FROM, { appUrl: APP }))).toBe(1);
    expect(good.received.map((m) => m.messageId)).toEqual([`<${r.id}@localhost>`]);
  });

  it("gives up on a server that stops answering well before the lease runs out", async () => {
    const mute = await sink({ delayMs: 10_000 });
    await enqueue("mute@example.org");
    const started = Date.now();
    expect(await processOutbox(t.db, smtpTransport(mute.url, FROM, { appUrl: APP, leaseMs: 2000 }), { leaseMs: 2000 })).toBe(0);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await row("mute@example.org")).toMatchObject({ status: "pending", attempts: 1 });
    // With the default 2-minute lease every SMTP timeout stays under a minute.
    expect(Math.max(...Object.values(smtpTimeouts(120_000)))).toBeLessThanOrEqual(30_000);
  });
});
