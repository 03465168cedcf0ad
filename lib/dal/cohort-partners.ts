import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import { cohortPartners, cohorts, partners } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertRole, COORDINATING, type Actor } from "./actor";
import { actorUserId, pairedCounts } from "./pair-rules";
import { isUuid } from "./programmes";
import { asActor, inScope, tenant } from "./rls";
import { lockWritableCohortRow, type Tx } from "./tx";

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
  await lockWritableCohortRow(tx, cohortId);
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

/** How many partners one bulk link may name (the form shows at most this many). */
export const BULK_LINK_LIMIT = 100;

/**
 * Approved partners of the cohort's organisation not linked to it yet, by name: what the cohort's
 * pairing page offers to link at once. Bounded; `total` says how many there are in all.
 */
export async function listLinkablePartners(actor: Actor | null, cohortId: string, opts: { limit?: number } = {}) {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const limit = Math.max(1, Math.min(opts.limit ?? BULK_LINK_LIMIT, BULK_LINK_LIMIT));
  return asActor(actor, async (tx) => {
    const [cohort] = await tx.select({ organisationId: cohorts.organisationId }).from(cohorts).where(eq(cohorts.id, cohortId));
    if (!cohort) throw new NotFoundError();
    assertRole(actor, cohort.organisationId, COORDINATING);
    const notLinked = notExists(
      tx.select({ one: sql`1` }).from(cohortPartners).where(and(eq(cohortPartners.cohortId, cohortId), eq(cohortPartners.partnerId, partners.id))),
    );
    const rows = await tx
      .select({
        id: partners.id,
        name: partners.name,
        kind: partners.kind,
        policyAreas: partners.policyAreas,
        capacityPerCohort: partners.capacityPerCohort,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(partners)
      .where(and(eq(partners.organisationId, cohort.organisationId), eq(partners.status, "approved"), notLinked))
      .orderBy(asc(partners.name), asc(partners.id))
      .limit(limit);
    return { items: rows.map(({ total: _total, ...p }) => p), total: rows[0]?.total ?? 0 };
  });
}

/**
 * A coordinator links several approved partners to one cohort at once, each with its number of
 * places (by default the partner's own). All or none: a partner that is not approved, or a number
 * below a partner's pairs there, refuses the whole batch and names the partner. 404 for a cohort or
 * partner outside the actor's organisations, 403 for a role that does not coordinate.
 */
export async function linkPartnersToCohort(
  actor: Actor | null,
  cohortId: string,
  links: readonly { partnerId: string; capacity?: number }[],
): Promise<{ linked: { partnerId: string; name: string; capacity: number }[]; changed: { partnerId: string; name: string; capacity: number }[] }> {
  if (!isUuid(cohortId) || links.some((l) => !isUuid(l.partnerId))) throw new NotFoundError();
  if (links.length === 0) return { linked: [], changed: [] };
  if (links.length > BULK_LINK_LIMIT) throw new ConflictError("tooMany", "links");
  const ids = [...new Set(links.map((l) => l.partnerId))];
  const [cohort] = await asActor(actor, (db) => db.select({ organisationId: cohorts.organisationId }).from(cohorts).where(eq(cohorts.id, cohortId)));
  if (!cohort) throw new NotFoundError();
  assertRole(actor, cohort.organisationId, COORDINATING);
  return inScope(tenant(cohort.organisationId), async (tx) => {
    await lockWritableCohortRow(tx, cohortId);
    // The lock order of tx.ts: the cohort, then its links, then the partners.
    const existing = await tx
      .select({ id: cohortPartners.id, partnerId: cohortPartners.partnerId })
      .from(cohortPartners)
      .where(and(eq(cohortPartners.cohortId, cohortId), inArray(cohortPartners.partnerId, ids)))
      .orderBy(asc(cohortPartners.partnerId))
      .for("update");
    const found = await tx
      .select({ id: partners.id, name: partners.name, status: partners.status, capacityPerCohort: partners.capacityPerCohort })
      .from(partners)
      .where(and(inArray(partners.id, ids), eq(partners.organisationId, cohort.organisationId)))
      .orderBy(asc(partners.id))
      .for("share");
    // A partner of another organisation does not exist for this cohort.
    if (found.length !== ids.length) throw new NotFoundError();
    const byId = new Map(found.map((p) => [p.id, p]));
    const notApproved = found.find((p) => p.status !== "approved");
    if (notApproved) throw new ConflictError("partnerNotApproved", `places.${notApproved.id}`);
    const linkOf = new Map(existing.map((l) => [l.partnerId, l.id]));
    const paired = await pairedCounts(tx, cohortId, ids);
    const linked: { partnerId: string; name: string; capacity: number }[] = [];
    const changed: { partnerId: string; name: string; capacity: number }[] = [];
    const fresh: (typeof cohortPartners.$inferInsert)[] = [];
    for (const l of links) {
      const p = byId.get(l.partnerId)!;
      if (linked.some((x) => x.partnerId === p.id) || changed.some((x) => x.partnerId === p.id)) continue;
      const places = l.capacity ?? p.capacityPerCohort;
      if (!Number.isInteger(places) || places < 1) throw new ConflictError("tooSmall", `places.${p.id}`);
      if (places > 50) throw new ConflictError("tooLarge", `places.${p.id}`);
      const linkId = linkOf.get(p.id);
      if (linkId) {
        if (places < (paired.get(p.id) ?? 0)) throw new ConflictError("belowPaired", `places.${p.id}`);
        await tx.update(cohortPartners).set({ capacity: places, updatedAt: new Date() }).where(eq(cohortPartners.id, linkId));
        changed.push({ partnerId: p.id, name: p.name, capacity: places });
      } else {
        fresh.push({ organisationId: cohort.organisationId, cohortId, partnerId: p.id, capacity: places, linkedById: actorUserId(actor) });
        linked.push({ partnerId: p.id, name: p.name, capacity: places });
      }
    }
    // One statement for all new links; the cohort's row lock keeps anyone else from adding one meanwhile.
    if (fresh.length > 0) await tx.insert(cohortPartners).values(fresh);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    return { linked: linked.sort(byName), changed: changed.sort(byName) };
  });
}
