// Scores every participant against every partner at once, for the assignment. Same formula as
// scorePair (the tests hold the two equal), but over interned integer ids instead of string sets:
// a large cohort has 100,000 pairs, and string hashing per pair was a third of the run time.
import { areaKey } from "@/lib/policy-areas";
import { CAPACITY_BONUS_MAX, LANGUAGE_WEIGHT, POLICY_AREA_WEIGHT, REGION_WEIGHT, normaliseLanguage, normaliseText } from "./score";
import type { PairingParticipant, PairingPartner } from "./types";

export interface ScoreMatrix {
  /** Row-major: the pair (participant i, partner j) is at i * partners + j. */
  score: Int32Array;
  /** 1 when the pair has no conflict (not the participant's employer, partner not full). */
  eligible: Uint8Array;
}

export function scoreMatrix(participants: readonly PairingParticipant[], partners: readonly PairingPartner[]): ScoreMatrix {
  const ids = new Map<string, number>();
  const intern = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const internAll = (keys: Iterable<string>): Int32Array => Int32Array.from(new Set([...keys].filter((key) => key !== "")), intern);
  const optional = (key: string): number => (key === "" ? -1 : intern(key));

  const partnerAreas = partners.map((q) => internAll(q.policyAreas.map(areaKey)));
  const partnerLanguages = partners.map((q) => internAll(q.languages.map(normaliseLanguage)));
  const partnerNames = partners.map((q) => internAll([q.name, ...(q.aliases ?? [])].map(normaliseText)));
  const partnerRegion = partners.map((q) => (q.region === null ? -1 : optional(normaliseText(q.region))));
  const partnerBase = partners.map((q) => Math.max(0, Math.min(Math.floor(q.capacityLeft), CAPACITY_BONUS_MAX)));
  const partnerOpen = partners.map((q) => q.capacityLeft > 0);

  // Per participant, mark its ids with a stamp (its row number + 1) so a partner's ids are
  // checked by array lookups; stamps never need clearing between rows.
  const participantKeys = participants.map((p) => ({
    areas: internAll(p.policyAreas.map(areaKey)),
    languages: internAll(p.languages.map(normaliseLanguage)),
    region: p.region === null ? -1 : optional(normaliseText(p.region)),
    employer: optional(normaliseText(p.employer)),
  }));
  const none = new Int32Array(0);
  const areaStamp = new Int32Array(ids.size);
  const languageStamp = new Int32Array(ids.size);

  // Local copies: bundlers and tsx turn imported bindings into getter calls, which cost more than
  // the rest of this loop.
  const areaWeight = POLICY_AREA_WEIGHT;
  const languageWeight = LANGUAGE_WEIGHT;
  const regionWeight = REGION_WEIGHT;
  const width = partners.length;
  const score = new Int32Array(participants.length * width);
  const eligible = new Uint8Array(participants.length * width);
  participantKeys.forEach((p, i) => {
    const stamp = i + 1;
    for (const id of p.areas) areaStamp[id] = stamp;
    for (const id of p.languages) languageStamp[id] = stamp;
    for (let j = 0; j < width; j++) {
      let s = partnerBase[j] ?? 0;
      for (const id of partnerAreas[j] ?? none) if (areaStamp[id] === stamp) s += areaWeight;
      for (const id of partnerLanguages[j] ?? none) {
        if (languageStamp[id] === stamp) {
          s += languageWeight;
          break;
        }
      }
      if (p.region !== -1 && p.region === partnerRegion[j]) s += regionWeight;
      score[i * width + j] = s;
      const ownEmployer = p.employer !== -1 && (partnerNames[j] ?? none).includes(p.employer);
      eligible[i * width + j] = partnerOpen[j] === true && !ownEmployer ? 1 : 0;
    }
  });
  return { score, eligible };
}
