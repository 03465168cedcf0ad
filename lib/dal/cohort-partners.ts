import { and, eq } from "drizzle-orm";
import { cohortPartners, cohorts, partners } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertRole, COORDINATING, type Actor } from "./actor";
import { actorUserId, pairedCounts } from "./pair-rules";
import { isUuid } from "./programmes";
import { asActor, inScope, tenant } from "./rls";
import { lockCohortRow, type Tx } from "./tx";

/** The partner and the cohort, both in one organisation the actor coordinates. */
async function partnerAndCohort(actor: Actor | null, partnerId: string, cohortId: string) {
  if (!isUuid(partnerId) || !isUuid(cohortId)) throw new NotFoundError();
  // Read in the actor's scope: another organisation's partner or cohort is not there (404).
  const { partner, cohort } = await asActor(actor, async (db) => {
    const [partner] = await db
      .select({ organisationId: partners.organisationId, status: partners.status, capacityPerCohort: partners.capacityPerCohort })
      .from(partners)
      .where(eq(partners.id, partnerId));
    const [cohort] = await db.select({ organisationId: cohorts.organisationId }).from(cohorts).where(eq(cohorts.id, cohortId));
    return { partner, cohort };
  });
  if (!partner) throw new NotFoundError();
  assertRole(actor, partner.organisationId, COORDINATING);
  // A cohort of another organisation does not exist for this partner.
  if (!cohort || cohort.organisationId !== partner.organisationId) throw new NotFoundError();
  return { partner };
}

/**
 * The link row, locked after its cohort (the lock order of tx.ts): pairings at this partner in
 * this cohort wait until the transaction ends.
 */
async function lockedLink(tx: Tx, partnerId: string, cohortId: string) {
  if (!(await lockCohortRow(tx, cohortId))) throw new NotFoundError();
  const [link] = await tx
    .select({ id: cohortPartners.id, capacity: cohortPartners.capacity })
    .from(cohortPartners)
    .where(and(eq(cohortPartners.partnerId, partnerId), eq(cohortPartners.cohortId, cohortId)))
    .for("update");
  return link;
}

/**
 * A coordinator links an approved partner to a cohort with how many participants it takes there
 * (by default the partner's own number), or changes that number; never below its active pairs.
 */
export async function linkPartnerToCohort(actor: Actor | null, partnerId: string, cohortId: string, capacity?: number): Promise<{ linkId: string }> {
  const { partner } = await partnerAndCohort(actor, partnerId, cohortId);
  if (partner.status !== "approved") throw new ConflictError("partnerNotApproved");
  const places = capacity ?? partner.capacityPerCohort;
  if (!Number.isInteger(places) || places < 1) throw new ConflictError("tooSmall", "capacity");
  if (places > 50) throw new ConflictError("tooLarge", "capacity");
  return inScope(tenant(partner.organisationId), async (tx) => {
    let link = await lockedLink(tx, partnerId, cohortId);
    if (!link) {
      const [created] = await tx
        .insert(cohortPartners)
        .values({ organisationId: partner.organisationId, cohortId, partnerId, capacity: places, linkedById: actorUserId(actor) })
        .onConflictDoNothing()
        .returning({ id: cohortPartners.id });
      if (created) return { linkId: created.id };
      // Someone linked it at the same moment: change their link instead.
      link = await lockedLink(tx, partnerId, cohortId);
      if (!link) throw new NotFoundError();
    }
    const paired = (await pairedCounts(tx, cohortId, [partnerId])).get(partnerId) ?? 0;
    if (places < paired) throw new ConflictError("belowPaired", "capacity");
    await tx.update(cohortPartners).set({ capacity: places, updatedAt: new Date() }).where(eq(cohortPartners.id, link.id));
    return { linkId: link.id };
  });
}

/** A coordinator removes a partner from a cohort; refused while it has active pairs there. */
export async function unlinkPartnerFromCohort(actor: Actor | null, partnerId: string, cohortId: string): Promise<void> {
  const { partner } = await partnerAndCohort(actor, partnerId, cohortId);
  await inScope(tenant(partner.organisationId), async (tx) => {
    const link = await lockedLink(tx, partnerId, cohortId);
    if (!link) throw new NotFoundError();
    const paired = (await pairedCounts(tx, cohortId, [partnerId])).get(partnerId) ?? 0;
    if (paired > 0) throw new ConflictError("partnerHasPairs");
    await tx.delete(cohortPartners).where(eq(cohortPartners.id, link.id));
  });
}
