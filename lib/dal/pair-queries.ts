import { createHash } from "node:crypto";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { enrollments, meetings, pairs, partners, users } from "@/db/schema";
import { maxScoreFor, normaliseText, partnerRanker, proposeAssignment, scorePair, type PairReason, type PairSuggestion, type PairingParticipant, type PairingPartner } from "@/lib/pairing";
import { scoreMatrix, type ScoreMatrix } from "@/lib/pairing/score-matrix";
import type { Actor } from "./actor";
import { candidateColumns, candidates, inCoordinatedCohort, linkedPartners, toCandidate, type CandidateParticipant, type LinkedPartner } from "./pair-rules";
import { isUuid } from "./programmes";
import type { DbOrTx } from "./tx";

type Suggestion = PairSuggestion & { partnerName: string };

export interface BoardParticipant {
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
}

/** One page of a list: its rows, how many match in all, and which page of how many this is. */
export interface BoardPage {
  items: BoardParticipant[];
  total: number;
  /** 1-based; past the last page gives no items (and says so through page > pages). */
  page: number;
  pages: number;
}

export interface PairingBoard {
  cohort: { id: string; name: string; programmeName: string };
  /** The whole cohort, whatever the search: accepted participants, paired and waiting. */
  counts: { accepted: number; paired: number; waiting: number };
  /** The search the lists below are filtered by ("" for none). */
  query: string;
  /** Participants waiting for a partner, in arrival order, one page with their suggestions. */
  waiting: BoardPage;
  /** Paired participants, by name, one page. */
  paired: BoardPage;
  /** The participant named by `about` (to word a notice after an action), wherever their page is. */
  about: { enrollmentId: string; name: string; pair: { partnerId: string; partnerName: string } | null } | null;
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

export interface PairingBoardOptions {
  /** Search in name, employer, job title and policy areas (case-insensitive). */
  q?: string;
  /** Page of the waiting list (1-based). */
  page?: number;
  /** Page of the paired list (1-based). */
  pairedPage?: number;
  /** Participants per page; ranking is done for the shown page only, so a large cohort stays fast. */
  pageSize?: number;
  suggestions?: number;
  ruledOut?: number;
  about?: string;
}

export const BOARD_PAGE_SIZE = 20;

/** Active pairs of a cohort by enrollment. */
async function activePairs(db: DbOrTx, cohortId: string) {
  const rows = await db
    .select({ pairId: pairs.id, enrollmentId: pairs.enrollmentId, partnerId: pairs.partnerId, confirmedAt: pairs.confirmedAt })
    .from(pairs)
    .where(and(eq(pairs.cohortId, cohortId), eq(pairs.status, "confirmed")));
  return new Map(rows.map((r) => [r.enrollmentId, r]));
}

const wholePage = (n: number | undefined): number => (n !== undefined && Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1);

/** The enrollment has an active pair (served by the pairs' partial unique index on the enrollment). */
const hasActivePair = sql`EXISTS (SELECT 1 FROM ${pairs} ap WHERE ap.enrollment_id = ${enrollments.id} AND ap.status = 'confirmed')`;

/**
 * The pairing board of a cohort: its accepted participants (paired or not, searchable, a page of
 * each at a time), its linked partners with capacity left, and for each unpaired participant on
 * the page ranked suggestions with their reasons and the partners ruled out with their conflicts.
 * Both lists are paged and counted in SQL (a fixed number of statements, however large the
 * cohort); only the waiting page is ranked, against every approved partner.
 */
export async function getPairingBoard(actor: Actor | null, cohortId: string, opts: PairingBoardOptions = {}): Promise<PairingBoard> {
  return inCoordinatedCohort(actor, cohortId, async (cohort, db) => {
    const query = (opts.q ?? "").trim().slice(0, 200);
    const needle = normaliseText(query);
    const size = Math.max(1, Math.floor(opts.pageSize ?? BOARD_PAGE_SIZE));
    const waitingPage = wholePage(opts.page);
    const pairedPage = wholePage(opts.pairedPage);
    const accepted = and(eq(enrollments.cohortId, cohort.id), eq(enrollments.status, "accepted"))!;
    // Name, address, employer, job title (enrollments.search_text, lower-cased by the database) or a policy area.
    const like = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const matching = needle
      ? and(accepted, sql`(${enrollments.searchText} LIKE ${like} OR EXISTS (SELECT 1 FROM unnest(${enrollments.policyAreas}) area WHERE lower(area) LIKE ${like}))`)!
      : accepted;
    const total = sql<number>`count(*) over ()`.mapWith(Number);
    const about = opts.about && isUuid(opts.about) ? opts.about : null;

    const [linked, [counts], waitingRows, pairedRows, aboutRows] = await Promise.all([
      linkedPartners(db, cohort.id),
      db
        .select({ accepted: count(), paired: sql<number>`count(*) filter (where ${hasActivePair})`.mapWith(Number) })
        .from(enrollments)
        .where(accepted),
      db
        .select({ ...candidateColumns, total })
        .from(enrollments)
        .innerJoin(users, eq(users.id, enrollments.userId))
        .where(and(matching, sql`NOT ${hasActivePair}`))
        .orderBy(asc(enrollments.seq))
        .limit(size)
        .offset((waitingPage - 1) * size),
      db
        .select({ ...candidateColumns, pairId: pairs.id, partnerId: pairs.partnerId, confirmedAt: pairs.confirmedAt, total })
        .from(enrollments)
        .innerJoin(users, eq(users.id, enrollments.userId))
        .innerJoin(pairs, and(eq(pairs.enrollmentId, enrollments.id), eq(pairs.status, "confirmed")))
        .where(matching)
        .orderBy(asc(enrollments.sortName), asc(enrollments.id))
        .limit(size)
        .offset((pairedPage - 1) * size),
      about
        ? db
            .select({ enrollmentId: enrollments.id, name: sql<string>`coalesce(${users.name}, ${users.email})`, partnerId: pairs.partnerId })
            .from(enrollments)
            .innerJoin(users, eq(users.id, enrollments.userId))
            .leftJoin(pairs, and(eq(pairs.enrollmentId, enrollments.id), eq(pairs.status, "confirmed")))
            .where(and(accepted, eq(enrollments.id, about)))
        : Promise.resolve([]),
    ]);
    // Past the last page the window has no row to carry the total: count that list on its own (a stale link).
    const totalOf = async (rows: { total: number }[], page: number, paired: boolean): Promise<number> => {
      if (rows.length > 0 || page === 1) return rows[0]?.total ?? 0;
      const [row] = await db
        .select({ n: count() })
        .from(enrollments)
        .where(and(matching, paired ? hasActivePair : sql`NOT ${hasActivePair}`));
      return row?.n ?? 0;
    };
    const [waitingTotal, pairedTotal] = await Promise.all([totalOf(waitingRows, waitingPage, false), totalOf(pairedRows, pairedPage, true)]);

    const names = new Map(linked.map((p) => [p.id, p.name]));
    const named = (s: PairSuggestion): Suggestion => ({ ...s, partnerName: names.get(s.partnerId) ?? "" });
    // Partners not approved are never suggested, not even as ruled out.
    const rank = partnerRanker(linked.filter((p) => p.status === "approved"));
    const person = (p: CandidateParticipant) => ({
      enrollmentId: p.id,
      name: p.name,
      employer: p.employer,
      jobTitle: p.jobTitle,
      policyAreas: p.policyAreas,
      languages: p.languages,
      region: p.region,
    });
    const waiting = waitingRows.map(({ total: _t, ...row }): BoardParticipant => {
      const p = toCandidate(row);
      const ranked = rank(p);
      return {
        ...person(p),
        pair: null,
        suggestions: ranked.filter((s) => s.eligible).slice(0, opts.suggestions ?? 5).map(named),
        ruledOut: ranked.filter((s) => !s.eligible).slice(0, opts.ruledOut ?? 3).map(named),
      };
    });
    const paired = pairedRows.map(({ total: _t, pairId, partnerId, confirmedAt, ...row }): BoardParticipant => ({
      ...person(toCandidate(row)),
      pair: { pairId, partnerId, partnerName: names.get(partnerId) ?? "", confirmedAt },
      suggestions: [],
      ruledOut: [],
    }));
    const pages = (n: number) => Math.max(1, Math.ceil(n / size));
    const acceptedCount = counts?.accepted ?? 0;
    const pairedCount = counts?.paired ?? 0;
    const aboutRow = aboutRows[0];

    return {
      cohort: { id: cohort.id, name: cohort.name, programmeName: cohort.programmeName },
      counts: { accepted: acceptedCount, paired: pairedCount, waiting: acceptedCount - pairedCount },
      query,
      waiting: { items: waiting, total: waitingTotal, page: waitingPage, pages: pages(waitingTotal) },
      paired: { items: paired, total: pairedTotal, page: pairedPage, pages: pages(pairedTotal) },
      about: aboutRow
        ? {
            enrollmentId: aboutRow.enrollmentId,
            name: aboutRow.name,
            pair: aboutRow.partnerId ? { partnerId: aboutRow.partnerId, partnerName: names.get(aboutRow.partnerId) ?? "" } : null,
          }
        : null,
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
  });
}

/** A partner the coordinator may pick instead in the draft: one of the participant's best eligible partners. */
export interface ProposalAlternative {
  partnerId: string;
  partnerName: string;
  score: number;
}

export interface Proposal {
  /** Accepted participants of the cohort, paired or not: with none, there is nobody to propose for yet. */
  accepted: number;
  /** Each proposed pair with its score and the reasons behind it, for the draft the coordinator edits. */
  pairs: {
    enrollmentId: string;
    participantName: string;
    partnerId: string;
    partnerName: string;
    score: number;
    /** The scale of the participant's scores (maxScoreFor): "score 17 of 30". */
    maxScore: number;
    reasons: PairReason[];
    /** The participant's best other eligible partners, best first (at most `alternatives`). */
    alternatives: ProposalAlternative[];
  }[];
  unpaired: {
    enrollmentId: string;
    participantName: string;
    reason: "noEligiblePartner" | "noCapacityLeft";
    maxScore: number;
    /** The participant's best eligible partners, best first; taken by others when the reason is noCapacityLeft. */
    alternatives: ProposalAlternative[];
  }[];
  /** Every partner named above (proposed or alternative) with its places left before the proposal, by name. */
  partners: { id: string; name: string; capacityLeft: number }[];
  totalScore: number;
  /** The most the proposed pairs could score together (the sum of their participants' scales). */
  maxTotalScore: number;
}

/** Code-unit order, as rankPartners breaks ties. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Per participant, the `limit` best eligible partners other than `skip[i]`, with their scores, in
 * rankPartners' order (score, then more places left, then name, then id). Reads the score matrix
 * the assignment uses (same formula as scorePair) instead of ranking every partner per
 * participant with its reasons: 500 × 200 takes a few milliseconds.
 */
function bestAlternatives(
  participants: readonly PairingParticipant[],
  partners: readonly PairingPartner[],
  { score, eligible }: ScoreMatrix,
  skip: readonly (number | undefined)[],
  limit: number,
): { j: number; score: number }[][] {
  if (limit <= 0 || partners.length === 0) return participants.map(() => []);
  const width = partners.length;
  // Each partner's place among equal scores.
  const tieOrder = new Int32Array(width);
  partners
    .map((q, j) => ({ q, j }))
    .sort((a, b) => b.q.capacityLeft - a.q.capacityLeft || byCodeUnit(a.q.name, b.q.name) || byCodeUnit(a.q.id, b.q.id))
    .forEach((x, rank) => {
      tieOrder[x.j] = rank;
    });
  return participants.map((_, i) => {
    const row = i * width;
    const before = (a: number, b: number): boolean => {
      const sa = score[row + a] ?? 0;
      const sb = score[row + b] ?? 0;
      return sa > sb || (sa === sb && (tieOrder[a] ?? 0) < (tieOrder[b] ?? 0));
    };
    // Insertion into a short sorted list: limit is small, partners many.
    const top: number[] = [];
    for (let j = 0; j < width; j++) {
      if (eligible[row + j] !== 1 || j === skip[i]) continue;
      if (top.length === limit && !before(j, top[limit - 1] ?? 0)) continue;
      let at = top.length < limit ? top.length : limit - 1;
      while (at > 0 && before(j, top[at - 1] ?? 0)) {
        top[at] = top[at - 1] ?? 0;
        at--;
      }
      top[at] = j;
    }
    return top.map((j) => ({ j, score: score[row + j] ?? 0 }));
  });
}

/**
 * "Propose pairs for everyone": the optimal assignment of the cohort's unpaired participants to
 * its partners' capacity left. Not stored: the coordinator edits it and applies it with applyProposal.
 * With `alternatives`, each participant also gets up to that many of their best other eligible
 * partners, the only other choices the draft offers (every partner for every participant would
 * be 100,000 choices for 500 participants and 200 partners).
 */
export async function proposePairs(actor: Actor | null, cohortId: string, opts: { alternatives?: number } = {}): Promise<Proposal> {
  const { cohort, people, linked, active } = await inCoordinatedCohort(actor, cohortId, async (cohort, db) => {
    const [people, linked, active] = await Promise.all([candidates(db, cohort.id), linkedPartners(db, cohort.id), activePairs(db, cohort.id)]);
    return { cohort, people, linked, active };
  });
  const unpaired = people.filter((p) => !active.has(p.id));
  const pairable = linked.filter((p) => p.status === "approved");
  const alternatives = Math.max(0, Math.floor(opts.alternatives ?? 0));
  // The assignment takes 50-75 ms for 500 × 200 and depends only on what it is given: kept per
  // cohort under a fingerprint of exactly that, so a new pair, a changed link, capacity, partner or
  // participant makes a new one, and no write anywhere has to remember to invalidate it.
  const key = `${cohort.id}|${fingerprint(unpaired, pairable, alternatives)}`;
  const cached = proposals.get(key);
  if (cached) return { ...(await cached), accepted: people.length };
  const made = Promise.resolve().then(() => computeProposal(unpaired, pairable, alternatives));
  remember(key, made);
  try {
    return { ...(await made), accepted: people.length };
  } catch (err) {
    proposals.delete(key);
    throw err;
  }
}

/** Proposals computed lately, by cohort and fingerprint of their input (a promise: concurrent views share one computation). */
const proposals = new Map<string, Promise<Omit<Proposal, "accepted">>>();
const PROPOSALS_KEPT = 20;

function remember(key: string, proposal: Promise<Omit<Proposal, "accepted">>): void {
  proposals.delete(key);
  proposals.set(key, proposal);
  // Oldest first: Map keeps insertion order.
  for (const old of proposals.keys()) {
    if (proposals.size <= PROPOSALS_KEPT) break;
    proposals.delete(old);
  }
}

/** A hash of everything the assignment and the draft read, in the order they read it. */
function fingerprint(unpaired: readonly CandidateParticipant[], pairable: readonly LinkedPartner[], alternatives: number): string {
  const hash = createHash("sha256");
  hash.update(String(alternatives));
  for (const p of unpaired) hash.update(JSON.stringify([p.id, p.name, p.policyAreas, p.languages, p.region, p.employer]));
  hash.update("|");
  for (const q of pairable) hash.update(JSON.stringify([q.id, q.name, q.policyAreas, q.languages, q.region, q.capacityLeft, q.aliases ?? []]));
  return hash.digest("base64url");
}

function computeProposal(unpaired: CandidateParticipant[], pairable: LinkedPartner[], alternatives: number): Omit<Proposal, "accepted"> {
  // Scored once: the assignment and the alternatives read the same matrix.
  const matrix = scoreMatrix(unpaired, pairable);
  const result = proposeAssignment(unpaired, pairable, { matrix });
  const person = new Map(unpaired.map((p, i) => [p.id, { ...p, i }]));
  const partner = new Map(pairable.map((p, j) => [p.id, { ...p, j }]));
  const proposed: (number | undefined)[] = unpaired.map(() => undefined);
  for (const p of result.pairs) {
    const i = person.get(p.participantId)?.i;
    if (i !== undefined) proposed[i] = partner.get(p.partnerId)?.j;
  }
  const best = bestAlternatives(unpaired, pairable, matrix, proposed, alternatives);
  const named = new Set<number>(proposed.filter((j) => j !== undefined));
  const alternativesOf = (participantId: string): ProposalAlternative[] => {
    const i = person.get(participantId)?.i;
    return (i === undefined ? [] : (best[i] ?? [])).flatMap(({ j, score }) => {
      const q = pairable[j];
      if (!q) return [];
      named.add(j);
      return [{ partnerId: q.id, partnerName: q.name, score }];
    });
  };
  const scaleOf = (participantId: string): number => {
    const who = person.get(participantId);
    return who ? maxScoreFor(who) : 0;
  };
  const pairsOut = result.pairs.map((p) => {
    const who = person.get(p.participantId);
    const at = partner.get(p.partnerId);
    return {
      enrollmentId: p.participantId,
      participantName: who?.name ?? "",
      partnerId: p.partnerId,
      partnerName: at?.name ?? "",
      score: p.score,
      maxScore: who ? maxScoreFor(who) : 0,
      reasons: who && at ? scorePair(who, at).reasons : [],
      alternatives: alternativesOf(p.participantId),
    };
  });
  const unpairedOut = result.unpaired.map((u) => ({
    enrollmentId: u.participantId,
    participantName: person.get(u.participantId)?.name ?? "",
    reason: u.reason,
    maxScore: scaleOf(u.participantId),
    alternatives: alternativesOf(u.participantId),
  }));
  return {
    pairs: pairsOut,
    unpaired: unpairedOut,
    partners: [...named]
      .flatMap((j) => (pairable[j] ? [pairable[j]] : []))
      .map((q) => ({ id: q.id, name: q.name, capacityLeft: q.capacityLeft }))
      .sort((a, b) => byCodeUnit(a.name, b.name) || byCodeUnit(a.id, b.id)),
    totalScore: result.totalScore,
    maxTotalScore: pairsOut.reduce((n, p) => n + p.maxScore, 0),
  };
}

/** Meetings per pair: logged (any status), confirmed, the last one not disputed, the last confirmed and the last waiting for confirmation. */
async function meetingStats(db: DbOrTx, pairIds: string[]) {
  const rows = await db
    .select({
      pairId: meetings.pairId,
      logged: sql<number>`count(*)::int`,
      confirmed: sql<number>`(count(*) filter (where ${meetings.status} = 'confirmed'))::int`,
      lastMeetingAt: sql<Date | null>`max(${meetings.startsAt}) filter (where ${meetings.status} <> 'disputed')`.mapWith(meetings.startsAt),
      lastConfirmedAt: sql<Date | null>`max(${meetings.startsAt}) filter (where ${meetings.status} = 'confirmed')`.mapWith(meetings.startsAt),
      lastAwaitingAt: sql<Date | null>`max(${meetings.startsAt}) filter (where ${meetings.status} = 'logged')`.mapWith(meetings.startsAt),
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
  /** Why it ended: a coordinator's words, or a key Koppel wrote (`accountDeleted`, `enrollment:withdrawn`). */
  endReason: string;
  meetingsLogged: number;
  meetingsConfirmed: number;
  /** The last meeting not disputed, confirmed or still waiting for the other side (the API's field). */
  lastMeetingAt: Date | null;
  /** The last confirmed meeting: only these count as "met". */
  lastConfirmedAt: Date | null;
  /** The last meeting logged by one side and not answered yet by the other. */
  lastAwaitingAt: Date | null;
  /** Active, and no confirmed meeting yet although the programme's number of weeks since pairing has passed. */
  flagged: boolean;
}

/** A cohort's pairs with their meetings: logged, confirmed, the last one, and whether the pair is overdue (flagged). */
export async function listCohortPairs(actor: Actor | null, cohortId: string, opts: { includeEnded?: boolean; now?: Date } = {}): Promise<CohortPair[]> {
  return inCoordinatedCohort(actor, cohortId, async (cohort, db) => {
    const now = opts.now ?? new Date();
    const where = [eq(pairs.cohortId, cohort.id)];
    if (!opts.includeEnded) where.push(eq(pairs.status, "confirmed"));
    const rows = await db
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
        endReason: pairs.endReason,
      })
      .from(pairs)
      .innerJoin(enrollments, eq(enrollments.id, pairs.enrollmentId))
      .innerJoin(users, eq(users.id, enrollments.userId))
      .innerJoin(partners, eq(partners.id, pairs.partnerId))
      .where(and(...where))
      .orderBy(asc(partners.name), asc(users.name));
    const stats = await meetingStats(
      db,
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
        lastConfirmedAt: s?.lastConfirmedAt ?? null,
        lastAwaitingAt: s?.lastAwaitingAt ?? null,
        flagged: r.status === "confirmed" && confirmed === 0 && now.getTime() - r.confirmedAt.getTime() > dueMs,
      };
    });
  });
}
