import type { MeetingView } from "@/lib/dal/meetings";
import type { CohortPair, MyPair, Proposal } from "@/lib/dal/pairs";
import type { getPartner, listPartners } from "@/lib/dal/partners";
import type { PairReason } from "@/lib/pairing";

// Partners, pairs and meetings as the API shows them, field by field (see serialize.ts).

type PartnerRow = Awaited<ReturnType<typeof listPartners>>[number];

export function partnerSummaryJson(p: PartnerRow) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    status: p.status,
    region: p.region,
    location: p.location,
    policyAreas: p.policyAreas,
    languages: p.languages,
    capacityPerCohort: p.capacityPerCohort,
    owner: p.ownerEmail ? { name: p.ownerName, email: p.ownerEmail } : null,
    registeredAt: p.registeredAt,
    cohortCount: p.cohortCount,
    activePairs: p.activePairs,
  };
}

type PartnerDetail = Awaited<ReturnType<typeof getPartner>>;

export function partnerJson(p: PartnerDetail) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    status: p.status,
    description: p.description,
    website: p.website,
    location: p.location,
    region: p.region,
    helpRequest: p.helpRequest,
    policyAreas: p.policyAreas,
    languages: p.languages,
    capacityPerCohort: p.capacityPerCohort,
    contactEmail: p.contactEmail,
    contactPhone: p.contactPhone,
    aliases: p.aliases,
    owner: p.ownerEmail ? { name: p.ownerName, email: p.ownerEmail } : null,
    registeredAt: p.registeredAt,
    decidedAt: p.decidedAt,
    decisionReason: p.decisionReason,
    cohorts: p.cohorts.map((c) => ({ cohortId: c.cohortId, cohortName: c.cohortName, startDate: c.startDate, capacity: c.capacity, paired: c.paired })),
    canEditIdentity: p.canEditIdentity,
  };
}

/**
 * The stored profile in the shape the edit schemas accept, for laying a PATCH over it.
 * Identity fields only for coordinators: an owner's schema does not know them.
 */
export function partnerEditValues(p: PartnerDetail): Record<string, unknown> {
  return {
    description: p.description,
    website: p.website,
    location: p.location,
    region: p.region,
    helpRequest: p.helpRequest,
    policyAreas: p.policyAreas,
    languages: p.languages,
    capacityPerCohort: p.capacityPerCohort,
    contactEmail: p.contactEmail,
    contactPhone: p.contactPhone,
    ...(p.canEditIdentity ? { name: p.name, kind: p.kind, aliases: p.aliases } : {}),
  };
}

export function cohortPairJson(p: CohortPair) {
  return {
    id: p.pairId,
    status: p.status,
    enrollmentId: p.enrollmentId,
    participantName: p.participantName,
    employer: p.employer,
    partnerId: p.partnerId,
    partnerName: p.partnerName,
    confirmedAt: p.confirmedAt,
    endedAt: p.endedAt,
    meetingsLogged: p.meetingsLogged,
    meetingsConfirmed: p.meetingsConfirmed,
    lastMeetingAt: p.lastMeetingAt,
    flagged: p.flagged,
  };
}

/** Why a pair fits, as data: clients put it in their own words. */
function reasonJson(r: PairReason) {
  switch (r.kind) {
    case "policyAreas":
    case "languages":
      return { kind: r.kind, shared: r.shared };
    case "region":
      return { kind: r.kind, region: r.region };
    case "capacity":
      return { kind: r.kind, left: r.left };
  }
}

export function proposalJson(p: Proposal) {
  return {
    pairs: p.pairs.map((x) => ({
      enrollmentId: x.enrollmentId,
      participantName: x.participantName,
      partnerId: x.partnerId,
      partnerName: x.partnerName,
      score: x.score,
      reasons: x.reasons.map(reasonJson),
    })),
    unpaired: p.unpaired.map((u) => ({ enrollmentId: u.enrollmentId, participantName: u.participantName, reason: u.reason })),
    totalScore: p.totalScore,
  };
}

export function myPairJson(p: MyPair) {
  const base = {
    id: p.pairId,
    side: p.side,
    cohortId: p.cohortId,
    cohortName: p.cohortName,
    programmeName: p.programmeName,
    confirmedAt: p.confirmedAt,
    meetingsLogged: p.meetingsLogged,
    meetingsConfirmed: p.meetingsConfirmed,
    meetingsAwaitingMe: p.meetingsAwaitingMe,
  };
  if (p.side === "participant") {
    const q = p.partner;
    return {
      ...base,
      partner: {
        id: q.id,
        name: q.name,
        kind: q.kind,
        helpRequest: q.helpRequest,
        description: q.description,
        website: q.website,
        location: q.location,
        contactName: q.contactName,
        contactEmail: q.contactEmail,
        contactPhone: q.contactPhone,
      },
    };
  }
  const who = p.participant;
  return {
    ...base,
    partner: { id: p.partner.id, name: p.partner.name },
    participant: { name: who.name, email: who.email, employer: who.employer, jobTitle: who.jobTitle, policyAreas: who.policyAreas },
  };
}

export function meetingJson(m: MeetingView) {
  return {
    id: m.id,
    pairId: m.pairId,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    mode: m.mode,
    notes: m.notes,
    status: m.status,
    loggedBySide: m.loggedBySide,
    loggedByName: m.loggedByName,
    respondedAt: m.respondedAt,
    disputeComment: m.disputeComment,
    awaitingMe: m.awaitingMe,
  };
}
