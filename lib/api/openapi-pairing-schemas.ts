import { MEETING_MODES, MEETING_SIDES, MEETING_STATUSES, PAIR_STATUSES, PARTNER_KINDS, PARTNER_STATUSES } from "@/db/schema/enums";
import type { PairRefusal } from "@/lib/dal/pairs";
import { MEETING_MAX_MINUTES, MEETING_RESPONSES } from "@/lib/validation/meeting";
import { PARTNER_DECISIONS } from "@/lib/validation/partner";
import { REGIONS } from "@/lib/validation/regions";
import { bool, date, instant, int, list, nullable, obj, ref, str, uuid } from "./openapi-parts";

// Components for partners, pairs and meetings (lib/api/openapi-pairing.ts has their paths).

const PAIR_REFUSALS = ["partnerNotLinked", "partnerNotApproved", "partnerFull", "notAccepted", "alreadyPaired", "ownEmployer", "ownInitiative", "notFound"] as const;
// Fails to compile when the DAL gains a refusal this list does not name.
const everyRefusal: [Exclude<PairRefusal, (typeof PAIR_REFUSALS)[number]>] extends [never] ? true : false = true;
void everyRefusal;

export const pairRefusals = [...PAIR_REFUSALS];

const kind = { type: "string", enum: [...PARTNER_KINDS] };
const partnerStatus = { type: "string", enum: [...PARTNER_STATUSES] };
const region = nullable({ type: "string", enum: [...REGIONS], description: "A Dutch province, `abroad` or `online`." });
const languages = list({ ...str, pattern: "^[a-z]{2}$" }, { description: "ISO 639-1 codes." });
const strings = list(str);
const owner = nullable(obj({ name: nullable(str), email: { ...str, format: "email" } }));

/** What the owner (and coordinators) may change; all optional in a PATCH. */
const profileProperties = {
  description: { ...str, maxLength: 4000 },
  website: { ...str, maxLength: 300, description: "http(s) only; `https://` is added when no scheme is given. Empty for none." },
  location: { ...str, maxLength: 200 },
  region,
  helpRequest: { ...str, minLength: 1, maxLength: 4000, description: "The help request (hulpvraag) in the partner's own words." },
  policyAreas: list({ ...str, maxLength: 200 }, { minItems: 1, maxItems: 30 }),
  languages: { ...languages, minItems: 1, maxItems: 20 },
  capacityPerCohort: { ...int, minimum: 1, maximum: 50, description: "How many participants the partner takes in one cohort (the default for a new cohort link)." },
  contactEmail: { ...str, format: "email", description: "Empty means the owner's address." },
  contactPhone: nullable({ ...str, maxLength: 40 }),
};

export const pairingSchemas = {
  PartnerSummary: obj({
    id: uuid,
    name: str,
    kind,
    status: partnerStatus,
    region,
    location: str,
    policyAreas: strings,
    languages,
    capacityPerCohort: int,
    owner,
    registeredAt: instant,
    cohortCount: { ...int, minimum: 0, description: "Cohorts the partner is linked to." },
    activePairs: { ...int, minimum: 0 },
  }),
  PartnerList: obj({ items: list(ref("PartnerSummary"), { description: "By name; at most 500." }) }),
  Partner: obj({
    id: uuid,
    name: str,
    kind,
    status: partnerStatus,
    description: str,
    website: str,
    location: str,
    region,
    helpRequest: str,
    policyAreas: strings,
    languages,
    capacityPerCohort: int,
    contactEmail: str,
    contactPhone: nullable(str),
    aliases: { ...strings, description: "Other names the partner goes by: a participant employed there is never paired with it." },
    owner,
    registeredAt: instant,
    decidedAt: nullable(instant),
    decisionReason: str,
    cohorts: list(obj({ cohortId: uuid, cohortName: str, startDate: date, capacity: int, paired: { ...int, minimum: 0 } })),
    canEditIdentity: { ...bool, description: "Whether the caller may change name, kind and aliases (coordinators)." },
  }),
  PartnerPatch: {
    ...obj(
      {
        ...profileProperties,
        name: { ...str, minLength: 1, maxLength: 200, description: "Coordinators only." },
        kind: { ...kind, description: "Coordinators only." },
        aliases: { ...list({ ...str, maxLength: 200 }, { maxItems: 30 }), description: "Coordinators only." },
      },
      [],
    ),
    description:
      "Only the fields sent change; the result is validated as a whole (so a partner without a help request must send one). Unknown fields are refused (422). An owner sending `name`, `kind` or `aliases` is refused with 403.",
  },
  PartnerDecisionRequest: obj({ decision: { type: "string", enum: [...PARTNER_DECISIONS] }, reason: { ...str, maxLength: 1000, description: "Sent to the owner." } }, ["decision"]),
  PartnerStatusChange: obj({ id: uuid, status: partnerStatus }),

  CohortPair: obj({
    id: uuid,
    status: { type: "string", enum: [...PAIR_STATUSES] },
    enrollmentId: uuid,
    participantName: str,
    employer: str,
    partnerId: uuid,
    partnerName: str,
    confirmedAt: instant,
    endedAt: nullable(instant),
    meetingsLogged: { ...int, minimum: 0, description: "Any status, disputed ones included." },
    meetingsConfirmed: { ...int, minimum: 0 },
    lastMeetingAt: { ...nullable(instant), description: "Start of the latest meeting not disputed." },
    flagged: { ...bool, description: "Active, without a confirmed meeting, and paired longer than the programme's number of weeks for a first meeting." },
  }),
  CohortPairList: obj({ items: list(ref("CohortPair"), { description: "By partner, then participant." }) }),
  PairRequest: obj({ enrollmentId: { ...uuid, description: "An accepted enrollment of the cohort." }, partnerId: { ...uuid, description: "An approved partner linked to the cohort." } }),
  PairCreated: obj({ pairId: uuid }),
  EndPairRequest: obj({ reason: { ...str, minLength: 1, maxLength: 1000, description: "Kept on the pair's record." } }),
  PairEnded: obj({ pairId: uuid, status: { type: "string", const: "ended" } }),
  ChangePairRequest: obj({ partnerId: uuid, reason: { ...str, minLength: 1, maxLength: 1000 } }),
  PairChanged: obj({ pairId: { ...uuid, description: "The new pair." }, replaces: { ...uuid, description: "The pair that ended." } }),
  PairReason: {
    description: "Why a pair fits: shared policy areas or languages, the same region, places the partner has left.",
    oneOf: [
      obj({ kind: { type: "string", const: "policyAreas" }, shared: strings }),
      obj({ kind: { type: "string", const: "languages" }, shared: strings }),
      obj({ kind: { type: "string", const: "region" }, region: str }),
      obj({ kind: { type: "string", const: "capacity" }, left: { ...int, minimum: 0 } }),
    ],
  },
  Proposal: obj({
    pairs: list(obj({ enrollmentId: uuid, participantName: str, partnerId: uuid, partnerName: str, score: { type: "number" }, reasons: list(ref("PairReason")) })),
    unpaired: list(obj({ enrollmentId: uuid, participantName: str, reason: { type: "string", enum: ["noEligiblePartner", "noCapacityLeft"] } })),
    totalScore: { type: "number", description: "The highest total match score possible within capacities and conflicts." },
  }),
  ApplyProposalRequest: obj({
    pairs: list(ref("PairRequest"), { minItems: 1, maxItems: 2000, description: "Each participant at most once (else 422 `duplicateParticipant`)." }),
  }),
  ProposalApplied: obj({ pairIds: list(uuid, { description: "In the order of the request." }) }),
  ProposalRefusedProblem: {
    allOf: [
      ref("Problem"),
      {
        type: "object",
        properties: {
          failures: list(obj({ enrollmentId: uuid, partnerId: uuid, reason: { type: "string", enum: pairRefusals } })),
        },
        required: ["failures"],
      },
    ],
  },

  MyPairAsParticipant: obj({
    id: uuid,
    side: { type: "string", const: "participant" },
    cohortId: uuid,
    cohortName: str,
    programmeName: str,
    confirmedAt: instant,
    meetingsLogged: { ...int, description: "Every meeting either side logged, whatever its status." },
    meetingsConfirmed: int,
    meetingsAwaitingMe: { ...int, description: "Meetings the other side logged that wait for my answer." },
    partner: obj({
      id: uuid,
      name: str,
      kind,
      helpRequest: str,
      description: str,
      website: str,
      location: str,
      contactName: str,
      contactEmail: str,
      contactPhone: nullable(str),
    }),
  }),
  MyPairAsPartner: obj({
    id: uuid,
    side: { type: "string", const: "partner" },
    cohortId: uuid,
    cohortName: str,
    programmeName: str,
    confirmedAt: instant,
    meetingsLogged: int,
    meetingsConfirmed: int,
    meetingsAwaitingMe: int,
    partner: obj({ id: uuid, name: str }),
    participant: obj({ name: str, email: str, employer: str, jobTitle: str, policyAreas: strings }),
  }),
  MyPair: {
    oneOf: [ref("MyPairAsParticipant"), ref("MyPairAsPartner")],
    discriminator: { propertyName: "side", mapping: { participant: "#/components/schemas/MyPairAsParticipant", partner: "#/components/schemas/MyPairAsPartner" } },
  },
  MyPairList: obj({ items: list(ref("MyPair")) }),

  Meeting: obj({
    id: uuid,
    pairId: uuid,
    startsAt: instant,
    durationMinutes: { ...int, minimum: 1, maximum: MEETING_MAX_MINUTES },
    mode: { type: "string", enum: [...MEETING_MODES] },
    notes: str,
    status: { type: "string", enum: [...MEETING_STATUSES] },
    loggedBySide: { type: "string", enum: [...MEETING_SIDES] },
    loggedByName: str,
    respondedAt: nullable(instant),
    disputeComment: nullable(str),
    awaitingMe: { ...bool, description: "Logged by the other side and not answered yet by the caller." },
  }),
  MeetingList: obj({ items: list(ref("Meeting"), { description: "Newest first." }) }),
  MeetingRequest: obj(
    {
      startsAt: {
        ...str,
        description:
          "When the meeting started: an ISO 8601 instant with `Z` or an offset (`2027-03-01T10:00:00+01:00`), or a local `YYYY-MM-DDTHH:mm` together with `timeZone`. Not in the future (5 minutes of clock skew allowed): else 422 `meetingInFuture`.",
        example: "2027-03-01T09:00:00Z",
      },
      timeZone: { ...str, description: "Only with a local `startsAt`: the IANA zone it was entered in.", example: "Europe/Amsterdam" },
      durationMinutes: { ...int, minimum: 1, maximum: MEETING_MAX_MINUTES, description: "Over 12 hours is 422 `durationTooLong`; log separate days separately." },
      mode: { type: "string", enum: [...MEETING_MODES] },
      notes: { ...str, maxLength: 4000, description: "What was done." },
    },
    ["startsAt", "durationMinutes", "mode"],
  ),
  MeetingResponseRequest: {
    ...obj({ response: { type: "string", enum: [...MEETING_RESPONSES] }, comment: { ...str, maxLength: 1000 } }, ["response"]),
    description: "A dispute needs a comment (else 422 `disputeCommentRequired`); the one who logged the meeting is told.",
  },
  MeetingStatusChange: obj({ id: uuid, status: { type: "string", enum: ["confirmed", "disputed"] } }),
};
