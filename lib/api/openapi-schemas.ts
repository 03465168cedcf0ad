import { ADMISSION_MODES, COHORT_STATUSES, ENROLLMENT_STATUSES, QUESTION_KINDS } from "@/db/schema/enums";
import { ENROLLMENT_SORTS } from "@/lib/dal/enrollment-queries";
import { DECISIONS } from "@/lib/validation/enrollment";
import { REGIONS } from "@/lib/validation/regions";
import { date, instant, int, nullable, obj, ref, str, uuid } from "./openapi-parts";

// The components of the OpenAPI document (lib/api/openapi.ts): what the API sends and accepts.

export const paging = {
  page: { ...int, minimum: 1, description: "Page number, from 1." },
  pageSize: { ...int, minimum: 1 },
  total: { ...int, minimum: 0, description: "Items over all pages." },
  pages: { ...int, minimum: 1 },
};

export const pageOf = (item: string) => obj({ items: { type: "array", items: ref(item) }, ...paging });

const enrollmentStatus = { type: "string", enum: [...ENROLLMENT_STATUSES] };

export const schemas = {
  Problem: {
    type: "object",
    description: "RFC 9457 problem details (application/problem+json).",
    properties: {
      type: { ...str, format: "uri-reference", example: "about:blank" },
      title: { ...str, example: "Unprocessable Content" },
      status: { ...int, example: 422 },
      detail: { ...str, description: "A human-readable English explanation." },
      instance: { ...str, description: "The request path." },
      code: { ...str, description: "A stable message key, such as `alreadySignedUp`, `notFound`, `invalidToken`.", example: "validation" },
      errors: {
        type: "object",
        description:
          "Field errors: the field's path (dotted, `_body` for the whole body) to message keys such as `required`, `tooLong`, `email`, `unknownField`.",
        additionalProperties: { type: "array", items: str },
        example: { email: ["email"], colour: ["unknownField"] },
      },
    },
    required: ["type", "title", "status"],
  },
  CohortSummary: obj({
    id: uuid,
    name: str,
    programmeName: str,
    organisationName: str,
    startDate: date,
    endDate: date,
    enrollmentDeadline: { ...date, description: "Last day of sign-up, in the cohort's time zone." },
    deadline: { ...instant, description: "The instant sign-up closes (end of enrollmentDeadline in timeZone)." },
    timeZone: { ...str, example: "Europe/Amsterdam" },
    effortHalfDaysMin: int,
    effortHalfDaysMax: int,
    capacity: int,
    placesLeft: { ...int, minimum: 0 },
    admissionMode: { type: "string", enum: [...ADMISSION_MODES] },
  }),
  CohortPage: pageOf("CohortSummary"),
  Question: obj({
    id: uuid,
    kind: { type: "string", enum: [...QUESTION_KINDS] },
    label: str,
    options: { type: "array", items: str, description: "The choices of a single_choice or multiple_choice question." },
    required: { type: "boolean" },
  }),
  Cohort: obj({
    id: uuid,
    name: str,
    status: { type: "string", enum: COHORT_STATUSES.filter((s) => s !== "draft") },
    open: { type: "boolean", description: "Whether sign-up is open right now." },
    admissionMode: { type: "string", enum: [...ADMISSION_MODES] },
    programmeName: str,
    programmeDescription: str,
    organisationName: str,
    startDate: date,
    endDate: date,
    enrollmentOpensOn: date,
    enrollmentDeadline: date,
    deadline: instant,
    timeZone: str,
    effortHalfDaysMin: int,
    effortHalfDaysMax: int,
    durationMonths: int,
    minPartnerMeetings: int,
    capacity: int,
    placesLeft: { ...int, minimum: 0 },
    waitlistLength: { ...int, minimum: 0 },
    offerDays: { ...int, description: "Days a person has to answer an offered place." },
    policyAreas: { type: "array", items: str, description: "The values allowed in a sign-up's policyAreas." },
    questions: { type: "array", items: ref("Question") },
  }),
  SignUpRequest: {
    type: "object",
    additionalProperties: false,
    description: "Unknown fields are refused (422, `unknownField`). The person signing up is always the authenticated user.",
    properties: {
      name: { ...str, maxLength: 120, description: "Defaults to the account's name when it has one." },
      email: { ...str, format: "email", description: "Optional and ignored: the authenticated user's own address is used." },
      employer: { ...str, minLength: 1, maxLength: 200 },
      department: { ...str, maxLength: 200 },
      jobTitle: { ...str, minLength: 1, maxLength: 200 },
      policyAreas: { type: "array", items: str, description: "Values from the cohort's policyAreas; at least one when it has any." },
      motivation: { ...str, minLength: 1, maxLength: 4000 },
      availableHalfDays: { ...int, minimum: 1, maximum: 200 },
      languages: {
        type: "array",
        items: { ...str, pattern: "^[a-z]{2}$" },
        maxItems: 20,
        description: "Optional, for pairing: languages the person speaks besides the account's own, as ISO 639-1 codes (case and duplicates do not matter).",
        example: ["en", "ar"],
      },
      region: { ...nullable({ type: "string", enum: [...REGIONS] }), description: "Optional, for pairing: the region the person works in (a Dutch province, `abroad` or `online`)." },
      consent: { type: "boolean", const: true },
      answers: {
        type: "object",
        description:
          "Answers to the cohort's questions by question id: text for short_text/long_text, one option for single_choice, a list for multiple_choice, \"yes\" or \"no\" for yes_no.",
        additionalProperties: { oneOf: [str, { type: "array", items: str }] },
      },
    },
    required: ["employer", "jobTitle", "policyAreas", "motivation", "availableHalfDays", "consent"],
  },
  SignUpResult: obj({
    enrollmentId: uuid,
    status: { type: "string", enum: ["applied", "accepted", "waitlisted"] },
    waitlistPosition: nullable({ ...int, minimum: 1 }),
  }),
  MyEnrollment: obj({
    id: uuid,
    cohortId: uuid,
    cohortName: str,
    programmeName: str,
    organisationName: str,
    status: enrollmentStatus,
    startDate: date,
    endDate: date,
    timeZone: str,
    waitlistPosition: nullable(int),
    offerExpiresAt: nullable(instant),
    createdAt: instant,
  }),
  MyEnrollmentList: obj({ items: { type: "array", items: ref("MyEnrollment") } }),
  WithdrawRequest: { ...obj({ reason: { ...str, maxLength: 1000 } }, []), description: "The body may also be left out." },
  OfferRequest: obj({ accept: { type: "boolean", description: "true takes the place, false declines it." } }),
  StatusChange: obj({ id: uuid, status: enrollmentStatus }),
  CohortEnrollment: obj({
    id: uuid,
    name: nullable(str),
    email: { ...str, format: "email" },
    employer: str,
    department: str,
    jobTitle: str,
    policyAreas: { type: "array", items: str },
    status: enrollmentStatus,
    waitlistPosition: nullable(int),
    offerExpiresAt: nullable(instant),
    createdAt: instant,
  }),
  CohortEnrollmentPage: pageOf("CohortEnrollment"),
  DecisionRequest: obj(
    {
      ids: { type: "array", items: uuid, minItems: 1, maxItems: 500 },
      decision: { type: "string", enum: [...DECISIONS] },
      reason: { ...str, maxLength: 1000, description: "Sent to the people in the decision's email." },
    },
    ["ids", "decision"],
  ),
  DecisionResult: obj({
    changed: { type: "array", items: uuid },
    unchanged: { type: "array", items: uuid, description: "Already had the requested status." },
    refused: {
      type: "array",
      items: obj({ id: uuid, reason: { type: "string", enum: ["full", "withdrawn", "notFound"] } }),
    },
    offered: { ...int, description: "Places offered to people on the waitlist as a result." },
  }),
  HistoryEvent: obj({
    id: uuid,
    fromStatus: nullable(enrollmentStatus),
    toStatus: enrollmentStatus,
    reason: { ...str, description: "Empty when none was given." },
    at: instant,
    by: nullable(obj({ name: nullable(str), email: str })),
  }),
  EnrollmentDetail: obj({
    id: uuid,
    cohortId: uuid,
    cohortName: str,
    timeZone: str,
    status: enrollmentStatus,
    waitlistPosition: nullable(int),
    name: nullable(str),
    email: str,
    employer: str,
    department: str,
    jobTitle: str,
    policyAreas: { type: "array", items: str },
    motivation: str,
    availableHalfDays: int,
    answers: { type: "object", additionalProperties: { oneOf: [str, { type: "boolean" }, { type: "array", items: str }] } },
    questions: { type: "array", items: obj({ id: uuid, label: str, kind: { type: "string", enum: [...QUESTION_KINDS] } }) },
    consentedAt: nullable(instant),
    offerExpiresAt: nullable(instant),
    createdAt: instant,
    history: { type: "array", items: ref("HistoryEvent") },
  }),
};

export const sorts = [...ENROLLMENT_SORTS];
export const statuses = [...ENROLLMENT_STATUSES];
