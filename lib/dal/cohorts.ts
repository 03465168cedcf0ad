import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { cohorts, programmes } from "@/db/schema";
import { cohortState } from "@/lib/cohort-state";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { CohortInput } from "@/lib/validation/cohort";
import { assertRole, COORDINATING, currentOrganisation, type Actor } from "./actor";
import { lockCohort, offerFreedPlaces, placesTaken } from "./enrollment-rules";
import { getProgramme, isUuid } from "./programmes";
import { listOrganisationPolicyAreas } from "./policy-areas";
import { asActor, inScope, tenant } from "./rls";
import type { Tx } from "./tx";

export type Cohort = typeof cohorts.$inferSelect;
export { cohortState, COHORT_STATES, type CohortState } from "@/lib/cohort-state";

/** Places held (accepted or offered), counted by the database function of migration 0012 (an index lookup). */
const placesTakenSql = sql<number>`koppel_cohort_places_taken(${cohorts.id})`;

/**
 * Cohorts of the actor's current organisation (optionally of one programme), newest first, each
 * with its `state` (lib/cohort-state.ts). Archived cohorts only with `archived: true` (then only they).
 */
export async function listCohorts(actor: Actor | null, opts: { programmeId?: string; limit?: number; archived?: boolean; now?: Date } = {}) {
  const organisationId = currentOrganisation(actor, COORDINATING);
  const where = and(
    eq(cohorts.organisationId, organisationId),
    opts.programmeId ? eq(cohorts.programmeId, opts.programmeId) : undefined,
    opts.archived ? isNotNull(cohorts.archivedAt) : isNull(cohorts.archivedAt),
  );
  const rows = await inScope(tenant(organisationId), (tx) =>
    tx
      .select({
        id: cohorts.id,
        name: cohorts.name,
        programmeId: cohorts.programmeId,
        programmeName: programmes.name,
        startDate: cohorts.startDate,
        endDate: cohorts.endDate,
        enrollmentDeadline: cohorts.enrollmentDeadline,
        capacity: cohorts.capacity,
        timeZone: cohorts.timeZone,
        status: cohorts.status,
        archivedAt: cohorts.archivedAt,
        enrollmentOpensOn: cohorts.enrollmentOpensOn,
        placesTaken: placesTakenSql,
      })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(where)
      .orderBy(desc(cohorts.startDate), asc(cohorts.name))
      .limit(opts.limit ?? 50),
  );
  return rows.map((r) => {
    const placesTaken = Number(r.placesTaken);
    return { ...r, placesTaken, placesLeft: Math.max(0, r.capacity - placesTaken), state: cohortState({ ...r, placesTaken }, opts.now) };
  });
}

/** The policy areas the organisation's cohorts use, each once (first spelling kept): what partners should match. */
export async function listCohortPolicyAreas(actor: Actor | null): Promise<string[]> {
  return listOrganisationPolicyAreas(actor);
}

/** One cohort; 404 outside the actor's organisations, 403 for a role that may not manage it. */
export async function getCohort(actor: Actor | null, id: string): Promise<Cohort> {
  if (!isUuid(id)) throw new NotFoundError();
  return asActor(actor, (tx) => findCohort(tx, actor, id));
}

/** getCohort inside a scoped transaction the caller holds. */
export async function findCohort(tx: Tx, actor: Actor | null, id: string): Promise<Cohort> {
  const [row] = await tx.select().from(cohorts).where(eq(cohorts.id, id));
  if (!row) throw new NotFoundError();
  assertRole(actor, row.organisationId, COORDINATING);
  return row;
}

/**
 * Creates a cohort of a programme the actor coordinates, as a draft: only its coordinators see it
 * until one publishes it (publishCohort). A status in the input is ignored.
 */
export async function createCohort(actor: Actor | null, programmeId: string, input: CohortInput): Promise<{ id: string }> {
  const programme = await getProgramme(actor, programmeId);
  if (programme.archivedAt) throw new ConflictError("archived");
  const [row] = await inScope(tenant(programme.organisationId), (tx) =>
    tx
      .insert(cohorts)
      .values({ ...input, status: "draft", programmeId: programme.id, organisationId: programme.organisationId })
      .returning({ id: cohorts.id }),
  );
  return row!;
}

/**
 * Edits a cohort the actor coordinates. A draft stays a draft (publishCohort publishes it); a
 * published cohort takes the status given (open, closed, completed; never back to draft, refused
 * as `cannotUnpublish`), or keeps its own when none is given. An archived cohort is read-only.
 */
export async function updateCohort(actor: Actor | null, id: string, input: CohortInput): Promise<void> {
  const existing = await getCohort(actor, id);
  if (existing.archivedAt) throw new ConflictError("archived");
  if (existing.status !== "draft" && input.status === "draft") throw new ConflictError("cannotUnpublish", "status");
  const status = existing.status === "draft" ? "draft" : (input.status ?? existing.status);
  await inScope(tenant(existing.organisationId), async (tx) => {
    // The same lock as sign-ups and decisions: capacity cannot drop below the places held, and
    // places added go to the waitlist at once.
    await lockCohort(tx, id);
    if (input.capacity < (await placesTaken(tx, id))) throw new ConflictError("belowTaken", "capacity");
    await tx
      .update(cohorts)
      .set({ ...input, status, updatedAt: new Date() })
      .where(and(eq(cohorts.id, id), eq(cohorts.organisationId, existing.organisationId)));
    await offerFreedPlaces(tx, await lockCohort(tx, id));
  });
}
