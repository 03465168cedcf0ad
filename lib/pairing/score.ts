import { areaKey } from "@/lib/policy-areas";
import type { PairConflict, PairReason, PairSuggestion, PairingParticipant, PairingPartner } from "./types";

// Weights of the match score. All integers, so sums compare exactly and the optimal assignment
// has no floating-point ties.
// - A shared policy area is the reason a pair exists at all (the civil servant helps with a
//   request in their own field), so it outweighs everything else: 10 per shared area.
// - A common language decides whether the two can work together; one is enough, a second adds
//   nothing, so it counts 4 once, not per language.
// - The same region saves travel for the in-person meetings: 3.
// - Capacity left is only a tie-breaker that spreads participants over partners with room:
//   min(capacityLeft, 3), always smaller than any of the reasons above.
export const POLICY_AREA_WEIGHT = 10;
export const LANGUAGE_WEIGHT = 4;
export const REGION_WEIGHT = 3;
export const CAPACITY_BONUS_MAX = 3;

/** Case-, whitespace- and Unicode-form-insensitive key for free text such as policy areas and names. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** ISO 639-1 primary subtag: "zh-CN" and "ZH_cn" both become "zh". */
export function normaliseLanguage(code: string): string {
  const lower = code.trim().toLowerCase();
  const cut = lower.search(/[-_]/);
  return cut === -1 ? lower : lower.slice(0, cut);
}

/** A participant with its keys normalised once, so scoring many partners does no string work twice. */
export interface PreparedParticipant {
  policyAreas: ReadonlySet<string>;
  languages: ReadonlySet<string>;
  region: string;
  employerKey: string;
  employer: string;
}

/** A partner with its keys normalised once; labels keep the partner's own spelling for reasons. */
export interface PreparedPartner {
  partner: PairingPartner;
  policyAreas: readonly { key: string; label: string }[];
  languages: readonly string[];
  regionKey: string;
  names: ReadonlySet<string>;
}

export function prepareParticipant(participant: PairingParticipant): PreparedParticipant {
  return {
    policyAreas: new Set(participant.policyAreas.map(areaKey).filter((key) => key !== "")),
    languages: new Set(participant.languages.map(normaliseLanguage).filter((code) => code !== "")),
    region: participant.region === null ? "" : normaliseText(participant.region),
    employerKey: normaliseText(participant.employer),
    employer: participant.employer.trim(),
  };
}

export function preparePartner(partner: PairingPartner): PreparedPartner {
  const seenAreas = new Set<string>();
  const policyAreas: { key: string; label: string }[] = [];
  for (const label of partner.policyAreas) {
    const key = areaKey(label);
    if (key === "" || seenAreas.has(key)) continue;
    seenAreas.add(key);
    policyAreas.push({ key, label: label.trim() });
  }
  const languages = [...new Set(partner.languages.map(normaliseLanguage))].filter((code) => code !== "");
  const names = new Set([partner.name, ...(partner.aliases ?? [])].map(normaliseText).filter((key) => key !== ""));
  return {
    partner,
    policyAreas,
    languages,
    regionKey: partner.region === null ? "" : normaliseText(partner.region),
    names,
  };
}

/**
 * The scale a participant's match scores are shown on ("17 of 30"): the most any partner could
 * score with them — every one of their policy areas shared, a common language (when they gave
 * any), their region (when they gave one), and the full capacity bonus.
 */
export function maxScoreFor(participant: Pick<PairingParticipant, "policyAreas" | "languages" | "region">): number {
  const areas = new Set(participant.policyAreas.map(normaliseText).filter((key) => key !== "")).size;
  const languages = participant.languages.some((code) => normaliseLanguage(code) !== "");
  const region = participant.region !== null && normaliseText(participant.region) !== "";
  return POLICY_AREA_WEIGHT * areas + (languages ? LANGUAGE_WEIGHT : 0) + (region ? REGION_WEIGHT : 0) + CAPACITY_BONUS_MAX;
}

function capacityBonus(left: number): number {
  return Math.max(0, Math.min(Math.floor(left), CAPACITY_BONUS_MAX));
}

/** The full suggestion for prepared inputs (score-matrix.ts computes the same score in bulk). */
export function scorePrepared(p: PreparedParticipant, q: PreparedPartner): PairSuggestion {
  const partner = q.partner;
  const reasons: PairReason[] = [];
  let score = 0;

  const sharedAreas = q.policyAreas.filter((area) => p.policyAreas.has(area.key)).map((area) => area.label);
  if (sharedAreas.length > 0) {
    reasons.push({ kind: "policyAreas", shared: sharedAreas });
    score += POLICY_AREA_WEIGHT * sharedAreas.length;
  }
  const sharedLanguages = q.languages.filter((code) => p.languages.has(code));
  if (sharedLanguages.length > 0) {
    reasons.push({ kind: "languages", shared: sharedLanguages });
    score += LANGUAGE_WEIGHT;
  }
  if (p.region !== "" && p.region === q.regionKey && partner.region !== null) {
    reasons.push({ kind: "region", region: partner.region.trim() });
    score += REGION_WEIGHT;
  }
  if (partner.capacityLeft > 0) {
    reasons.push({ kind: "capacity", left: partner.capacityLeft });
    score += capacityBonus(partner.capacityLeft);
  }

  const conflicts: PairConflict[] = [];
  if (p.employerKey !== "" && q.names.has(p.employerKey)) conflicts.push({ kind: "ownEmployer", employer: p.employer });
  if (partner.capacityLeft <= 0) conflicts.push({ kind: "full" });

  return { partnerId: partner.id, score, reasons, conflicts, eligible: conflicts.length === 0 };
}

/** How well one participant fits one partner, why, and what rules the pair out. */
export function scorePair(participant: PairingParticipant, partner: PairingPartner): PairSuggestion {
  return scorePrepared(prepareParticipant(participant), preparePartner(partner));
}

// Code-unit order, not a locale collator: the tie-break must give the same order on every server
// whatever its ICU data; the name only has to be stable, not alphabetical in a given language.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Partners for one participant, best first: eligible ones by score, then more capacity left, then
 * name, then id; after them the ruled-out ones in the same order, so the UI can say why a partner
 * is not suggested. `limit` cuts the whole list.
 */
export function rankPartners(participant: PairingParticipant, partners: readonly PairingPartner[], limit?: number): PairSuggestion[] {
  return partnerRanker(partners)(participant, limit);
}

/**
 * rankPartners for many participants against the same partners: each partner's keys are
 * normalised once, not once per participant.
 */
export function partnerRanker(partners: readonly PairingPartner[]): (participant: PairingParticipant, limit?: number) => PairSuggestion[] {
  const prepared = partners.map(preparePartner);
  return (participant, limit) => {
    const p = prepareParticipant(participant);
    const ranked = prepared
      .map((q) => ({ partner: q.partner, suggestion: scorePrepared(p, q) }))
      .sort(
        (a, b) =>
          Number(b.suggestion.eligible) - Number(a.suggestion.eligible) ||
          b.suggestion.score - a.suggestion.score ||
          b.partner.capacityLeft - a.partner.capacityLeft ||
          compareStrings(a.partner.name, b.partner.name) ||
          compareStrings(a.partner.id, b.partner.id),
      )
      .map((entry) => entry.suggestion);
    return limit === undefined ? ranked : ranked.slice(0, Math.max(0, limit));
  };
}
