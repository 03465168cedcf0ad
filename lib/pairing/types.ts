// Plain data in and out of the pairing engine: no database rows, no translated text. Reasons and
// conflicts are structured so the UI can say them in the viewer's language.

export interface PairingParticipant {
  id: string;
  policyAreas: string[];
  /** ISO 639-1 codes ("nl", "en", "zh"); region subtags such as "zh-CN" are accepted. */
  languages: string[];
  region: string | null;
  employer: string;
}

export interface PairingPartner {
  id: string;
  name: string;
  policyAreas: string[];
  languages: string[];
  region: string | null;
  capacityLeft: number;
  /** names the partner also goes by, e.g. "Gemeente Zwolle" for a host municipality; compared with a participant's employer */
  aliases?: string[];
}

export type PairReason =
  | { kind: "policyAreas"; shared: string[] }
  | { kind: "languages"; shared: string[] }
  | { kind: "region"; region: string }
  | { kind: "capacity"; left: number };

export type PairConflict = { kind: "ownEmployer"; employer: string } | { kind: "full" };

export interface PairSuggestion {
  partnerId: string;
  score: number;
  reasons: PairReason[];
  conflicts: PairConflict[];
  eligible: boolean;
}
