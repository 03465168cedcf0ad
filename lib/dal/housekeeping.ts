/**
 * Koppel's housekeeping: what it keeps and for how long (the README's "Mail delivery" section
 * states the same list). Run by lib/jobs.ts every hour and at start.
 */
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { mailOutbox, rateLimits, sessions, verificationTokens } from "@/db/schema";
import { SESSION_ABSOLUTE_MAX_S } from "@/lib/auth/secret";
import type { SystemActor } from "./actor";
import { purgeAuditEvents } from "./audit";
import { RATE } from "./auth";
import { REDACTED_TEXT } from "./mail";
import { PUBLIC_FORM_RATE } from "./rate-limit";
import { inScope, system, withSignInSecrets } from "./rls";

export const RETENTION = {
  /** Bodies of sent and given-up mail; the row (to, template, subject, status, times) stays as the delivery record. */
  mailBodyDays: 30,
  /** A sign-in mail's body in the demo's /dev/mailbox (SMTP mail is blanked when sent). */
  mailboxSecretMinutes: 15,
  /** Rate-limit counters: once their window (the longest any limit uses) has passed. */
  rateLimitWindowSeconds: Math.max(RATE.windowSeconds, PUBLIC_FORM_RATE.windowSeconds),
} as const;

export interface Purged {
  mailBodies: number;
  mailboxSecrets: number;
  verificationTokens: number;
  sessions: number;
  rateLimits: number;
  auditEvents: number;
}

const minutes = (m: number, now: Date) => new Date(now.getTime() - m * 60_000);
/** When a message left the queue: sent, or (given up) its last try. */
const settledAt = sql`coalesce(${mailOutbox.sentAt}, ${mailOutbox.nextAttemptAt})`;
const settled = inArray(mailOutbox.status, ["sent", "failed"]);

/**
 * Deletes or blanks what Koppel no longer needs: mail bodies after RETENTION.mailBodyDays,
 * the demo mailbox's sign-in links after RETENTION.mailboxSecretMinutes, expired sign-in tokens
 * and sessions at once (sessions also 30 days after sign-in, however active), rate-limit counters once their window is past, audit events after two years. Returns the counts.
 */
export async function purgeExpired(_actor: SystemActor, now: Date = new Date()): Promise<Purged> {
  // The outbox spans organisations (and sign-in mail belongs to none): one named system job.
  // Sessions and rate limits are no organisation's; expired sign-in tokens are a sign-in secret no
  // scope may touch, deleted as the connecting role (withSignInSecrets).
  const scope = system("housekeeping: mail bodies, sign-in tokens, sessions, rate limits past retention");
  const { mailBodies, mailboxSecrets, tokens, expiredSessions, limits } = await inScope(scope, async (db) => ({
    mailBodies: await db
      .update(mailOutbox)
      .set({ text: "", html: "", bodyPurgedAt: now })
      .where(and(settled, lt(settledAt, minutes(RETENTION.mailBodyDays * 24 * 60, now)), sql`(${mailOutbox.bodyPurgedAt} IS NULL OR ${mailOutbox.text} <> '')`))
      .returning({ id: mailOutbox.id }),
    mailboxSecrets: await db
      .update(mailOutbox)
      .set({ text: REDACTED_TEXT, html: `<p>${REDACTED_TEXT}</p>`, bodyPurgedAt: now })
      .where(and(settled, eq(mailOutbox.secret, true), isNull(mailOutbox.bodyPurgedAt), lt(settledAt, minutes(RETENTION.mailboxSecretMinutes, now))))
      .returning({ id: mailOutbox.id }),
    tokens: await withSignInSecrets(db, scope, () => db.delete(verificationTokens).where(lt(verificationTokens.expires, now)).returning({ token: verificationTokens.token })),
    expiredSessions: await db
      .delete(sessions)
      .where(or(lt(sessions.expires, now), lt(sessions.createdAt, new Date(now.getTime() - SESSION_ABSOLUTE_MAX_S * 1000))))
      .returning({ token: sessions.sessionToken }),
    limits: await db
      .delete(rateLimits)
      .where(lt(rateLimits.windowStart, new Date(now.getTime() - RETENTION.rateLimitWindowSeconds * 1000)))
      .returning({ key: rateLimits.key }),
  }));
  return {
    mailBodies: mailBodies.length,
    mailboxSecrets: mailboxSecrets.length,
    verificationTokens: tokens.length,
    sessions: expiredSessions.length,
    rateLimits: limits.length,
    auditEvents: await purgeAuditEvents(_actor, now),
  };
}
