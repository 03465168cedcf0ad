import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { enrollmentStatusEnum, localeEnum, questionKindEnum, type EnrollmentStatus } from "./enums";
import { organisations } from "./organisations";
import { cohorts } from "./programmes";

/** Answers to a cohort's own questions, by question id: text, one option, several options or yes/no. */
export type EnrollmentAnswers = Record<string, string | string[] | boolean>;

/** One person's place in a cohort, with what they told us when signing up. */
export const enrollments = pgTable(
  "enrollments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: enrollmentStatusEnum("status").notNull().default("applied"),
    /** Arrival order: the waitlist is ordered by it. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    employer: text("employer").notNull().default(""),
    department: text("department").notNull().default(""),
    jobTitle: text("job_title").notNull().default(""),
    policyAreas: text("policy_areas").array().notNull().default(sql`'{}'::text[]`),
    /** ISO 639-1 codes the person works in, besides the language of their account (for pairing). */
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    /** Where the person works: a province slug, "abroad" or "online" (lib/validation/regions). */
    region: text("region"),
    motivation: text("motivation").notNull().default(""),
    availableHalfDays: integer("available_half_days"),
    answers: jsonb("answers").$type<EnrollmentAnswers>().notNull().default({}),
    consentedAt: timestamp("consented_at", { mode: "date", withTimezone: true }),
    offerExpiresAt: timestamp("offer_expires_at", { mode: "date", withTimezone: true }),
    /** When a coordinator archived this (rejected or withdrawn) application: hidden from the default list, restorable. */
    archivedAt: timestamp("archived_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    /**
     * Maintained by the database (triggers of migration 0010): the person's name and address and
     * the employer and job title, lower-cased, for the applications search; never written by Koppel.
     */
    searchText: text("search_text").notNull().default(""),
    /** Maintained by the database like searchText: lower(coalesce(name, email)), the "by name" order. */
    sortName: text("sort_name").notNull().default(""),
  },
  (t) => [
    unique("enrollments_cohort_user").on(t.cohortId, t.userId),
    index("enrollments_user_idx").on(t.userId),
    index("enrollments_cohort_status_idx").on(t.cohortId, t.status, t.seq),
    // The applications list without a status filter, in arrival order.
    index("enrollments_cohort_seq_idx").on(t.cohortId, t.seq),
    // The applications list by name (sortName is kept by the database, see searchText).
    index("enrollments_cohort_sort_name_idx").on(t.cohortId, t.sortName, t.seq),
    // Set only while an offer is open (status 'offered'); the enum value is new in this migration,
    // so the index cannot name it.
    index("enrollments_offer_expiry_idx").on(t.offerExpiresAt).where(sql`${t.offerExpiresAt} IS NOT NULL`),
  ],
);

/** What a public sign-up form said besides the address and the consent, kept until it is confirmed. */
export interface SignUpDetails {
  name: string;
  employer: string;
  department: string;
  jobTitle: string;
  policyAreas: string[];
  languages: string[];
  region: string | null;
  motivation: string;
  availableHalfDays: number;
  answers: EnrollmentAnswers;
  /** The browser's time zone when the form was sent; a new account starts in it. */
  timeZone?: string;
}

/**
 * A sign-up sent through the public form by someone not signed in, waiting until the address's
 * owner follows the link in the confirmation mail. It holds nothing: no account, no enrollment,
 * no place and no waitlist number exist for it until then (see lib/dal/sign-up-confirmation.ts).
 * One per cohort and address; a newer sign-up replaces the token (the older link stops working).
 */
export const signUpRequests = pgTable(
  "sign_up_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    locale: localeEnum("locale").notNull(),
    details: jsonb("details").$type<SignUpDetails>().notNull(),
    /** SHA-256 of the token in the link; the token itself is only in the mail. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { mode: "date", withTimezone: true }).notNull(),
    /** Set when the link was used; the token then only shows the outcome. */
    confirmedAt: timestamp("confirmed_at", { mode: "date", withTimezone: true }),
    enrollmentId: uuid("enrollment_id").references(() => enrollments.id, { onDelete: "set null" }),
    /** When the form was last sent: the sign-up window is judged at this moment, not at confirmation. */
    sentAt: timestamp("sent_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("sign_up_requests_cohort_email").on(t.cohortId, t.email),
    unique("sign_up_requests_token_hash").on(t.tokenHash),
    index("sign_up_requests_expires_idx").on(t.expiresAt),
  ],
);

/** Every status change of an enrollment: who (null: Koppel itself), when and why. */
export const enrollmentEvents = pgTable(
  "enrollment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    fromStatus: enrollmentStatusEnum("from_status"),
    toStatus: enrollmentStatusEnum("to_status").notNull(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("enrollment_events_enrollment_idx").on(t.enrollmentId, t.createdAt)],
);

/** A cohort's own sign-up question, defined by its coordinator. */
export const cohortQuestions = pgTable(
  "cohort_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    kind: questionKindEnum("kind").notNull(),
    label: text("label").notNull(),
    options: text("options").array().notNull().default(sql`'{}'::text[]`),
    required: boolean("required").notNull().default(false),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cohort_questions_cohort_idx").on(t.cohortId, t.position)],
);

/** One item of a decision batch: the enrollment and what it was before, so the batch can be undone. */
export interface DecisionBatchItem {
  enrollmentId: string;
  from: EnrollmentStatus;
  offerExpiresAt: string | null;
  /** changed by the decision, unchanged (already so), refused (full, withdrawn), or offered a place it freed. */
  outcome: "changed" | "unchanged" | "full" | "withdrawn" | "offered";
}

/**
 * A coordinator's decision on several applications at once. Its mails wait in the outbox until
 * `holdUntil`; until then (and while nothing else changed) the batch can be undone, which puts
 * every enrollment back and drops the unsent mails.
 */
export const decisionBatches = pgTable(
  "decision_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    decision: text("decision").notNull(),
    items: jsonb("items").$type<DecisionBatchItem[]>().notNull(),
    /** Ids of the outbox rows the batch queued (held until holdUntil). */
    mailIds: jsonb("mail_ids").$type<string[]>().notNull(),
    /** Null when the batch could not be undone from the start (a freed place was offered, a pair ended). */
    holdUntil: timestamp("hold_until", { mode: "date", withTimezone: true }),
    undoneAt: timestamp("undone_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("decision_batches_cohort_idx").on(t.cohortId, t.createdAt)],
);
