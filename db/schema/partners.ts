import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { partnerKindEnum, partnerStatusEnum } from "./enums";
import { organisations } from "./organisations";
import { cohorts } from "./programmes";

/** The counterpart a participant is paired with: an initiative, a host organisation or a coach. */
export const partners = pgTable(
  "partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    kind: partnerKindEnum("kind").notNull().default("initiative"),
    // Pending by default: a row that forgets to say otherwise must not become pairable unreviewed.
    status: partnerStatusEnum("status").notNull().default("pending"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    website: text("website").notNull().default(""),
    /** The place, in the owner's words ("Zwolle, Assendorp"). */
    location: text("location").notNull().default(""),
    /** A province slug, "abroad" or "online" (lib/validation/regions). */
    region: text("region"),
    helpRequest: text("help_request").notNull().default(""),
    policyAreas: text("policy_areas").array().notNull().default(sql`'{}'::text[]`),
    /** ISO 639-1 codes. */
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    capacityPerCohort: integer("capacity_per_cohort").notNull().default(1),
    contactEmail: text("contact_email").notNull().default(""),
    contactPhone: text("contact_phone"),
    /** Other names the partner goes by ("Gemeente Zwolle" for a host): a participant employed there is not paired with it. */
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    registeredById: text("registered_by_id").references(() => users.id, { onDelete: "set null" }),
    registeredAt: timestamp("registered_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { mode: "date", withTimezone: true }),
    decisionReason: text("decision_reason").notNull().default(""),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("partners_org_idx").on(t.organisationId),
    index("partners_owner_idx").on(t.ownerUserId),
    check("partners_capacity", sql`${t.capacityPerCohort} BETWEEN 0 AND 100`),
  ],
);

/**
 * A partner taking part in one cohort, with how many participants it takes there. Its row is
 * the lock every pairing at this partner in this cohort takes, so capacity holds under concurrency.
 */
export const cohortPartners = pgTable(
  "cohort_partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    capacity: integer("capacity").notNull(),
    linkedById: text("linked_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("cohort_partners_cohort_partner").on(t.cohortId, t.partnerId),
    index("cohort_partners_partner_idx").on(t.partnerId),
    check("cohort_partners_capacity", sql`${t.capacity} BETWEEN 0 AND 100`),
  ],
);
