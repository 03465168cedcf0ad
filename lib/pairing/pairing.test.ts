import { describe, expect, it } from "vitest";
import { maxScoreFor, proposeAssignment, rankPartners, scorePair, type PairingParticipant, type PairingPartner, type ProposedAssignment } from "./index";
import { randomCohort, seededRandom } from "./random-instance";
import { bruteForce, reference } from "./reference-solvers";
import { scoreMatrix } from "./score-matrix";

const participant = (id: string, over: Partial<PairingParticipant> = {}): PairingParticipant => ({
  id, policyAreas: [], languages: [], region: null, employer: "", ...over,
});
const partner = (id: string, over: Partial<PairingPartner> = {}): PairingPartner => ({
  id, name: `Partner ${id}`, policyAreas: [], languages: [], region: null, capacityLeft: 1, ...over,
});
type Keep = { participantId: string; partnerId: string }[];

/** Throws unless the assignment respects capacities, conflicts, keep and its own bookkeeping. */
function expectValid(result: ProposedAssignment, participants: PairingParticipant[], partners: PairingPartner[], keep: Keep = []): void {
  const seen = new Set<string>();
  const used = new Map<string, number>();
  let total = 0;
  for (const pair of result.pairs) {
    expect(seen.has(pair.participantId)).toBe(false);
    seen.add(pair.participantId);
    const p = participants.find((x) => x.id === pair.participantId);
    const q = partners.find((x) => x.id === pair.partnerId);
    if (p === undefined || q === undefined) throw new Error("pair names an unknown id");
    const suggestion = scorePair(p, q);
    const kept = keep.some((k) => k.participantId === p.id && k.partnerId === q.id);
    if (!kept) expect(suggestion.eligible).toBe(true);
    expect(pair.score).toBe(suggestion.score);
    used.set(q.id, (used.get(q.id) ?? 0) + 1);
    total += pair.score;
  }
  for (const q of partners) {
    const keptHere = keep.filter((k) => k.partnerId === q.id).length;
    expect(used.get(q.id) ?? 0).toBeLessThanOrEqual(Math.max(q.capacityLeft, keptHere));
  }
  for (const u of result.unpaired) {
    expect(seen.has(u.participantId)).toBe(false);
    seen.add(u.participantId);
  }
  expect(seen.size).toBe(participants.length);
  expect(result.totalScore).toBe(total);
}

describe("scorePair", () => {
  const ambtenaar = participant("p1", {
    policyAreas: ["  energy   TRANSITION", "Housing"], languages: ["zh-CN", "EN"], region: "utrecht", employer: " Gemeente  Zwolle ",
  });
  const initiative = partner("q1", {
    name: "Zwolle Energie", aliases: ["gemeente zwolle"], policyAreas: ["Energy transition", "Care"],
    languages: ["zh", "nl", "en"], region: "Utrecht", capacityLeft: 2,
  });

  it("gives reasons in the partner's spelling and normalised language codes", () => {
    const s = scorePair(ambtenaar, { ...initiative, aliases: [] });
    expect(s.reasons).toEqual([
      { kind: "policyAreas", shared: ["Energy transition"] },
      { kind: "languages", shared: ["zh", "en"] },
      { kind: "region", region: "Utrecht" },
      { kind: "capacity", left: 2 },
    ]);
    expect(s).toMatchObject({ partnerId: "q1", score: 10 + 4 + 3 + 2, conflicts: [], eligible: true });
  });

  it("rules out the participant's own employer by name or alias, but still scores it", () => {
    const byAlias = scorePair(ambtenaar, initiative);
    expect(byAlias.conflicts).toEqual([{ kind: "ownEmployer", employer: "Gemeente  Zwolle" }]);
    expect(byAlias).toMatchObject({ eligible: false, score: 19 });
    expect(scorePair({ ...ambtenaar, employer: "ZWOLLE energie" }, { ...initiative, aliases: [] }).eligible).toBe(false);
    expect(scorePair({ ...ambtenaar, employer: "Gemeente Zwolle-Noord" }, initiative).eligible).toBe(true);
  });

  it("never lets an empty employer conflict, and marks a full partner", () => {
    expect(scorePair(participant("p"), partner("q", { name: "", aliases: [" "] })).conflicts).toEqual([]);
    const full = scorePair(ambtenaar, { ...initiative, aliases: [], capacityLeft: 0 });
    expect(full.conflicts).toEqual([{ kind: "full" }]);
    expect(full.reasons.some((r) => r.kind === "capacity")).toBe(false);
    expect(full).toMatchObject({ eligible: false, score: 17 });
  });

  it("keeps a pair without a shared policy area eligible, with a low score", () => {
    const s = scorePair(participant("p", { policyAreas: ["Youth"], languages: ["nl"] }), partner("q", { policyAreas: ["Care"], languages: ["NL-be"], capacityLeft: 9 }));
    expect(s).toMatchObject({ eligible: true, score: 4 + 3, reasons: [{ kind: "languages", shared: ["nl"] }, { kind: "capacity", left: 9 }] });
  });
});

describe("scoreMatrix", () => {
  it("gives the assignment the same scores and eligibility as scorePair", () => {
    const { participants, partners } = randomCohort({ participants: 60, partners: 25, capacity: [0, 3], seed: 5 });
    participants.push(participant("odd", { policyAreas: [" CARE ", "care", ""], languages: ["ZH_cn", ""], region: " ", employer: "partner  3" }));
    partners.push(partner("dup", { policyAreas: ["Care", "care "], languages: ["zh", "zh-TW"], region: "", aliases: ["", "Gemeente P3"] }));
    const matrix = scoreMatrix(participants, partners);
    participants.forEach((p, i) => {
      partners.forEach((q, j) => {
        const s = scorePair(p, q);
        expect([matrix.score[i * partners.length + j], matrix.eligible[i * partners.length + j]]).toEqual([s.score, s.eligible ? 1 : 0]);
      });
    });
  });
});

describe("rankPartners", () => {
  const p = participant("p", { policyAreas: ["Care"], employer: "Own Org" });
  const partners = [
    partner("e", { name: "Bravo", capacityLeft: 3 }),
    partner("own", { name: "Own Org", policyAreas: ["Care"], capacityLeft: 3 }),
    partner("a", { name: "Top", policyAreas: ["care"] }),
    partner("d", { name: "Alpha", capacityLeft: 3 }),
    partner("c", { name: "Alpha", capacityLeft: 4 }),
    partner("b", { name: "Alpha", capacityLeft: 3 }),
    partner("full", { name: "Full", policyAreas: ["Care"], capacityLeft: 0 }),
  ];

  it("puts eligible partners first by score, capacity, name and id, then the ruled-out ones", () => {
    expect(rankPartners(p, partners).map((s) => s.partnerId)).toEqual(["a", "c", "b", "d", "e", "own", "full"]);
    expect(rankPartners(p, partners, 2).map((s) => s.partnerId)).toEqual(["a", "c"]);
  });

  it("gives the same order whatever order the partners come in", () => {
    const random = seededRandom(7);
    const expected = rankPartners(p, partners);
    for (let run = 0; run < 20; run++) {
      const shuffled = [...partners].sort(() => random() - 0.5);
      expect(rankPartners(p, shuffled)).toEqual(expected);
    }
  });
});

describe("proposeAssignment", () => {

  it("beats greedy: the best single pair is not part of the best assignment", () => {
    const participants = [participant("p1", { policyAreas: ["Energy", "Housing", "Care"], languages: ["nl"] }), participant("p2", { policyAreas: ["Care"] })];
    const partners = [partner("A", { policyAreas: ["Energy", "Housing", "Care"] }), partner("B", { policyAreas: ["Energy", "Housing"], languages: ["nl"] })];
    // Scores: p1-A 31, p1-B 25, p2-A 11, p2-B 1. Greedy takes p1-A first and ends at 32.
    const candidates = participants.flatMap((p) => partners.map((q) => ({ p: p.id, q: q.id, s: scorePair(p, q).score })));
    const taken = new Set<string>();
    let greedyTotal = 0;
    for (const c of candidates.sort((x, y) => y.s - x.s)) {
      if (taken.has(c.p) || taken.has(c.q)) continue;
      taken.add(c.p).add(c.q);
      greedyTotal += c.s;
    }
    expect(greedyTotal).toBe(32);
    const result = proposeAssignment(participants, partners);
    expect(result.totalScore).toBe(36);
    expect(result.pairs).toEqual([
      { participantId: "p1", partnerId: "B", score: 25 },
      { participantId: "p2", partnerId: "A", score: 11 },
    ]);
  });

  it("pairs more people before it scores higher", () => {
    const areas = ["Energy", "Housing", "Care", "Poverty"];
    const participants = [participant("p1", { policyAreas: areas }), participant("p2", { employer: "Ministerie van BZK" })];
    const partners = [partner("A", { policyAreas: areas }), partner("B", { name: "Ministerie van BZK" })];
    // p1-A alone scores 41; p1-B (1) + p2-A (1) pairs both.
    const result = proposeAssignment(participants, partners);
    expect(result.pairs.map((x) => `${x.participantId}-${x.partnerId}`)).toEqual(["p1-B", "p2-A"]);
    expect(result.totalScore).toBe(2);
  });

  it("respects capacity and says why someone stays unpaired", () => {
    const participants = [
      participant("p1", { policyAreas: ["Care"] }), participant("p2", { policyAreas: ["Care"] }),
      participant("p3", { policyAreas: ["Care"] }), participant("p4", { employer: "Busy" }),
    ];
    const partners = [partner("A", { name: "Busy", policyAreas: ["Care"], capacityLeft: 2 }), partner("F", { capacityLeft: 0 })];
    const result = proposeAssignment(participants, partners);
    expectValid(result, participants, partners);
    expect(result.pairs).toHaveLength(2);
    expect(result.unpaired).toEqual([
      { participantId: "p3", reason: "noCapacityLeft" },
      { participantId: "p4", reason: "noEligiblePartner" },
    ]);
  });

  it("keeps confirmed pairs, counts their capacity and does not reassign them", () => {
    const participants = [participant("p1", { policyAreas: ["Care"] }), participant("p2", { policyAreas: ["Care"], employer: "Partner B" })];
    const partners = [partner("A", { policyAreas: ["Care"] }), partner("B", { policyAreas: ["Care"] })];
    const keep = [{ participantId: "p2", partnerId: "B" }, { participantId: "p1", partnerId: "A" }];
    const result = proposeAssignment(participants, partners, { keep });
    expectValid(result, participants, partners, keep);
    expect(result.pairs).toEqual([
      { participantId: "p1", partnerId: "A", score: 11 },
      { participantId: "p2", partnerId: "B", score: 11 },
    ]);
    const onlyP2 = proposeAssignment(participants, partners, { keep: [{ participantId: "p2", partnerId: "A" }] });
    expect(onlyP2.pairs.map((x) => x.partnerId)).toEqual(["B", "A"]);
    expect(() => proposeAssignment(participants, partners, { keep: [{ participantId: "x", partnerId: "A" }] })).toThrow(/unknown participant/);
  });

  it("matches brute force on 200 random small cohorts", () => {
    const random = seededRandom(2027);
    for (let n = 0; n < 200; n++) {
      const { participants, partners } = randomCohort({
        participants: Math.floor(random() * 7), partners: Math.floor(random() * 5), capacity: [0, 2], seed: n + 1,
      });
      // Make own-employer conflicts common in instances this small.
      for (const p of participants) if (random() < 0.3 && partners.length > 0) p.employer = `Partner ${String(Math.floor(random() * partners.length))}`;
      const first = participants[0];
      const target = partners[Math.floor(random() * partners.length)];
      const keep = random() < 0.3 && first !== undefined && target !== undefined ? [{ participantId: first.id, partnerId: target.id }] : [];
      const result = proposeAssignment(participants, partners, { keep });
      expectValid(result, participants, partners, keep);
      const best = bruteForce(participants, partners, keep);
      expect({ n, count: result.pairs.length, total: result.totalScore }).toEqual({ n, ...best });
      expect(proposeAssignment(participants, partners, { keep })).toEqual(result);
    }
  });

  it("matches an independent Bellman-Ford solver on 30 medium cohorts", () => {
    for (let n = 0; n < 30; n++) {
      const { participants, partners } = randomCohort({ participants: 40, partners: 12, capacity: [0, 3], seed: 1000 + n });
      const result = proposeAssignment(participants, partners);
      expectValid(result, participants, partners);
      expect({ n, count: result.pairs.length, total: result.totalScore }).toEqual({ n, ...reference(participants, partners) });
    }
  });

  it("pairs a cohort of 500 participants with 200 partners validly", () => {
    const { participants, partners } = randomCohort({ participants: 500, partners: 200, capacity: [1, 4], seed: 42 });
    const started = performance.now();
    const result = proposeAssignment(participants, partners);
    const elapsed = performance.now() - started;
    console.info(`proposeAssignment 500 × 200: ${elapsed.toFixed(1)} ms, ${String(result.pairs.length)} pairs, total ${String(result.totalScore)}`);
    expectValid(result, participants, partners);
    expect(result.pairs.length + result.unpaired.length).toBe(500);
  });
});

describe("maxScoreFor", () => {
  it("is the most any partner could score with the participant, and no pair scores more", () => {
    const p = participant("p1", { policyAreas: ["Wonen", " wonen ", "Zorg"], languages: ["nl"], region: "utrecht" });
    expect(maxScoreFor(p)).toBe(2 * 10 + 4 + 3 + 3);
    expect(maxScoreFor(participant("p2"))).toBe(3);
    const best = partner("q1", { policyAreas: ["Wonen", "Zorg", "Energie"], languages: ["nl", "en"], region: "Utrecht", capacityLeft: 9 });
    expect(scorePair(p, best).score).toBe(maxScoreFor(p));
    const { participants, partners } = randomCohort({ participants: 30, partners: 20, seed: 7, capacity: [0, 5] });
    for (const x of participants) for (const q of partners) expect(scorePair(x, q).score).toBeLessThanOrEqual(maxScoreFor(x));
  });
});
