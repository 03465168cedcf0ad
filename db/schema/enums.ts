import { pgEnum } from "drizzle-orm/pg-core";

export const LOCALES = ["nl", "en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeEnum = pgEnum("locale", LOCALES);

export const ROLES = ["admin", "coordinator", "participant", "partner"] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum("role", ROLES);

export const MAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export const mailStatusEnum = pgEnum("mail_status", MAIL_STATUSES);

/** `offered`: a waitlisted person holds a freed place until the offer expires. */
export const ENROLLMENT_STATUSES = ["applied", "waitlisted", "offered", "accepted", "rejected", "withdrawn"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const enrollmentStatusEnum = pgEnum("enrollment_status", ENROLLMENT_STATUSES);

export const PARTNER_KINDS = ["initiative", "host", "coach"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const partnerKindEnum = pgEnum("partner_kind", PARTNER_KINDS);

/** draft: not visible; open: sign-up possible within its window; closed: no more sign-ups; completed. */
export const COHORT_STATUSES = ["draft", "open", "closed", "completed"] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];
export const cohortStatusEnum = pgEnum("cohort_status", COHORT_STATUSES);

/** first_come: accepted while places last; reviewed: a coordinator decides. */
export const ADMISSION_MODES = ["first_come", "reviewed"] as const;
export type AdmissionMode = (typeof ADMISSION_MODES)[number];
export const admissionModeEnum = pgEnum("admission_mode", ADMISSION_MODES);

export const QUESTION_KINDS = ["short_text", "long_text", "single_choice", "multiple_choice", "yes_no"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const questionKindEnum = pgEnum("question_kind", QUESTION_KINDS);

/** pending: registered by its owner, waiting for a coordinator; declined partners are never suggested. */
export const PARTNER_STATUSES = ["pending", "approved", "declined"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const partnerStatusEnum = pgEnum("partner_status", PARTNER_STATUSES);

/** A pair is made confirmed (proposals are not stored); ending it keeps it on record. */
export const PAIR_STATUSES = ["confirmed", "ended"] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];
export const pairStatusEnum = pgEnum("pair_status", PAIR_STATUSES);

/** changed: ended because the participant moved to another partner (the new pair records `confirmed`). */
export const PAIR_EVENT_KINDS = ["confirmed", "ended", "changed"] as const;
export type PairEventKind = (typeof PAIR_EVENT_KINDS)[number];
export const pairEventKindEnum = pgEnum("pair_event_kind", PAIR_EVENT_KINDS);

export const MEETING_SIDES = ["participant", "partner"] as const;
export type MeetingSide = (typeof MEETING_SIDES)[number];
export const meetingSideEnum = pgEnum("meeting_side", MEETING_SIDES);

export const MEETING_MODES = ["in_person", "online"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const meetingModeEnum = pgEnum("meeting_mode", MEETING_MODES);

/** logged: waits for the other side; only confirmed meetings count for "met at least once" and hours. */
export const MEETING_STATUSES = ["logged", "confirmed", "disputed"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const meetingStatusEnum = pgEnum("meeting_status", MEETING_STATUSES);
