/**
 * The coordinator's start page: "what needs me today". Every cohort of the organisation with what
 * waits on it, in one aggregate statement (counts per cohort as subqueries served by the cohort
 * indexes), and the partners waiting for approval in a second: two statements whatever the
 * number of cohorts.
 */
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { cohorts, partners, programmes } from "@/db/schema";
import { cohortState, type CohortState } from "@/lib/cohort-state";
import { COORDINATING, currentOrganisation, type Actor } from "./actor";
import { inScope, tenant } from "./rls";

/** How soon an offer lapses to count as "about to lapse". */
export const LAPSING_WITHIN_MS = 48 * 3600_000;

/**
 * A cohort's phase in words, derived from its status, dates and places (the cohort's own zone):
 * a simple stand-in until cohorts carry a lifecycle status of their own.
 */
export interface AgendaCohort {
  id: string;
  name: string;
  programmeName: string;
  startDate: string;
  endDate: string;
  enrollmentDeadline: string;
  capacity: number;
  timeZone: string;
  placesTaken: number;
  /** Where the cohort stands (lib/cohort-state.ts); archived cohorts are not listed here. */
  state: CohortState;
  /** Applications waiting for a decision. */
  applied: number;
  /** Offers that lapse within LAPSING_WITHIN_MS. */
  lapsingOffers: number;
  /** Active pairs without a confirmed meeting although the programme's weeks since pairing have passed. */
  flaggedPairs: number;
}

export interface CoordinatorAgenda {
  cohorts: AgendaCohort[];
  pendingPartners: number;
  totals: { applied: number; lapsingOffers: number; flaggedPairs: number };
}

/** What waits on the coordinator in their current organisation: counts per cohort and in all. */
export async function getCoordinatorAgenda(actor: Actor | null, opts: { now?: Date; limit?: number } = {}): Promise<CoordinatorAgenda> {
  const organisationId = currentOrganisation(actor, COORDINATING);
  const now = opts.now ?? new Date();
  const soon = new Date(now.getTime() + LAPSING_WITHIN_MS);
  const nowIso = now.toISOString();
  const { rows, pending } = await inScope(tenant(organisationId), async (tx) => {
    const rows = await tx
      .select({
        id: cohorts.id,
        name: cohorts.name,
        programmeName: programmes.name,
        status: cohorts.status,
        startDate: cohorts.startDate,
        endDate: cohorts.endDate,
        enrollmentOpensOn: cohorts.enrollmentOpensOn,
        enrollmentDeadline: cohorts.enrollmentDeadline,
        capacity: cohorts.capacity,
        timeZone: cohorts.timeZone,
        placesTaken: sql<number>`(SELECT count(*) FROM enrollments e WHERE e.cohort_id = ${cohorts.id} AND e.status IN ('accepted', 'offered'))::int`,
        applied: sql<number>`(SELECT count(*) FROM enrollments e WHERE e.cohort_id = ${cohorts.id} AND e.status = 'applied')::int`,
        lapsingOffers: sql<number>`(SELECT count(*) FROM enrollments e WHERE e.cohort_id = ${cohorts.id} AND e.status = 'offered' AND e.offer_expires_at > ${nowIso}::timestamptz AND e.offer_expires_at <= ${soon.toISOString()}::timestamptz)::int`,
        flaggedPairs: sql<number>`(SELECT count(*) FROM pairs p WHERE p.cohort_id = ${cohorts.id} AND p.status = 'confirmed'
          AND p.confirmed_at < ${nowIso}::timestamptz - make_interval(days => ${programmes.meetingDueWeeks} * 7)
          AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.pair_id = p.id AND m.status = 'confirmed'))::int`,
      })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(and(eq(cohorts.organisationId, organisationId), isNull(cohorts.archivedAt), isNull(programmes.archivedAt)))
      .orderBy(desc(cohorts.startDate), asc(cohorts.name))
      .limit(opts.limit ?? 50);
    const [pending] = await tx
      .select({ n: count() })
      .from(partners)
      .where(and(eq(partners.organisationId, organisationId), eq(partners.status, "pending")));
    return { rows, pending: pending?.n ?? 0 };
  });
  const list: AgendaCohort[] = rows.map(({ status, enrollmentOpensOn, ...r }) => ({
    ...r,
    state: cohortState({ ...r, status, enrollmentOpensOn, archivedAt: null }, now),
  }));
  const sum = (k: "applied" | "lapsingOffers" | "flaggedPairs") => list.reduce((n, c) => n + c[k], 0);
  return { cohorts: list, pendingPartners: pending, totals: { applied: sum("applied"), lapsingOffers: sum("lapsingOffers"), flaggedPairs: sum("flaggedPairs") } };
}
