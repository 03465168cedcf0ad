/**
 * Retention per programme: a cohort's participants' personal data is anonymised once the
 * programme's number of months (retentionMonths, default 24) has passed since the cohort's end
 * date. What reports count stays: enrollments with their status and dates, pairs, meetings and
 * their durations. Each enrollment is moved to a stand-in account of its own
 * (`anonymised-<enrollment id>@invalid`), so the person's own account, and their other cohorts,
 * are not touched.
 */
import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { cohorts, enrollments, memberships, partners, programmes, signUpRequests, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { eraseAccount } from "./account-deletion";
import { assertRole, COORDINATING, type Actor, type SystemActor } from "./actor";
import { lockCohort } from "./enrollment-rules";
import { applyScope, asActor, inScope, narrowTo, system, tenant } from "./rls";
import type { Tx } from "./tx";
import { isUuid } from "./programmes";

/** Days ahead the programme page lists cohorts about to be anonymised. */
export const RETENTION_NOTICE_DAYS = 60;

/** The calendar date a cohort is anonymised on: its end date plus the programme's months (month ends clamp, as PostgreSQL does). */
const anonymiseOn = sql<string>`to_char(${cohorts.endDate} + make_interval(months => ${programmes.retentionMonths}), 'YYYY-MM-DD')`;
/** Today in the cohort's own time zone, at `now`. */
const todayInCohort = (now: Date) => sql`(${now.toISOString()}::timestamptz AT TIME ZONE ${cohorts.timeZone})::date`;

export interface CohortRetention {
  retentionMonths: number;
  /** `YYYY-MM-DD`, in the cohort's time zone. */
  anonymiseOn: string;
  anonymisedAt: Date | null;
}

/** When a cohort's personal data is (or was) anonymised; for its coordinators. */
export async function getCohortRetention(actor: Actor | null, cohortId: string): Promise<CohortRetention> {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const [row] = await asActor(actor, (db) =>
    db
      .select({ organisationId: cohorts.organisationId, retentionMonths: programmes.retentionMonths, anonymiseOn, anonymisedAt: cohorts.anonymisedAt })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(eq(cohorts.id, cohortId)),
  );
  if (!row) throw new NotFoundError();
  assertRole(actor, row.organisationId, COORDINATING);
  return { retentionMonths: row.retentionMonths, anonymiseOn: row.anonymiseOn, anonymisedAt: row.anonymisedAt };
}

export interface DueCohort {
  id: string;
  name: string;
  endDate: string;
  anonymiseOn: string;
}

/** A programme's cohorts not yet anonymised whose date falls within `days` days (or has passed). */
export async function listCohortsDueForAnonymisation(
  actor: Actor | null,
  programmeId: string,
  opts: { now?: Date; days?: number } = {},
): Promise<DueCohort[]> {
  if (!isUuid(programmeId)) throw new NotFoundError();
  const now = opts.now ?? new Date();
  const days = opts.days ?? RETENTION_NOTICE_DAYS;
  return asActor(actor, async (db) => {
    const [programme] = await db.select({ organisationId: programmes.organisationId }).from(programmes).where(eq(programmes.id, programmeId));
    if (!programme) throw new NotFoundError();
    assertRole(actor, programme.organisationId, COORDINATING);
    await narrowTo(db, programme.organisationId);
    return db
      .select({ id: cohorts.id, name: cohorts.name, endDate: cohorts.endDate, anonymiseOn })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(
        and(
          eq(cohorts.programmeId, programmeId),
          isNull(cohorts.anonymisedAt),
          sql`${cohorts.endDate} + make_interval(months => ${programmes.retentionMonths}) <= ${todayInCohort(now)} + ${days}::int`,
        ),
      )
      .orderBy(asc(cohorts.endDate), asc(cohorts.name));
  });
}

/** Free text people wrote (reasons) is cleared; the reason keys Koppel itself writes ("placeFreed", "enrollment:withdrawn") stay. */
const KEY_REASON = "^[a-z][A-Za-z]*(:[a-z]+)?$";

/**
 * Koppel's own job: anonymises every cohort whose retention period has ended (end date plus the
 * programme's months, in the cohort's zone, reached at `now`) and that is not anonymised yet.
 * Idempotent; each cohort is done under its lock in one transaction. Returns the cohorts done.
 */
export async function anonymiseExpiredCohorts(_actor: SystemActor, now: Date = new Date()): Promise<{ cohorts: number; enrollments: number }> {
  // Only which cohorts are due is read across organisations; each is anonymised behind its own
  // organisation's wall (and an account left empty in that person's scope).
  const due = await inScope(system("retention: cohorts past their retention period"), (db) =>
    db
      .select({ id: cohorts.id, organisationId: cohorts.organisationId })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(and(isNull(cohorts.anonymisedAt), sql`${cohorts.endDate} + make_interval(months => ${programmes.retentionMonths}) <= ${todayInCohort(now)}`))
      .orderBy(asc(cohorts.id)),
  );
  let done = 0;
  let people = 0;
  for (const { id, organisationId } of due) {
    const n = await inScope(tenant(organisationId), async (tx) => {
      await lockCohort(tx, id);
      const [again] = await tx.select({ anonymisedAt: cohorts.anonymisedAt }).from(cohorts).where(eq(cohorts.id, id));
      if (again?.anonymisedAt) return null;
      const people = await tx.selectDistinct({ userId: enrollments.userId }).from(enrollments).where(eq(enrollments.cohortId, id));
      // A stand-in account per enrollment, so the person's own account (and other cohorts) stay theirs.
      await tx.execute(sql`
        INSERT INTO users (id, email, disabled_at, deleted_at)
        SELECT 'anonymised-' || e.id, 'anonymised-' || e.id || '@invalid', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        FROM enrollments e WHERE e.cohort_id = ${id}
        ON CONFLICT DO NOTHING`);
      // The person's own steps in the history now point at the stand-in; coordinators' free text goes.
      await tx.execute(sql`
        UPDATE enrollment_events ev
        SET actor_user_id = CASE WHEN ev.actor_user_id = e.user_id THEN 'anonymised-' || e.id ELSE ev.actor_user_id END,
            reason = CASE WHEN ev.reason ~ ${KEY_REASON} THEN ev.reason ELSE '' END
        FROM enrollments e WHERE ev.enrollment_id = e.id AND e.cohort_id = ${id}`);
      const changed = await tx.execute(sql`
        UPDATE enrollments
        SET user_id = 'anonymised-' || id, employer = '', department = '', job_title = '', motivation = '',
            answers = '{}'::jsonb, languages = '{}', region = NULL, available_half_days = NULL, offer_expires_at = NULL
        WHERE cohort_id = ${id}
        RETURNING id`);
      await tx.execute(sql`
        UPDATE meetings m SET notes = '', dispute_comment = NULL, logged_by_id = NULL, responded_by_id = NULL
        FROM pairs p WHERE m.pair_id = p.id AND p.cohort_id = ${id}`);
      await tx.execute(sql`
        UPDATE pairs SET end_reason = CASE WHEN end_reason ~ ${KEY_REASON} THEN end_reason ELSE '' END WHERE cohort_id = ${id}`);
      await tx.execute(sql`
        UPDATE pair_events pe SET reason = CASE WHEN pe.reason ~ ${KEY_REASON} THEN pe.reason ELSE '' END
        FROM pairs p WHERE pe.pair_id = p.id AND p.cohort_id = ${id}`);
      await tx.delete(signUpRequests).where(eq(signUpRequests.cohortId, id));
      await tx.update(cohorts).set({ anonymisedAt: now }).where(eq(cohorts.id, id));
      await eraseAccountsLeftEmpty(
        tx,
        people.map((p) => p.userId),
        now,
      );
      return rowCount(changed);
    });
    if (n !== null) {
      done++;
      people += n;
    }
  }
  return { cohorts: done, enrollments: people };
}

/**
 * An account that existed only for anonymised cohorts (no other sign-up, no partner, no role but
 * participant) holds nothing any more but a name and an address: it is erased as a deletion would.
 * Whether anything is left is asked in that person's own scope (every organisation); the
 * transaction is left in the last person's scope, so this comes last.
 */
async function eraseAccountsLeftEmpty(tx: Tx, userIds: string[], now: Date): Promise<void> {
  const ids = userIds.filter((u) => !u.startsWith("anonymised-"));
  if (ids.length === 0) return;
  const candidates = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deletedAt)))
    .orderBy(asc(users.id))
    .for("update");
  for (const u of candidates) {
    await applyScope(tx, { kind: "person", userId: u.id });
    const [[e], [p], [r]] = await Promise.all([
      tx.select({ n: count() }).from(enrollments).where(eq(enrollments.userId, u.id)),
      tx.select({ n: count() }).from(partners).where(eq(partners.ownerUserId, u.id)),
      tx.select({ n: count() }).from(memberships).where(and(eq(memberships.userId, u.id), ne(memberships.role, "participant"))),
    ]);
    if ((e?.n ?? 0) + (p?.n ?? 0) + (r?.n ?? 0) === 0) await eraseAccount(tx, u.id, u.email, now);
  }
}

/** Rows a RETURNING statement gave back, on node-postgres and on PGlite alike. */
function rowCount(result: unknown): number {
  const r = result as { rows?: unknown[]; rowCount?: number | null; affectedRows?: number };
  return r.rows?.length ?? r.rowCount ?? r.affectedRows ?? 0;
}
