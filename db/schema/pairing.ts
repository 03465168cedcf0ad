import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { meetingModeEnum, meetingSideEnum, meetingStatusEnum, pairEventKindEnum, pairStatusEnum } from "./enums";
import { organisations } from "./organisations";
import { enrollments } from "./participation";
import { partners } from "./partners";
import { cohorts } from "./programmes";

/** A participant (an accepted enrollment) paired with a partner within a cohort. */
export const pairs = pgTable(
  "pairs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    status: pairStatusEnum("status").notNull().default("confirmed"),
    confirmedAt: timestamp("confirmed_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    confirmedById: text("confirmed_by_id").references(() => users.id, { onDelete: "set null" }),
    endedAt: timestamp("ended_at", { mode: "date", withTimezone: true }),
    endedById: text("ended_by_id").references(() => users.id, { onDelete: "set null" }),
    endReason: text("end_reason").notNull().default(""),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The database itself holds "one active pair per participant", whatever the code does.
    uniqueIndex("pairs_one_active_per_enrollment").on(t.enrollmentId).where(sql`${t.status} = 'confirmed'`),
    index("pairs_cohort_idx").on(t.cohortId, t.status),
    index("pairs_partner_idx").on(t.partnerId, t.cohortId, t.status),
    check("pairs_ended", sql`(${t.status} = 'ended') = (${t.endedAt} IS NOT NULL)`),
  ],
);

/** Every change to a pair: who (null: Koppel itself), when, what and why. */
export const pairEvents = pgTable(
  "pair_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    kind: pairEventKindEnum("kind").notNull(),
    /** For a change: the pair this one replaced, or the one that replaced it. */
    relatedPairId: uuid("related_pair_id").references(() => pairs.id, { onDelete: "set null" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pair_events_pair_idx").on(t.pairId, t.createdAt)],
);

/** A meeting of a pair, logged by one side and confirmed or disputed by the other. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    loggedById: text("logged_by_id").references(() => users.id, { onDelete: "set null" }),
    loggedBySide: meetingSideEnum("logged_by_side").notNull(),
    startsAt: timestamp("starts_at", { mode: "date", withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    mode: meetingModeEnum("mode").notNull(),
    notes: text("notes").notNull().default(""),
    status: meetingStatusEnum("status").notNull().default("logged"),
    respondedById: text("responded_by_id").references(() => users.id, { onDelete: "set null" }),
    respondedAt: timestamp("responded_at", { mode: "date", withTimezone: true }),
    disputeComment: text("dispute_comment"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("meetings_pair_idx").on(t.pairId, t.startsAt),
    index("meetings_status_idx").on(t.status, t.pairId),
    check("meetings_duration", sql`${t.durationMinutes} BETWEEN 1 AND 720`),
  ],
);
