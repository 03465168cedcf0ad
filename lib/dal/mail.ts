import { and, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { mailOutbox, type Locale } from "@/db/schema";
import type { RenderedMail } from "@/emails/layout";
import { isProduction } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { DbOrTx } from "./tx";

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Queues a rendered mail; call it inside the transaction that makes the change it announces. */
export async function enqueueMail(
  tx: DbOrTx,
  mail: RenderedMail & { to: string; locale: Locale; template: string; organisationId?: string | null },
): Promise<void> {
  await tx.insert(mailOutbox).values({
    toAddress: mail.to,
    locale: mail.locale,
    template: mail.template,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    organisationId: mail.organisationId ?? null,
  });
  notifyOutbox();
}

const LISTENERS = Symbol.for("koppel.outboxListeners");
const g = globalThis as typeof globalThis & { [LISTENERS]?: Set<() => void> };

/** The in-process worker subscribes here to send new mail at once instead of at the next poll. */
export function onOutboxChange(listener: () => void): () => void {
  const set = (g[LISTENERS] ??= new Set());
  set.add(listener);
  return () => set.delete(listener);
}

function notifyOutbox(): void {
  for (const l of g[LISTENERS] ?? []) l();
}

const LEASE_MS = 2 * 60 * 1000;

// Due-ness is judged by the database's clock, the one that stamped `next_attempt_at` on insert:
// the worker's clock has only milliseconds (a message queued in the same millisecond looked not
// yet due) and, on another host, may run behind or ahead of the database.
const dbNow = sql`now()`;
const dbNowPlus = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

/** Claims up to `limit` due messages for this worker (SKIP LOCKED: several workers may run). */
export async function claimDueMail(db: Db, limit = 10): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        or(
          and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, dbNow)),
          and(eq(mailOutbox.status, "sending"), lte(mailOutbox.lockedUntil, dbNow)),
        ),
      )
      .orderBy(mailOutbox.createdAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(mailOutbox)
      .set({ status: "sending", lockedUntil: dbNowPlus(LEASE_MS), attempts: sql`${mailOutbox.attempts} + 1` })
      .where(
        inArray(
          mailOutbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

export const MAX_MAIL_ATTEMPTS = 8;

/** Delay before the next try: 30 s, 1 min, 2 min, ... capped at one hour. */
export const retryDelayMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

export async function markMailSent(db: Db, id: string, transport: string): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null, transport })
    .where(eq(mailOutbox.id, id));
}

export async function markMailFailed(db: Db, row: OutboxRow, error: string): Promise<void> {
  const final = row.attempts >= MAX_MAIL_ATTEMPTS;
  await db
    .update(mailOutbox)
    .set({
      status: final ? "failed" : "pending",
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      nextAttemptAt: dbNowPlus(retryDelayMs(row.attempts)),
    })
    .where(eq(mailOutbox.id, row.id));
}

/** The development mailbox: every queued message, newest first. Does not exist in production. */
export async function listMailbox(limit = 50): Promise<OutboxRow[]> {
  if (isProduction()) throw new NotFoundError();
  const db = await getDb();
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
