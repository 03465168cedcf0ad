import { PARTNER_KINDS, PARTNER_STATUSES } from "@/db/schema/enums";
import { bodyRefusals, idParam, jsonBody, needsAuth, ok, problemResponse, query, ref, refusal } from "./openapi-parts";
import { pairRefusals } from "./openapi-pairing-schemas";

// Paths for partners, pairs and meetings, spread into the document's paths (lib/api/openapi.ts).

const forbiddenOrHidden = { "403": refusal("Forbidden"), "404": refusal("NotFound") };
const coordinatorOnly = { ...needsAuth, ...forbiddenOrHidden };

export const pairingResponses = {
  PairingConflict: problemResponse(
    `The pair cannot be made or changed; \`code\` says why: ${pairRefusals.map((r) => `\`${r}\``).join(", ")}, \`pairEnded\`, \`samePartner\`.`,
  ),
  ProposalRefused: {
    description:
      "Some pairs of the proposal are no longer possible, so none was made (code `proposalRefused`). `failures` lists each refused pair with its reason, and `errors` names them by position (`pairs.3`).",
    content: { "application/problem+json": { schema: ref("ProposalRefusedProblem") } },
  },
  MeetingConflict: problemResponse(
    "The current state does not allow this; `code` says why: `pairEnded`, `meetingAlreadyLogged` (with `errors.startsAt`), `meetingAlreadyAnswered`.",
  ),
  PartnerConflict: problemResponse("Declining a partner that still has active pairs (code `partnerHasPairs`)."),
};

export const pairingPaths = {
  "/partners": {
    get: {
      operationId: "listPartners",
      tags: ["Partners"],
      summary: "The partners of my organisation",
      description: "For coordinators and admins: the partners of their current organisation, by name.",
      parameters: [
        query("status", { type: "string", enum: [...PARTNER_STATUSES] }, "Only this status."),
        query("kind", { type: "string", enum: [...PARTNER_KINDS] }, "Only this kind."),
        query("q", { type: "string", maxLength: 200 }, "Searches the name."),
      ],
      responses: { "200": ok("PartnerList"), ...needsAuth, "403": refusal("Forbidden"), "422": refusal("ValidationFailed") },
    },
  },
  "/partners/{id}": {
    get: {
      operationId: "getPartner",
      tags: ["Partners"],
      summary: "One partner with its profile and cohorts",
      description: "For the coordinators of its organisation and for its owner.",
      parameters: [idParam("The partner.")],
      responses: { "200": ok("Partner"), ...coordinatorOnly },
    },
    patch: {
      operationId: "updatePartner",
      tags: ["Partners"],
      summary: "Update a partner's help request and profile",
      description:
        "The owner updates the help request and what pairing uses (policy areas, languages, region, capacity, contact); coordinators may also change the name, kind and aliases. Only the fields sent change.",
      parameters: [idParam("The partner.")],
      requestBody: { required: true, ...jsonBody("PartnerPatch") },
      responses: { "200": ok("Partner", "The partner as it is now."), ...bodyRefusals, ...coordinatorOnly },
    },
  },
  "/partners/{id}/decision": {
    post: {
      operationId: "decidePartner",
      tags: ["Partners"],
      summary: "Approve or decline a partner",
      description: "For the coordinators of its organisation. The owner is told by mail, with the reason.",
      parameters: [idParam("The partner.")],
      requestBody: { required: true, ...jsonBody("PartnerDecisionRequest") },
      responses: { "200": ok("PartnerStatusChange"), ...bodyRefusals, ...coordinatorOnly, "409": refusal("PartnerConflict") },
    },
  },
  "/cohorts/{id}/pairs": {
    get: {
      operationId: "listCohortPairs",
      tags: ["Pairing"],
      summary: "A cohort's pairs with their meetings",
      description: "Per pair: meetings logged and confirmed, the last meeting, and whether it is flagged for having no confirmed meeting in time.",
      parameters: [idParam("The cohort."), query("includeEnded", { type: "string", enum: ["true", "false"], default: "false" }, "Also ended pairs.")],
      responses: { "200": ok("CohortPairList"), ...coordinatorOnly, "422": refusal("ValidationFailed") },
    },
    post: {
      operationId: "pairParticipant",
      tags: ["Pairing"],
      summary: "Pair a participant with a partner",
      description:
        "The pair is confirmed at once and both sides get an introduction mail. Refused (409) when the partner has no place left in the cohort, also under concurrent requests, or for a conflict such as the participant's own employer.",
      parameters: [idParam("The cohort.")],
      requestBody: { required: true, ...jsonBody("PairRequest") },
      responses: { "201": ok("PairCreated", "Paired."), ...bodyRefusals, ...coordinatorOnly, "409": refusal("PairingConflict") },
    },
  },
  "/cohorts/{id}/pairing-proposal": {
    get: {
      operationId: "proposePairs",
      tags: ["Pairing"],
      summary: "Propose pairs for every unpaired participant",
      description: "The assignment with the highest total match score within the partners' places left and the conflicts. Nothing is stored: edit it and apply it with POST.",
      parameters: [idParam("The cohort.")],
      responses: { "200": ok("Proposal"), ...coordinatorOnly },
    },
    post: {
      operationId: "applyProposal",
      tags: ["Pairing"],
      summary: "Apply a (possibly edited) proposal in one step",
      description: "Every pair is checked again; either all are made and introduced, or none is and the 409 lists each pair that failed and why.",
      parameters: [idParam("The cohort.")],
      requestBody: { required: true, ...jsonBody("ApplyProposalRequest") },
      responses: { "201": ok("ProposalApplied", "All pairs made."), ...bodyRefusals, ...coordinatorOnly, "409": refusal("ProposalRefused") },
    },
  },
  "/pairs/{id}/end": {
    post: {
      operationId: "endPair",
      tags: ["Pairing"],
      summary: "End a pair, with a reason",
      description: "For the coordinators of its organisation. The pair stays on record with its meetings; the partner's place becomes free.",
      parameters: [idParam("The pair.")],
      requestBody: { required: true, ...jsonBody("EndPairRequest") },
      responses: { "200": ok("PairEnded"), ...bodyRefusals, ...coordinatorOnly, "409": refusal("PairingConflict") },
    },
  },
  "/pairs/{id}/change": {
    post: {
      operationId: "changePair",
      tags: ["Pairing"],
      summary: "Move the participant to another partner, with a reason",
      description: "The pair ends and a new confirmed pair is made and introduced, under the same capacity and conflict rules as a first pairing.",
      parameters: [idParam("The active pair.")],
      requestBody: { required: true, ...jsonBody("ChangePairRequest") },
      responses: { "201": ok("PairChanged", "Moved."), ...bodyRefusals, ...coordinatorOnly, "409": refusal("PairingConflict") },
    },
  },
  "/pairs/{id}/meetings": {
    get: {
      operationId: "listPairMeetings",
      tags: ["Meetings"],
      summary: "A pair's meetings",
      description: "For either side of the pair and the coordinators of its organisation. Anyone else gets 404, other members of the organisation too: another person's pair is not revealed.",
      parameters: [idParam("The pair.")],
      responses: { "200": ok("MeetingList"), ...needsAuth, "404": refusal("NotFound") },
    },
    post: {
      operationId: "logMeeting",
      tags: ["Meetings"],
      summary: "Log a meeting that has taken place",
      description:
        "Either side of an active pair (the participant, or the partner's owner, e.g. with their personal token). The other side is asked by mail to confirm it. Anyone outside the pair gets 404. A meeting in the future or longer than 12 hours is refused with 422 naming the field.",
      parameters: [idParam("The pair.")],
      requestBody: { required: true, ...jsonBody("MeetingRequest") },
      responses: { "201": ok("Meeting", "Logged; waits for the other side."), ...bodyRefusals, ...needsAuth, "404": refusal("NotFound"), "409": refusal("MeetingConflict") },
    },
  },
  "/meetings/{id}/response": {
    post: {
      operationId: "respondToMeeting",
      tags: ["Meetings"],
      summary: "Confirm or dispute a meeting the other side logged",
      description: "The side that logged the meeting may not answer it (403); anyone outside the pair gets 404. Confirmed meetings count for the programme's rules.",
      parameters: [idParam("The meeting.")],
      requestBody: { required: true, ...jsonBody("MeetingResponseRequest") },
      responses: { "200": ok("MeetingStatusChange"), ...bodyRefusals, ...coordinatorOnly, "409": refusal("MeetingConflict") },
    },
  },
  "/me/pairs": {
    get: {
      operationId: "listMyPairs",
      tags: ["Me"],
      summary: "My active pairs",
      description:
        "As a participant, my own pair with the partner's help request and contact; as a partner's owner, the pairs of my partners across cohorts with what I need of each participant to work together.",
      responses: { "200": ok("MyPairList"), ...needsAuth },
    },
  },
};
