/**
 * The rules every pairing follows, inside a transaction that first locks the cohort's row
 * (lockCohortRow; the lock order is in tx.ts): the partner's link to the cohort is locked
 * (FOR UPDATE) before its pairs are counted, so concurrent pairings never exceed its capacity; participants come from accepted enrollments; every change is recorded and confirmed
 * pairs are introduced to both sides by mail. Not exported beyond lib/dal.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { cohortPartners, cohorts, enrollments, pairEvents, pairs, partners, programmes, users, type Locale, type PairEventKind } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { rankPartners, type PairingParticipant, type PairingPartner } from "@/lib/pairing";
import { localeLanguage } from "@/lib/validation/regions";
import { assertRole, COORDINATING, type Actor } from "./actor";
import { introduce } from "./pair-introductions";
import { isUuid } from "./programmes";
import { asActor, narrowTo } from "./rls";
import { lockWritableCohortRow, type DbOrTx, type Tx } from "./tx";

/** Why a pairing is refused; each is a message key under `errors.`. */
export type PairRefusal =
  | "partnerNotLinked"
  | "partnerNotApproved"
  | "partnerFull"
  | "notAccepted"
  | "alreadyPaired"
  | "ownEmployer"
  | "ownInitiative"
  | "notFound";

/** Locks the cohort's row first (step 1 of the lock order in tx.ts); 404 when it is gone, 409 (archived) when it is read-only. */
export async function lockPairingCohort(tx: Tx, cohortId: string): Promise<void> {
  await lockWritableCohortRow(tx, cohortId);
}

/** A cohort the actor coordinates (404 for another organisation, 403 for another role), looked up behind the actor's wall. */
export async function coordinatedCohort(actor: Actor | null, cohortId: string) {
  if (!isUuid(cohortId)) throw new NotFoundError();
  return asActor(actor, (tx) => findCoordinatedCohort(tx, actor, cohortId));
}

/** Runs `fn` behind the wall of a cohort's organisation, once the actor is found to coordinate it (404/403 otherwise). */
export async function inCoordinatedCohort<T>(actor: Actor | null, cohortId: string, fn: (cohort: CoordinatedCohort, tx: Tx) => Promise<T>): Promise<T> {
  if (!isUuid(cohortId)) throw new NotFoundError();
  return asActor(actor, async (tx) => fn(await findCoordinatedCohort(tx, actor, cohortId), tx));
}

export type CoordinatedCohort = Awaited<ReturnType<typeof findCoordinatedCohort>>;

/** In the actor's scope (another organisation's cohort is not there: 404); narrows the transaction to the cohort's organisation. */
async function findCoordinatedCohort(tx: Tx, actor: Actor | null, cohortId: string) {
  const [row] = await tx
    .select({
      id: cohorts.id,
      organisationId: cohorts.organisationId,
      name: cohorts.name,
      programmeName: programmes.name,
      meetingDueWeeks: programmes.meetingDueWeeks,
    })
    .from(cohorts)
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .where(eq(cohorts.id, cohortId));
  if (!row) throw new NotFoundError();
  assertRole(actor, row.organisationId, COORDINATING);
  await narrowTo(tx, row.organisationId);
  return row;
}

/** The acting person's id for the record (null for the operator's CLI). */
export const actorUserId = (actor: Actor | null): string | null => (actor?.kind === "user" ? actor.userId : null);

/** A partner as linked to one cohort, with what pairing needs. */
export interface LinkedPartner extends PairingPartner {
  linkId: string;
  ownerUserId: string | null;
  status: "pending" | "approved" | "declined";
  capacity: number;
  paired: number;
}

const linkColumns = {
  linkId: cohortPartners.id,
  capacity: cohortPartners.capacity,
  id: partners.id,
  name: partners.name,
  status: partners.status,
  ownerUserId: partners.ownerUserId,
  policyAreas: partners.policyAreas,
  languages: partners.languages,
  region: partners.region,
  aliases: partners.aliases,
};

/** Active pairs per partner in a cohort. */
export async function pairedCounts(tx: DbOrTx, cohortId: string, partnerIds?: string[]): Promise<Map<string, number>> {
  const where = [eq(pairs.cohortId, cohortId), eq(pairs.status, "confirmed")];
  if (partnerIds) where.push(inArray(pairs.partnerId, partnerIds));
  const rows = await tx
    .select({ partnerId: pairs.partnerId, n: count() })
    .from(pairs)
    .where(and(...where))
    .groupBy(pairs.partnerId);
  return new Map(rows.map((r) => [r.partnerId, r.n]));
}

/**
 * The partners linked to a cohort with their capacity left. With `lock` (the caller holds the
 * cohort's row), their link rows are locked FOR UPDATE and the partners FOR SHARE, both in
 * partner id order (steps 2 and 3 of the lock order in tx.ts): a partner cannot be declined
 * while it is being paired.
 */
export async function linkedPartners(tx: DbOrTx, cohortId: string, opts: { partnerIds?: string[]; lock?: boolean } = {}): Promise<LinkedPartner[]> {
  const where = [eq(cohortPartners.cohortId, cohortId)];
  if (opts.partnerIds) where.push(inArray(cohortPartners.partnerId, opts.partnerIds));
  const query = tx
    .select(linkColumns)
    .from(cohortPartners)
    .innerJoin(partners, eq(partners.id, cohortPartners.partnerId))
    .where(and(...where))
    .orderBy(asc(partners.id));
  const rows = opts.lock ? await query.for("update", { of: cohortPartners }) : await query;
  if (opts.lock && rows.length > 0) {
    await tx
      .select({ id: partners.id })
      .from(partners)
      .where(inArray(partners.id, rows.map((r) => r.id)))
      .orderBy(asc(partners.id))
      .for("share");
  }
  const counts = await pairedCounts(tx, cohortId, opts.partnerIds);
  return rows.map((r) => {
    const paired = counts.get(r.id) ?? 0;
    return { ...r, paired, capacityLeft: r.status === "approved" ? Math.max(0, r.capacity - paired) : 0 };
  });
}

/** An accepted participant of a cohort, as pairing sees them. */
export interface CandidateParticipant extends PairingParticipant {
  userId: string;
  name: string;
  jobTitle: string;
  status: string;
  seq: number;
}

/** The columns a pairing participant is read with (enrollments joined with users). */
export const candidateColumns = {
  id: enrollments.id,
  userId: enrollments.userId,
  status: enrollments.status,
  seq: enrollments.seq,
  policyAreas: enrollments.policyAreas,
  languages: enrollments.languages,
  region: enrollments.region,
  employer: enrollments.employer,
  jobTitle: enrollments.jobTitle,
  userName: users.name,
  email: users.email,
  locale: users.locale,
};

/** A row of candidateColumns as pairing sees the person. */
export function toCandidate<R extends { userName: string | null; email: string; locale: Locale; languages: string[] }>({ locale, userName, email, ...r }: R) {
  // The language of the person's account counts too: someone using Koppel in Chinese speaks Chinese.
  return { ...r, name: userName ?? email, languages: [...new Set([...r.languages, localeLanguage(locale)])] };
}

/** Enrollments of a cohort as pairing participants; with `lock`, locked in arrival order (as enrollment decisions lock them). */
export async function candidates(tx: DbOrTx, cohortId: string, opts: { enrollmentIds?: string[]; lock?: boolean } = {}): Promise<CandidateParticipant[]> {
  const where = [eq(enrollments.cohortId, cohortId)];
  if (opts.enrollmentIds) where.push(inArray(enrollments.id, opts.enrollmentIds));
  else where.push(eq(enrollments.status, "accepted"));
  const query = tx
    .select(candidateColumns)
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(...where))
    .orderBy(asc(enrollments.seq));
  const rows = opts.lock ? await query.for("update", { of: enrollments }) : await query;
  return rows.map(toCandidate);
}

/** Why this participant may not be paired with this partner now, or null. Counts `extra` pairs planned in the same step. */
export function refusalFor(participant: CandidateParticipant | undefined, partner: LinkedPartner | undefined, extra = 0): PairRefusal | null {
  if (!participant) return "notFound";
  if (!partner) return "partnerNotLinked";
  if (partner.status !== "approved") return "partnerNotApproved";
  if (participant.status !== "accepted") return "notAccepted";
  if (partner.ownerUserId === participant.userId) return "ownInitiative";
  const [suggestion] = rankPartners(participant, [{ ...partner, capacityLeft: 1 }]);
  if (suggestion?.conflicts.some((c) => c.kind === "ownEmployer")) return "ownEmployer";
  if (partner.capacity - partner.paired - extra <= 0) return "partnerFull";
  return null;
}

/** Enrollments among `ids` that have an active pair. */
export async function alreadyPaired(tx: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: pairs.enrollmentId })
    .from(pairs)
    .where(and(inArray(pairs.enrollmentId, ids), eq(pairs.status, "confirmed")));
  return new Set(rows.map((r) => r.id));
}

/** Inserts a confirmed pair, records it and introduces both sides. */
export async function createPair(
  tx: Tx,
  p: { organisationId: string; cohortId: string; enrollmentId: string; partnerId: string },
  by: { userId: string | null; reason?: string; replaces?: string },
): Promise<string> {
  let id: string;
  try {
    const [row] = await tx
      .insert(pairs)
      .values({ ...p, status: "confirmed", confirmedById: by.userId })
      .returning({ id: pairs.id });
    id = row!.id;
  } catch (err) {
    // The partial unique index: another transaction paired this participant first.
    if (isUniqueViolation(err)) throw new ConflictError("alreadyPaired");
    throw err;
  }
  await recordPairEvent(tx, { organisationId: p.organisationId, pairId: id }, "confirmed", { ...by, related: by.replaces });
  await introduce(tx, id);
  return id;
}

/** Ends an active pair; `kind` says whether it was ended or replaced by another. */
export async function endPair(
  tx: Tx,
  pair: { id: string; organisationId: string },
  kind: "ended" | "changed",
  by: { userId: string | null; reason: string; related?: string },
): Promise<void> {
  await tx
    .update(pairs)
    .set({ status: "ended", endedAt: new Date(), endedById: by.userId, endReason: by.reason })
    .where(and(eq(pairs.id, pair.id), eq(pairs.status, "confirmed")));
  await recordPairEvent(tx, { organisationId: pair.organisationId, pairId: pair.id }, kind, by);
}

/** Ends the active pair of an enrollment that no longer holds its place (withdrawn, rejected…). */
export async function endPairsOfEnrollment(tx: Tx, enrollmentId: string, by: { userId: string | null; reason: string }): Promise<void> {
  const active = await tx
    .select({ id: pairs.id, organisationId: pairs.organisationId })
    .from(pairs)
    .where(and(eq(pairs.enrollmentId, enrollmentId), eq(pairs.status, "confirmed")));
  for (const pair of active) await endPair(tx, pair, "ended", by);
}

export async function recordPairEvent(
  tx: Tx,
  pair: { organisationId: string; pairId: string },
  kind: PairEventKind,
  by: { userId: string | null; reason?: string; related?: string },
): Promise<void> {
  await tx.insert(pairEvents).values({
    organisationId: pair.organisationId,
    pairId: pair.pairId,
    kind,
    relatedPairId: by.related ?? null,
    actorUserId: by.userId,
    reason: by.reason ?? "",
  });
}

export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
