// The pairing engine: pure functions over plain data (no database, no UI, no translations).
export type { PairConflict, PairReason, PairSuggestion, PairingParticipant, PairingPartner } from "./types";
export {
  CAPACITY_BONUS_MAX,
  LANGUAGE_WEIGHT,
  maxScoreFor,
  POLICY_AREA_WEIGHT,
  REGION_WEIGHT,
  normaliseLanguage,
  normaliseText,
  partnerRanker,
  rankPartners,
  scorePair,
} from "./score";
export { proposeAssignment, type ProposeOptions, type ProposedAssignment, type ProposedPair, type UnpairedReason } from "./assign";
