import { randomUUID } from "node:crypto";
import { and, desc, eq, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox, type Locale } from "@/db/schema";
import type { RenderedMail } from "@/emails/layout";
import { isProduction } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { inScope, inScopeOn, system, type Scope } from "./rls";
import type { DbOrTx, Tx } from "./tx";

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Templates whose body always carries a secret (a sign-in or confirmation link). */
export const SECRET_TEMPLATES: ReadonlySet<string> = new Set(["magic-link", "invitation", "sign-up-confirmation"]);

/** Whether a body holds a sign-in link: next-auth's callback with a one-time token. */
const carriesSignInLink = (text: string): boolean => text.includes("/api/auth/callback/");

// Due-ness is judged by the database's clock, the one that stamped `next_attempt_at` on insert:
// the worker's clock has only milliseconds (a message queued in the same millisecond looked not
// yet due) and, on another host, may run behind or ahead of the database.
const dbNow = sql`now()`;
const dbNowPlus = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

/**
 * Queues a rendered mail; call it inside the transaction that makes the change it announces.
 * A mail is marked secret when its template is one of SECRET_TEMPLATES, when the caller says so,
 * or when its body holds a sign-in link: its body is blanked once it is sent or given up.
 * `holdMs` keeps it in the outbox that long (by the database's clock), so the change can still be
 * undone and the mail dropped unsent. Returns the outbox row's id (null when nobody is told).
 */
export async function enqueueMail(
  tx: DbOrTx,
  mail: RenderedMail & { to: string; locale: Locale; template: string; organisationId?: string | null; secret?: boolean; holdMs?: number },
): Promise<string | null> {
  // Deleted accounts and anonymised enrollments carry a `.invalid` placeholder (RFC 2606): nobody to tell.
  if (mail.to.endsWith("@invalid")) return null;
  // The id is made here, not returned by the insert: inside a tenant's wall mail is insert-only
  // (no policy lets RETURNING read the row back).
  const id = randomUUID();
  await tx.insert(mailOutbox).values({
    id,
    toAddress: mail.to,
    locale: mail.locale,
    template: mail.template,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    secret: mail.secret || SECRET_TEMPLATES.has(mail.template) || carriesSignInLink(mail.text),
    organisationId: mail.organisationId ?? null,
    ...(mail.holdMs ? { nextAttemptAt: dbNowPlus(mail.holdMs) } : {}),
  });
  notifyOutbox();
  return id;
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

/** How long a claimed message is reserved for its worker (MAIL_LEASE_SECONDS; 2 minutes by default). */
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;

/** A claimed message: its lease token is what lets the claiming worker mark it. */
export type ClaimedMail = OutboxRow & { leaseToken: string };

/**
 * Claims the next due message for this worker with a lease of its own (a new token, `leaseMs`
 * long): one message per claim, so the lease covers one SMTP conversation and not a batch sent
 * one by one. A message whose lease ran out is due again. SKIP LOCKED: several workers may run.
 */
export async function claimNextMail(db: Db, leaseMs = DEFAULT_LEASE_MS): Promise<ClaimedMail | null> {
  return inScopeOn(db, OUTBOX_WORKER, (tx) => claimIn(tx, leaseMs));
}

/** The outbox holds every organisation's mail and sign-in mail of none: the worker is a named system job. */
const OUTBOX_WORKER: Scope = { kind: "system", job: "mail outbox worker" };

async function claimIn(db: Tx, leaseMs: number): Promise<ClaimedMail | null> {
  const next = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      or(
        and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, dbNow)),
        and(eq(mailOutbox.status, "sending"), lte(mailOutbox.lockedUntil, dbNow)),
      ),
    )
    .orderBy(mailOutbox.createdAt)
    .limit(1)
    .for("update", { skipLocked: true });
  const [row] = await db
    .update(mailOutbox)
    .set({ status: "sending", lockedUntil: dbNowPlus(leaseMs), leaseToken: sql`gen_random_uuid()`, attempts: sql`${mailOutbox.attempts} + 1` })
    // `= (subquery)`: evaluated once. Under row-level security `IN (subquery)` was planned so the
    // LIMIT 1 picked more than one row.
    .where(sql`${mailOutbox.id} = (${next})`)
    .returning();
  return row ? (row as ClaimedMail) : null;
}

export const MAX_MAIL_ATTEMPTS = 8;

/** Delay before the next try: 30 s, 1 min, 2 min, ... capped at one hour. */
export const retryDelayMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** What stays of a secret mail's body once it has been sent or given up. */
export const REDACTED_TEXT = "[Removed after sending: this message contained a sign-in link.]";
const REDACTED_HTML = `<p>${REDACTED_TEXT}</p>`;

/** Columns that blank a secret body (and leave any other body as it is). */
const redactSecret = {
  text: sql`CASE WHEN ${mailOutbox.secret} THEN ${REDACTED_TEXT} ELSE ${mailOutbox.text} END`,
  html: sql`CASE WHEN ${mailOutbox.secret} THEN ${REDACTED_HTML} ELSE ${mailOutbox.html} END`,
  bodyPurgedAt: sql`CASE WHEN ${mailOutbox.secret} THEN now() ELSE ${mailOutbox.bodyPurgedAt} END`,
};

/** Only the worker that holds the message's current lease may mark it. */
const leaseHeldBy = (row: Pick<ClaimedMail, "id" | "leaseToken">) =>
  and(eq(mailOutbox.id, row.id), eq(mailOutbox.leaseToken, row.leaseToken), eq(mailOutbox.status, "sending"));

/**
 * Records that the transport accepted the message; a secret body is blanked at once unless
 * `keepSecretBody` (the demo's mailbox, which shows it for a while). Returns false, and changes
 * nothing, when this worker no longer holds the lease.
 */
export async function markMailSent(db: Db, row: Pick<ClaimedMail, "id" | "leaseToken">, transport: string, opts: { keepSecretBody?: boolean } = {}): Promise<boolean> {
  const done = await inScopeOn(db, OUTBOX_WORKER, (tx) =>
    tx
      .update(mailOutbox)
      .set({ status: "sent", sentAt: sql`now()`, lockedUntil: null, leaseToken: null, lastError: null, transport, ...(opts.keepSecretBody ? {} : redactSecret) })
      .where(leaseHeldBy(row))
      .returning({ id: mailOutbox.id }),
  );
  return done.length > 0;
}

/**
 * Records a failed try: pending again after a back-off, or failed for good after MAX_MAIL_ATTEMPTS
 * (a secret body is then blanked). Returns false, and changes nothing, when this worker's lease
 * ran out and another worker has the message now (or has sent it).
 */
export async function markMailFailed(db: Db, row: Pick<ClaimedMail, "id" | "leaseToken" | "attempts">, error: string): Promise<boolean> {
  const final = row.attempts >= MAX_MAIL_ATTEMPTS;
  const done = await inScopeOn(db, OUTBOX_WORKER, (tx) =>
    tx
      .update(mailOutbox)
      .set({
        status: final ? "failed" : "pending",
        lockedUntil: null,
        leaseToken: null,
        lastError: error.slice(0, 2000),
        nextAttemptAt: dbNowPlus(retryDelayMs(row.attempts)),
        ...(final ? redactSecret : {}),
      })
      .where(leaseHeldBy(row))
      .returning({ id: mailOutbox.id }),
  );
  return done.length > 0;
}

/** The development mailbox: every queued message, newest first. Does not exist in production. */
export async function listMailbox(limit = 50): Promise<OutboxRow[]> {
  if (isProduction()) throw new NotFoundError();
  return inScope(system("dev mailbox (demo only)"), (db) => db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit));
}
