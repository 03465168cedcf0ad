import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { admissionModeEnum, cohortStatusEnum } from "./enums";
import { organisations } from "./organisations";

/** A recurring learning programme; holds the defaults its cohorts share. */
export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    effortHalfDaysMin: integer("effort_half_days_min").notNull(),
    effortHalfDaysMax: integer("effort_half_days_max").notNull(),
    hoursPerHalfDay: integer("hours_per_half_day").notNull().default(4),
    durationMonths: integer("duration_months").notNull(),
    minPartnerMeetings: integer("min_partner_meetings").notNull().default(1),
    /** Weeks after pairing by which a pair should have a confirmed meeting; later ones are flagged. */
    meetingDueWeeks: integer("meeting_due_weeks").notNull().default(4),
    /** Months after a cohort's end date after which its participants' personal data is anonymised. */
    retentionMonths: integer("retention_months").notNull().default(24),
    /** When a coordinator archived it: hidden from default lists and public pages, read-only, restorable. */
    archivedAt: timestamp("archived_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("programmes_org_idx").on(t.organisationId),
    check("programmes_effort_range", sql`${t.effortHalfDaysMin} >= 0 AND ${t.effortHalfDaysMax} >= ${t.effortHalfDaysMin}`),
    check("programmes_meeting_due_weeks", sql`${t.meetingDueWeeks} BETWEEN 1 AND 52`),
    check("programmes_retention_months", sql`${t.retentionMonths} BETWEEN 1 AND 120`),
  ],
);

/** One edition of a programme. Dates are calendar dates in the cohort's own time zone. */
export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    enrollmentOpensOn: date("enrollment_opens_on", { mode: "string" }).notNull(),
    enrollmentDeadline: date("enrollment_deadline", { mode: "string" }).notNull(),
    capacity: integer("capacity").notNull(),
    timeZone: text("time_zone").notNull(),
    /** A new cohort is a draft, seen only by its coordinators until one publishes it (publishCohort). */
    status: cohortStatusEnum("status").notNull().default("draft"),
    admissionMode: admissionModeEnum("admission_mode").notNull().default("reviewed"),
    /** Days a waitlisted person has to accept a freed place. */
    offerDays: integer("offer_days").notNull().default(5),
    /**
     * Reviewed cohorts only: whether a freed place goes to the next person on the waitlist by
     * itself. Off by default: in a reviewed cohort the coordinator decides who gets a place.
     * First-come cohorts always offer freed places (see offerFreedPlaces).
     */
    autoOfferWaitlist: boolean("auto_offer_waitlist").notNull().default(false),
    /** Policy areas (beleidsterreinen) a participant can choose from when signing up. */
    policyAreas: text("policy_areas").array().notNull().default(sql`'{}'::text[]`),
    /** When the retention job anonymised its participants' personal data (null: not yet). */
    anonymisedAt: timestamp("anonymised_at", { mode: "date", withTimezone: true }),
    /** When a coordinator archived it (or its programme): hidden from default lists and public pages, read-only, restorable. */
    archivedAt: timestamp("archived_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cohorts_org_idx").on(t.organisationId, t.startDate),
    index("cohorts_programme_idx").on(t.programmeId),
    check("cohorts_dates", sql`${t.endDate} >= ${t.startDate} AND ${t.enrollmentDeadline} >= ${t.enrollmentOpensOn}`),
    check("cohorts_capacity", sql`${t.capacity} > 0`),
    check("cohorts_offer_days", sql`${t.offerDays} BETWEEN 1 AND 60`),
    index("cohorts_open_idx").on(t.status, t.enrollmentDeadline),
  ],
);
