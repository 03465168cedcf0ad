import { FlowGraph } from "./min-cost-flow";
import { scoreMatrix, type ScoreMatrix } from "./score-matrix";
import type { PairingParticipant, PairingPartner } from "./types";

export interface ProposedPair {
  participantId: string;
  partnerId: string;
  score: number;
}

export type UnpairedReason = "noEligiblePartner" | "noCapacityLeft";

export interface ProposedAssignment {
  /** Kept pairs and new ones, in the order the participants were given. */
  pairs: ProposedPair[];
  /** noEligiblePartner: every partner is ruled out; noCapacityLeft: the room went to others. */
  unpaired: { participantId: string; reason: UnpairedReason }[];
  /** Sum of the scores of all pairs, kept ones included. */
  totalScore: number;
}

export interface ProposeOptions {
  /** Confirmed pairs: they stay as they are, even if ruled out today, and use the partner's capacity. */
  keep?: readonly { participantId: string; partnerId: string }[];
  /** scoreMatrix(participants, partners), when the caller has computed it already for other uses. */
  matrix?: ScoreMatrix;
}

function indexById(items: readonly { id: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item.id)) throw new Error(`duplicate ${what} id ${item.id}`);
    index.set(item.id, i);
  });
  return index;
}

/**
 * The best pairs for everyone: first as many participants paired as possible, then the highest
 * total score, within each partner's capacity and never with a ruled-out partner. Optimal, not
 * greedy (min-cost max-flow, see min-cost-flow.ts); equal inputs give equal output.
 */
export function proposeAssignment(
  participants: readonly PairingParticipant[],
  partners: readonly PairingPartner[],
  opts: ProposeOptions = {},
): ProposedAssignment {
  const participantIndex = indexById(participants, "participant");
  const partnerIndex = indexById(partners, "partner");
  // More room than there are participants is never used; capping keeps arc capacities in Int32.
  const room = partners.map((partner) => Math.min(participants.length, Math.max(0, Math.floor(partner.capacityLeft))) || 0);

  const keptPartner = new Map<number, number>();
  for (const pair of opts.keep ?? []) {
    const i = participantIndex.get(pair.participantId);
    const j = partnerIndex.get(pair.partnerId);
    if (i === undefined) throw new Error(`kept pair names unknown participant ${pair.participantId}`);
    if (j === undefined) throw new Error(`kept pair names unknown partner ${pair.partnerId}`);
    if (keptPartner.has(i)) throw new Error(`participant ${pair.participantId} is kept twice`);
    keptPartner.set(i, j);
    room[j] = Math.max(0, (room[j] ?? 0) - 1);
  }

  // Score every open participant against every partner once; only eligible pairs with room left
  // become arcs. Costs are (best score − score) so they are non-negative: every augmenting path
  // adds exactly one pair, so for a fixed number of pairs least cost is highest total score.
  // Candidates are kept in flat arrays (index c): a large cohort has 100,000 of them.
  const open: number[] = [];
  const hasEligible: boolean[] = participants.map(() => false);
  const candidateOf = new Int32Array(participants.length * partners.length);
  const candidatePartner = new Int32Array(candidateOf.length);
  const candidateScore = new Int32Array(candidateOf.length);
  let candidates = 0;
  const keptScore = new Map<number, number>();
  let best = 0;
  const matrix = opts.matrix ?? scoreMatrix(participants, partners);
  const width = partners.length;
  participants.forEach((_, i) => {
    const kept = keptPartner.get(i);
    if (kept !== undefined) {
      keptScore.set(i, matrix.score[i * width + kept] ?? 0);
      return;
    }
    for (let j = 0; j < width; j++) {
      if (matrix.eligible[i * width + j] !== 1) continue;
      hasEligible[i] = true;
      if ((room[j] ?? 0) <= 0) continue;
      const score = matrix.score[i * width + j] ?? 0;
      candidateOf[candidates] = open.length;
      candidatePartner[candidates] = j;
      candidateScore[candidates] = score;
      candidates++;
      if (score > best) best = score;
    }
    open.push(i);
  });

  // Nodes: 0 source, 1..open participants, then partners, then the sink. The searches try arcs in
  // the order they were added, so among equally good assignments the choice follows the order
  // the participants and partners were given, not an accident of storage.
  const source = 0;
  const firstPartner = 1 + open.length;
  const sink = firstPartner + partners.length;
  const graph = new FlowGraph(sink + 1);
  for (let k = 0; k < open.length; k++) graph.addArc(source, 1 + k, 1, 0);
  const firstCandidateArc = open.length;
  for (let c = 0; c < candidates; c++) {
    graph.addArc(1 + (candidateOf[c] ?? 0), firstPartner + (candidatePartner[c] ?? 0), 1, best - (candidateScore[c] ?? 0));
  }
  room.forEach((left, j) => {
    if (left > 0) graph.addArc(firstPartner + j, sink, left, 0);
  });
  graph.minCostMaxFlow(source, sink);

  const chosen = new Map<number, { j: number; score: number }>();
  for (let c = 0; c < candidates; c++) {
    const i = open[candidateOf[c] ?? 0];
    if (i !== undefined && graph.flowOn(firstCandidateArc + c) > 0) chosen.set(i, { j: candidatePartner[c] ?? 0, score: candidateScore[c] ?? 0 });
  }

  const pairs: ProposedPair[] = [];
  const unpaired: ProposedAssignment["unpaired"] = [];
  let totalScore = 0;
  participants.forEach((participant, i) => {
    const kept = keptPartner.get(i);
    const pick = kept === undefined ? chosen.get(i) : { j: kept, score: keptScore.get(i) ?? 0 };
    const partner = pick === undefined ? undefined : partners[pick.j];
    if (pick === undefined || partner === undefined) {
      unpaired.push({ participantId: participant.id, reason: hasEligible[i] === true ? "noCapacityLeft" : "noEligiblePartner" });
      return;
    }
    pairs.push({ participantId: participant.id, partnerId: partner.id, score: pick.score });
    totalScore += pick.score;
  });
  return { pairs, unpaired, totalScore };
}
