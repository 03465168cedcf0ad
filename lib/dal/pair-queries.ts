import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { enrollments, meetings, pairs, partners, users } from "@/db/schema";
import { proposeAssignment, rankPartners, scorePair, type PairReason, type PairSuggestion } from "@/lib/pairing";
import type { Actor } from "./actor";
import { candidates, coordinatedCohort, linkedPartners } from "./pair-rules";
import type { DbOrTx } from "./tx";

type Suggestion = PairSuggestion & { partnerName: string };

export interface PairingBoard {
  cohort: { id: string; name: string; programmeName: string };
  participants: {
    enrollmentId: string;
    name: string;
    employer: string;
    jobTitle: string;
    policyAreas: string[];
    languages: string[];
    region: string | null;
    pair: { pairId: string; partnerId: string; partnerName: string; confirmedAt: Date } | null;
    /** Unpaired only: the best partners that may take them, best first. */
    suggestions: Suggestion[];
    /** Unpaired only: partners that would fit but are ruled out (own employer, full), with why. */
    ruledOut: Suggestion[];
  }[];
  partners: {
    id: string;
    name: string;
    status: "pending" | "approved" | "declined";
    policyAreas: string[];
    languages: string[];
    region: string | null;
    capacity: number;
    paired: number;
    capacityLeft: number;
  }[];
}

/** Active pairs of a cohort by enrollment. */
async function activePairs(db: DbOrTx, cohortId: string) {
  const rows = await db
    .select({ pairId: pairs.id, enrollmentId: pairs.enrollmentId, partnerId: pairs.partnerId, confirmedAt: pairs.confirmedAt })
    .from(pairs)
    .where(and(eq(pairs.cohortId, cohortId), eq(pairs.status, "confirmed")));
  return new Map(rows.map((r) => [r.enrollmentId, r]));
}

/**
 * The pairing board of a cohort: its accepted participants (paired or not), its linked partners
 * with capacity left, and for each unpaired participant ranked suggestions with their reasons
 * and the partners ruled out with their conflicts.
 */
export async function getPairingBoard(actor: Actor | null, cohortId: string, opts: { suggestions?: number; ruledOut?: number } = {}): Promise<PairingBoard> {
  const cohort = await coordinatedCohort(actor, cohortId);
  const { db } = cohort;
  const [people, linked, active] = await Promise.all([candidates(db, cohort.id), linkedPartners(db, cohort.id), activePairs(db, cohort.id)]);
  const names = new Map(linked.map((p) => [p.id, p.name]));
  const named = (s: PairSuggestion): Suggestion => ({ ...s, partnerName: names.get(s.partnerId) ?? "" });
  // Partners not approved are never suggested, not even as ruled out.
  const pairable = linked.filter((p) => p.status === "approved");
  return {
    cohort: { id: cohort.id, name: cohort.name, programmeName: cohort.programmeName },
    participants: people.map((person) => {
      const pair = active.get(person.id);
      const ranked = pair ? [] : rankPartners(person, pairable);
      return {
        enrollmentId: person.id,
        name: person.name,
        employer: person.employer,
        jobTitle: person.jobTitle,
        policyAreas: person.policyAreas,
        languages: person.languages,
        region: person.region,
        pair: pair ? { pairId: pair.pairId, partnerId: pair.partnerId, partnerName: names.get(pair.partnerId) ?? "", confirmedAt: pair.confirmedAt } : null,
        suggestions: ranked.filter((s) => s.eligible).slice(0, opts.suggestions ?? 5).map(named),
        ruledOut: ranked.filter((s) => !s.eligible).slice(0, opts.ruledOut ?? 3).map(named),
      };
    }),
    partners: linked.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      policyAreas: p.policyAreas,
      languages: p.languages,
      region: p.region,
      capacity: p.capacity,
      paired: p.paired,
      capacityLeft: p.capacityLeft,
    })),
  };
}

export interface Proposal {
  /** Each proposed pair with its score and the reasons behind it, for the draft the coordinator edits. */
  pairs: { enrollmentId: string; participantName: string; partnerId: string; partnerName: string; score: number; reasons: PairReason[] }[];
  unpaired: { enrollmentId: string; participantName: string; reason: "noEligiblePartner" | "noCapacityLeft" }[];
  totalScore: number;
}

/**
 * "Propose pairs for everyone": the optimal assignment of the cohort's unpaired participants to
 * its partners' capacity left. Not stored: the coordinator edits it and applies it with applyProposal.
 */
export async function proposePairs(actor: Actor | null, cohortId: string): Promise<Proposal> {
  const cohort = await coordinatedCohort(actor, cohortId);
  const { db } = cohort;
  const [people, linked, active] = await Promise.all([candidates(db, cohort.id), linkedPartners(db, cohort.id), activePairs(db, cohort.id)]);
  const unpaired = people.filter((p) => !active.has(p.id));
  const pairable = linked.filter((p) => p.status === "approved");
  const result = proposeAssignment(unpaired, pairable);
  const person = new Map(unpaired.map((p) => [p.id, p]));
  const partner = new Map(pairable.map((p) => [p.id, p]));
  return {
    pairs: result.pairs.map((p) => {
      const who = person.get(p.participantId);
      const at = partner.get(p.partnerId);
      return {
        enrollmentId: p.participantId,
        participantName: who?.name ?? "",
        partnerId: p.partnerId,
        partnerName: at?.name ?? "",
        score: p.score,
        reasons: who && at ? scorePair(who, at).reasons : [],
      };
    }),
    unpaired: result.unpaired.map((u) => ({ enrollmentId: u.participantId, participantName: person.get(u.participantId)?.name ?? "", reason: u.reason })),
    totalScore: result.totalScore,
  };
}

/** Meetings per pair: logged (any status), confirmed, and the last one not disputed. */
async function meetingStats(db: DbOrTx, pairIds: string[]) {
  const rows = await db
    .select({
      pairId: meetings.pairId,
      logged: sql<number>`count(*)::int`,
      confirmed: sql<number>`(count(*) filter (where ${meetings.status} = 'confirmed'))::int`,
      lastMeetingAt: sql<Date | null>`max(${meetings.startsAt}) filter (where ${meetings.status} <> 'disputed')`.mapWith(meetings.startsAt),
    })
    .from(meetings)
    .where(inArray(meetings.pairId, pairIds))
    .groupBy(meetings.pairId);
  return new Map(rows.map((r) => [r.pairId, r]));
}

export interface CohortPair {
  pairId: string;
  status: "confirmed" | "ended";
  enrollmentId: string;
  participantName: string;
  employer: string;
  partnerId: string;
  partnerName: string;
  confirmedAt: Date;
  endedAt: Date | null;
  meetingsLogged: number;
  meetingsConfirmed: number;
  lastMeetingAt: Date | null;
  /** Active, and no confirmed meeting yet although the programme's number of weeks since pairing has passed. */
  flagged: boolean;
}

/** A cohort's pairs with their meetings: logged, confirmed, the last one, and whether the pair is overdue (flagged). */
export async function listCohortPairs(actor: Actor | null, cohortId: string, opts: { includeEnded?: boolean; now?: Date } = {}): Promise<CohortPair[]> {
  const cohort = await coordinatedCohort(actor, cohortId);
  const now = opts.now ?? new Date();
  const where = [eq(pairs.cohortId, cohort.id)];
  if (!opts.includeEnded) where.push(eq(pairs.status, "confirmed"));
  const rows = await cohort.db
    .select({
      pairId: pairs.id,
      status: pairs.status,
      enrollmentId: pairs.enrollmentId,
      participantName: sql<string>`coalesce(${users.name}, ${users.email})`,
      employer: enrollments.employer,
      partnerId: pairs.partnerId,
      partnerName: partners.name,
      confirmedAt: pairs.confirmedAt,
      endedAt: pairs.endedAt,
    })
    .from(pairs)
    .innerJoin(enrollments, eq(enrollments.id, pairs.enrollmentId))
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(partners, eq(partners.id, pairs.partnerId))
    .where(and(...where))
    .orderBy(asc(partners.name), asc(users.name));
  const stats = await meetingStats(
    cohort.db,
    rows.map((r) => r.pairId),
  );
  const dueMs = cohort.meetingDueWeeks * 7 * 86400_000;
  return rows.map((r) => {
    const s = stats.get(r.pairId);
    const confirmed = s?.confirmed ?? 0;
    return {
      ...r,
      meetingsLogged: s?.logged ?? 0,
      meetingsConfirmed: confirmed,
      lastMeetingAt: s?.lastMeetingAt ?? null,
      flagged: r.status === "confirmed" && confirmed === 0 && now.getTime() - r.confirmedAt.getTime() > dueMs,
    };
  });
}
