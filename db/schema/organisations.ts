import { check, customType, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { roleEnum } from "./enums";

/** A tenant: an organisation that runs programmes. Its data is invisible to every other tenant. */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull().default("Europe/Amsterdam"),
  /** Where people reach the organisation, shown on its public pages ("" = none given). */
  contactEmail: text("contact_email").notNull().default(""),
  contactPhone: text("contact_phone"),
  /**
   * Bumped at every logo change, so its URL changes and the old one may be cached for ever. Above
   * 0: the logo's version; 0 or below: no logo (a removal negates it, the count goes on).
   */
  logoVersion: integer("logo_version").notNull().default(0),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

/** Raw bytes: node-postgres gives a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
  fromDriver: (v) => (v instanceof Uint8Array ? v : new Uint8Array(v)),
});

/**
 * An organisation's logo (PNG, JPEG or WebP, at most 200 kB), in its own table so reading an
 * organisation never drags the bytes along. Public, like the organisation's name.
 */
export const organisationLogos = pgTable(
  "organisation_logos",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    data: bytea("data").notNull(),
    version: integer("version").notNull(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("organisation_logos_type", sql`${t.contentType} IN ('image/png', 'image/jpeg', 'image/webp')`),
    check("organisation_logos_size", sql`octet_length(${t.data}) <= 204800`),
  ],
);

/** A person's role in one organisation; one role per person per organisation. */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    invitedById: text("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    invitedAt: timestamp("invited_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("memberships_org_user").on(t.organisationId, t.userId), index("memberships_user_idx").on(t.userId)],
);
