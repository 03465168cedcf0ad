import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mailOutbox } from "@/db/schema";
import { renderMagicLink } from "@/emails/magic-link";
import { enqueueMail, MAX_MAIL_ATTEMPTS, retryDelayMs, type OutboxRow } from "@/lib/dal/mail";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import type { MailTransport } from "./transport";
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
  const mail = renderMagicLink("nl", { url: "http://localhost:3999/x", hours: 1 });
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
