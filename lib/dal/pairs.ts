import { and, eq } from "drizzle-orm";
import { pairs } from "@/db/schema";
import { AppError, ConflictError, NotFoundError } from "@/lib/errors";
import type { PairInput } from "@/lib/validation/pairing";
import { assertRole, COORDINATING, type Actor } from "./actor";
import {
  actorUserId,
  alreadyPaired,
  candidates,
  coordinatedCohort,
  createPair,
  endPair,
  linkedPartners,
  lockPairingCohort,
  recordPairEvent,
  refusalFor,
  type PairRefusal,
} from "./pair-rules";
import { isUuid } from "./programmes";
import { asActor, inScope, tenant } from "./rls";
import type { Tx } from "./tx";

export { BOARD_PAGE_SIZE, getPairingBoard, listCohortPairs, proposePairs, type BoardParticipant, type CohortPair, type PairingBoard, type Proposal } from "./pair-queries";
export { listMyPairs, type MyPair } from "./my-pairs";
export type { PairRefusal } from "./pair-rules";

/**
 * A coordinator pairs one accepted participant with a partner linked to the cohort; the pair is
 * confirmed at once and both sides are introduced by mail. Locks the cohort, the partner's link
 * row (before its pairs are counted, so concurrent pairings never exceed its capacity), then the
 * enrollment: the order of tx.ts, the same as enrollment decisions.
 */
export async function pairParticipant(actor: Actor | null, cohortId: string, enrollmentId: string, partnerId: string): Promise<{ pairId: string }> {
  const cohort = await coordinatedCohort(actor, cohortId);
  if (!isUuid(enrollmentId) || !isUuid(partnerId)) throw new NotFoundError();
  return inScope(tenant(cohort.organisationId), async (tx) => {
    await lockPairingCohort(tx, cohort.id);
    const [partner] = await linkedPartners(tx, cohort.id, { partnerIds: [partnerId], lock: true });
    const [participant] = await candidates(tx, cohort.id, { enrollmentIds: [enrollmentId], lock: true });
    if (!participant) throw new NotFoundError();
    if ((await alreadyPaired(tx, [enrollmentId])).size > 0) throw new ConflictError("alreadyPaired");
    const refusal = refusalFor(participant, partner);
    if (refusal) throw new ConflictError(refusal);
    const pairId = await createPair(
      tx,
      { organisationId: cohort.organisationId, cohortId: cohort.id, enrollmentId, partnerId },
      { userId: actorUserId(actor) },
    );
    return { pairId };
  });
}

/** Loads an active pair for a coordinator of its organisation, locked until the transaction ends. */
async function lockedActivePair(tx: Tx, pairId: string) {
  const [pair] = await tx
    .select({ id: pairs.id, organisationId: pairs.organisationId, cohortId: pairs.cohortId, enrollmentId: pairs.enrollmentId, partnerId: pairs.partnerId, status: pairs.status })
    .from(pairs)
    .where(eq(pairs.id, pairId))
    .for("no key update");
  if (!pair) throw new NotFoundError();
  if (pair.status !== "confirmed") throw new ConflictError("pairEnded");
  return pair;
}

/** The pair's organisation, checked against the actor before anything is locked. */
async function coordinatedPair(actor: Actor | null, pairId: string) {
  if (!isUuid(pairId)) throw new NotFoundError();
  // In the actor's scope: another organisation's pair is not there (404).
  const [head] = await asActor(actor, (tx) => tx.select({ organisationId: pairs.organisationId, cohortId: pairs.cohortId }).from(pairs).where(eq(pairs.id, pairId)));
  if (!head) throw new NotFoundError();
  assertRole(actor, head.organisationId, COORDINATING);
  return head;
}

function requireReason(reason: string): string {
  const trimmed = reason.trim().slice(0, 1000);
  if (!trimmed) throw new ConflictError("required", "reason");
  return trimmed;
}

/** A coordinator ends a pair, with a reason; the partner's place becomes free again. */
export async function unpair(actor: Actor | null, pairId: string, reason: string): Promise<void> {
  const why = requireReason(reason);
  const { organisationId, cohortId } = await coordinatedPair(actor, pairId);
  await inScope(tenant(organisationId), async (tx) => {
    await lockPairingCohort(tx, cohortId);
    const pair = await lockedActivePair(tx, pairId);
    await endPair(tx, pair, "ended", { userId: actorUserId(actor), reason: why });
  });
}

/**
 * A coordinator moves a participant to another partner, with a reason: the pair ends (kept on
 * record with its meetings) and a new confirmed pair is made and introduced, under the same
 * capacity and conflict rules as a first pairing.
 */
export async function changePair(actor: Actor | null, pairId: string, newPartnerId: string, reason: string): Promise<{ pairId: string }> {
  const why = requireReason(reason);
  const { organisationId, cohortId } = await coordinatedPair(actor, pairId);
  if (!isUuid(newPartnerId)) throw new NotFoundError();
  return inScope(tenant(organisationId), async (tx) => {
    // Lock order as in pairParticipant (tx.ts): the cohort, the partner's link, the enrollment, the pair.
    await lockPairingCohort(tx, cohortId);
    const [partner] = await linkedPartners(tx, cohortId, { partnerIds: [newPartnerId], lock: true });
    const [head] = await tx.select({ enrollmentId: pairs.enrollmentId }).from(pairs).where(eq(pairs.id, pairId));
    const [participant] = await candidates(tx, cohortId, { enrollmentIds: [head!.enrollmentId], lock: true });
    const old = await lockedActivePair(tx, pairId);
    if (old.partnerId === newPartnerId) throw new ConflictError("samePartner");
    const refusal = refusalFor(participant, partner);
    if (refusal) throw new ConflictError(refusal);
    const by = actorUserId(actor);
    await tx
      .update(pairs)
      .set({ status: "ended", endedAt: new Date(), endedById: by, endReason: why })
      .where(and(eq(pairs.id, old.id), eq(pairs.status, "confirmed")));
    const created = await createPair(
      tx,
      { organisationId: old.organisationId, cohortId, enrollmentId: old.enrollmentId, partnerId: newPartnerId },
      { userId: by, reason: why, replaces: old.id },
    );
    await recordPairEvent(tx, { organisationId: old.organisationId, pairId: old.id }, "changed", { userId: by, reason: why, related: created });
    return { pairId: created };
  });
}

export interface ProposalFailure {
  enrollmentId: string;
  partnerId: string;
  reason: PairRefusal;
}

export type ApplyProposalResult = { applied: true; pairIds: string[] } | { applied: false; failures: ProposalFailure[] };

/**
 * A coordinator applies an (edited) proposal in one step. Every pair is checked again under the
 * locks (capacity, counting the proposal's own pairs, conflicts, acceptance, existing pairs):
 * either all are made and introduced, or none is and the answer lists each pair that failed and why.
 */
export async function applyProposal(actor: Actor | null, cohortId: string, proposal: PairInput[]): Promise<ApplyProposalResult> {
  const cohort = await coordinatedCohort(actor, cohortId);
  if (proposal.length === 0) return { applied: true, pairIds: [] };
  if (proposal.some((p) => !isUuid(p.enrollmentId) || !isUuid(p.partnerId))) throw new AppError("invalid", "Not a pair of ids");
  if (new Set(proposal.map((p) => p.enrollmentId)).size !== proposal.length) throw new ConflictError("duplicateParticipant");
  return inScope(tenant(cohort.organisationId), async (tx) => {
    await lockPairingCohort(tx, cohort.id);
    const partnerIds = [...new Set(proposal.map((p) => p.partnerId))].sort();
    const linked = new Map((await linkedPartners(tx, cohort.id, { partnerIds, lock: true })).map((p) => [p.id, p]));
    const enrollmentIds = proposal.map((p) => p.enrollmentId);
    const people = new Map((await candidates(tx, cohort.id, { enrollmentIds, lock: true })).map((c) => [c.id, c]));
    const paired = await alreadyPaired(tx, enrollmentIds);
    const planned = new Map<string, number>();
    const failures: ProposalFailure[] = [];
    for (const p of proposal) {
      const extra = planned.get(p.partnerId) ?? 0;
      const reason = paired.has(p.enrollmentId) ? "alreadyPaired" : refusalFor(people.get(p.enrollmentId), linked.get(p.partnerId), extra);
      if (reason) failures.push({ ...p, reason });
      else planned.set(p.partnerId, extra + 1);
    }
    // Nothing has been written yet: refusing now leaves the cohort exactly as it was.
    if (failures.length > 0) return { applied: false, failures };
    const by = actorUserId(actor);
    const pairIds: string[] = [];
    for (const p of proposal) {
      pairIds.push(await createPair(tx, { organisationId: cohort.organisationId, cohortId: cohort.id, ...p }, { userId: by, reason: "proposal" }));
    }
    return { applied: true, pairIds };
  });
}
