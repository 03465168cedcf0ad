/**
 * Transactions of the DAL, and the one order in which they lock rows.
 *
 * LOCK ORDER. A transaction that locks more than one kind of row takes them in this order, and
 * rows of one kind in ascending id (or `seq`) order, so two transactions can never wait for each
 * other in a circle (PostgreSQL error 40P01, deadlock detected):
 *
 *   1. the cohort row           `lockCohortRow` / `lockCohort` (FOR NO KEY UPDATE)
 *   2. cohort_partners rows     `linkedPartners(…, { lock: true })`, cohort-partners.ts
 *   3. partners rows            FOR SHARE while pairing (a decision on a partner locks it FOR UPDATE)
 *   4. enrollments rows         `candidates(…, { lock: true })`, decisions, withdrawals, offers
 *   5. pairs rows               FOR NO KEY UPDATE, and inserts (their foreign keys share-lock 1, 3, 4)
 *   6. meetings rows            FOR UPDATE on a response; inserts share-lock their pair
 *
 * Inserting a row takes a KEY SHARE lock on every row its foreign keys point to: a pair insert
 * locks its cohort, partner and enrollment. That is why a pairing locks its cohort first, like an
 * enrollment decision does: before, a pairing held an enrollment and waited for the cohort (the
 * pair's foreign key) while a decision held the cohort and waited for that enrollment. The
 * cohort is locked FOR NO KEY UPDATE, not FOR UPDATE: it does not change the cohort's key, so
 * foreign-key checks of other tables (KEY SHARE) do not queue behind it.
 *
 * Row-level security (the role and organisation a transaction runs as) is described in rls.ts;
 * `inScope`/`asActor` there open their transactions through `transaction()` below.
 *
 * `transaction()` retries a whole transaction that PostgreSQL aborted as a deadlock victim or a
 * serialization failure; the order above keeps that a safety net, not the normal path.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** PostgreSQL errors after which the same transaction may succeed when run again. */
const RETRYABLE = new Set(["40P01", "40001"]);

/** The SQLSTATE of a database error, looked up through drizzle's wrapping (`cause`). */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const TRANSACTION_ATTEMPTS = 3;

/**
 * Runs `fn` in a transaction; when PostgreSQL aborts it as a deadlock victim (40P01) or for a
 * serialization failure (40001), runs the whole of it again, up to three attempts, after a short
 * jittered pause. Everything the failed attempt wrote, mail queued in the outbox included, was
 * rolled back with it, so `fn` must have no effects outside the database.
 */
export async function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, opts: { attempts?: number; onRetry?: (code: string, attempt: number) => void } = {}): Promise<T> {
  const attempts = opts.attempts ?? TRANSACTION_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (err) {
      const code = sqlState(err);
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw err;
      opts.onRetry?.(code, attempt);
      console.warn(`[koppel] transaction aborted (${code}), attempt ${attempt} of ${attempts}; trying again`);
      // 10–50 ms, then 20–100 ms: the two transactions that collided come apart.
      await new Promise((r) => setTimeout(r, (10 + Math.random() * 40) * attempt));
    }
  }
}

/** Locks a cohort's row (step 1 of the lock order) until the transaction ends. */
export async function lockCohortRow(tx: Tx, cohortId: string): Promise<boolean> {
  const result = await tx.execute(sql`SELECT id FROM cohorts WHERE id = ${cohortId} FOR NO KEY UPDATE`);
  return result.rows.length > 0;
}

/** lockCohortRow for a change to the cohort's own records: 404 when it is gone, `archived` (409) when it is archived (read-only). */
export async function lockWritableCohortRow(tx: Tx, cohortId: string): Promise<void> {
  const result = await tx.execute<{ archived: boolean }>(sql`SELECT archived_at IS NOT NULL AS archived FROM cohorts WHERE id = ${cohortId} FOR NO KEY UPDATE`);
  const row = result.rows[0];
  if (!row) throw new NotFoundError();
  if (row.archived) throw new ConflictError("archived");
}
