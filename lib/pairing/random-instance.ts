// Seeded random cohorts for the pairing tests and benchmark: the same seed gives the same cohort
// on every machine, so a failure or a timing can be reproduced.
import type { PairingParticipant, PairingPartner } from "./types";

/** mulberry32: a tiny 32-bit PRNG, good enough for test data and fully deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const POLICY_AREAS = [
  "Energy transition", "Housing", "Social domain", "Poverty", "Youth", "Care",
  "Climate adaptation", "Mobility", "Participation", "Education", "Economy", "Digitalisation",
];
const LANGUAGES = ["nl", "en", "zh-CN", "de", "ar", "tr"];
const REGIONS = ["Noord", "Oost", "Zuid", "West", "Randstad"];

export interface RandomCohortOptions {
  participants: number;
  partners: number;
  seed: number;
  /** Inclusive range of each partner's capacity left. */
  capacity: [number, number];
}

/** Partners "Partner 0".."Partner n-1"; about one participant in ten works for one of them. */
export function randomCohort(opts: RandomCohortOptions): { participants: PairingParticipant[]; partners: PairingPartner[] } {
  const random = seededRandom(opts.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[], count: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    for (let k = 0; k < count && copy.length > 0; k++) out.push(...copy.splice(int(0, copy.length - 1), 1));
    return out;
  };
  const partners: PairingPartner[] = Array.from({ length: opts.partners }, (_, j) => ({
    id: `q${String(j).padStart(4, "0")}`,
    name: `Partner ${String(j)}`,
    aliases: [`Gemeente P${String(j)}`],
    policyAreas: pick(POLICY_AREAS, int(1, 3)),
    languages: pick(LANGUAGES, int(1, 2)),
    region: random() < 0.9 ? (pick(REGIONS, 1)[0] ?? null) : null,
    capacityLeft: int(opts.capacity[0], opts.capacity[1]),
  }));
  const participants: PairingParticipant[] = Array.from({ length: opts.participants }, (_, i) => ({
    id: `p${String(i).padStart(4, "0")}`,
    policyAreas: pick(POLICY_AREAS, int(0, 3)),
    languages: pick(LANGUAGES, int(1, 2)),
    region: random() < 0.8 ? (pick(REGIONS, 1)[0] ?? null) : null,
    employer: random() < 0.1 && opts.partners > 0 ? `gemeente  p${String(int(0, opts.partners - 1))}` : `Ministry ${String(int(1, 9))}`,
  }));
  return { participants, partners };
}
