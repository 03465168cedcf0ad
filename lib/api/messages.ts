import en from "@/messages/en.json";
import pairing from "@/messages/pairing/en.json";

/**
 * English texts for the `detail` of API problems. Field errors and `code` stay message keys
 * (the same keys the forms use, under `errors.` in messages/*.json), so clients can show their
 * own text; `detail` is for the developer reading the response.
 */
const API_TEXTS: Record<string, string> = {
  ...en.errors,
  // Partners, pairs and meetings: the same refusal keys the pairing pages show.
  ...pairing.errors,
  unknownField: "This field is not allowed.",
  chooseAtLeastOne: "Choose at least one.",
  choose: "Choose one of the offered values.",
  chooseYesNo: "Answer yes or no.",
  consentRequired: "Consent is required.",
  tooMany: "There are too many values.",
  signUpClosed: "Sign-up for this cohort is closed.",
  alreadySignedUp: "This person has already signed up for this cohort.",
  cannotWithdraw: "This enrollment can no longer be withdrawn.",
  noOpenOffer: "There is no open offer for this enrollment.",
  offerExpired: "The offer has expired.",
  belowTaken: "The capacity cannot be lower than the places already taken.",
  tooManyTokens: "You already have the maximum number of active API tokens; revoke one first.",
  notFound: "The resource does not exist, or you may not see it.",
  forbidden: "You are not allowed to do this.",
  unauthenticated: "Authenticate with a bearer token (Authorization: Bearer kpl_…) or a session.",
  conflict: "The request conflicts with the current state.",
  rateLimited: "Too many requests; try again later.",
  proposalRefused: "The proposal was not applied: some pairs are no longer possible. Nothing was changed; `failures` lists each pair and why.",
  identityFields: "Only a coordinator may change a partner's name, kind or other names.",
};

/** The English text for a message key, or null when there is none. */
export function apiText(key: string): string | null {
  return Object.hasOwn(API_TEXTS, key) ? API_TEXTS[key]! : null;
}
