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
